import { describe, expect, it } from 'vitest';
import {
  computeInputsDigest,
  computeInputsDigestAsync,
  type DigestInputs,
} from '../../../src/core/cobra/report.ts';

const INPUTS: DigestInputs = {
  environmentUrl: 'https://api.example.test',
  clientId: 'client-1',
  clientSecret: 'not-a-real-secret',
  companyNumbers: ['12345', '67890'],
  profile: { id: 'xpertsuite-loongegevens', version: 3 },
};
const SALT = '00112233445566778899aabbccddeeff';

// Computed independently with Python's hashlib.scrypt(canonical JSON,
// salt, n=4096, r=8, p=4, dklen=32), so a change of the scrypt parameters
// or of the canonical form fails here.
const EXPECTED = 'e8e280055d2b2ae1c319a25e96d4a7e4e335a04d04cc3cf698fae52aff4060fb';

describe('inputs digest', () => {
  it('matches the scrypt reference value', () => {
    expect(computeInputsDigest(INPUTS, SALT)).toBe(EXPECTED);
  });

  it('gives the same digest on the thread pool', async () => {
    expect(await computeInputsDigestAsync(INPUTS, SALT)).toBe(EXPECTED);
  });

  it('changes with the secret and the salt', () => {
    const otherSecret = computeInputsDigest({ ...INPUTS, clientSecret: 'another' }, SALT);
    const otherSalt = computeInputsDigest(INPUTS, 'ff'.repeat(16));
    expect(otherSecret).not.toBe(EXPECTED);
    expect(otherSalt).not.toBe(EXPECTED);
  });
});
