import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENTS, startSandbox, type Sandbox } from '../../../src/sandbox/index.ts';
import { probeOf, verifyAgainst } from '../../support/verify.ts';

describe('a token that the data endpoints reject', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, tokenExpiresInSeconds: 0 });
  });

  afterAll(async () => {
    await sandbox.close();
  });

  it('is reported as token-rejected, not as a missing GET right', async () => {
    const { report } = await verifyAgainst(sandbox, DEMO_CLIENTS.full);
    const probe = probeOf(report, 'endpoint', 'Person');
    expect(probeOf(report, 'token').diagnosis).toBe('ok');
    expect(probe).toMatchObject({ diagnosis: 'token-rejected', httpStatus: 401 });
    expect(probe.message).toContain('invalid_token');
    expect(probe.message).not.toContain('tick the GET');
    expect(report.probes.some((entry) => entry.diagnosis === 'endpoint-not-authorised')).toBe(
      false,
    );
  });
});

describe('a working token without the right to read', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, unauthorisedStatus: 401 });
  });

  afterAll(async () => {
    await sandbox.close();
  });

  it('stays endpoint-not-authorised with a 401', async () => {
    const { report } = await verifyAgainst(sandbox, DEMO_CLIENTS.partial);
    expect(probeOf(report, 'endpoint', 'EmploymentHistory')).toMatchObject({
      diagnosis: 'endpoint-not-authorised',
      httpStatus: 401,
    });
    expect(report.probes.some((entry) => entry.diagnosis === 'token-rejected')).toBe(false);
  });
});
