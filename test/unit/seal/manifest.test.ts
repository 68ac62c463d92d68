import { describe, expect, it } from 'vitest';
import {
  maskManifest,
  MANIFEST_FORMAT,
  MANIFEST_VERSION,
  parseManifest,
  serializeManifest,
} from '../../../src/shared/manifest.ts';
import { AppFailure } from '../../../src/shared/result.ts';
import { sampleManifest, sampleReport } from '../../support/seal.ts';

function failureOf(action: () => unknown): AppFailure {
  try {
    action();
  } catch (error) {
    if (error instanceof AppFailure) {
      return error;
    }
    throw error;
  }
  throw new Error('expected an AppFailure');
}

const V1 = {
  format: MANIFEST_FORMAT,
  version: 1,
  createdAt: '2026-11-01T09:00:00.000Z',
  useBefore: '2026-11-15',
  environmentUrl: 'https://bakkerij.cobra.example/',
  tokenUrl: 'https://bakkerij.cobra.example/OAuth/Token',
  clientId: 'client-4711',
  clientSecret: 'S3cr3t-Zout-9f8e7d6c5b4a',
  clientDisplayName: 'XpertSuite Loongegevens',
  validFrom: null,
  validUntil: null,
  companyNumbers: ['1001'],
  profile: {
    id: 'xpertsuite-loongegevens',
    version: 1,
    recipient: { name: 'NN Inkomen', email: 'spa.inkomen@nn.nl' },
  },
  report: null,
  senderName: 'Jan de Vries',
  senderEmail: 'jan@example.nl',
};

describe('manifest', () => {
  it('round-trips through serialize and parse', () => {
    const manifest = sampleManifest();
    expect(parseManifest(serializeManifest(manifest))).toEqual(manifest);
  });

  it('migrates version 1 to the current version', () => {
    const manifest = parseManifest(JSON.stringify(V1));
    expect(manifest.version).toBe(MANIFEST_VERSION);
    expect(manifest.sender).toEqual({ name: 'Jan de Vries', email: 'jan@example.nl' });
    expect(manifest.verification).toEqual({
      state: 'missing',
      confirmedDespiteState: true,
      report: null,
    });
    expect(manifest.clientSecret).toBe(V1.clientSecret);
  });

  it('rejects a newer version and names it', () => {
    const failure = failureOf(() =>
      parseManifest(JSON.stringify({ ...sampleManifest(), version: MANIFEST_VERSION + 1 })),
    );
    expect(failure.code).toBe('sealing.manifest-too-new');
    expect(failure.params).toEqual({ version: MANIFEST_VERSION + 1, supported: MANIFEST_VERSION });
    expect(failure.message).toContain(`version ${MANIFEST_VERSION + 1}`);
  });

  const broken: [string, string, string][] = [
    ['not JSON', 'client_secret=abc', 'sealing.manifest-not-json'],
    ['an array', '[]', 'sealing.manifest-unknown-format'],
    [
      'another format',
      JSON.stringify({ format: 'x', version: 1 }),
      'sealing.manifest-unknown-format',
    ],
    [
      'a version that is not a number',
      JSON.stringify({ format: MANIFEST_FORMAT, version: '2' }),
      'sealing.manifest-invalid',
    ],
    [
      'a missing field',
      JSON.stringify({ ...sampleManifest(), clientId: undefined }),
      'sealing.manifest-invalid',
    ],
    [
      'an unknown field',
      JSON.stringify({ ...sampleManifest(), extra: true }),
      'sealing.manifest-invalid',
    ],
    [
      'a version 1 manifest without a secret',
      JSON.stringify({ ...V1, clientSecret: undefined }),
      'sealing.manifest-invalid',
    ],
  ];
  it.each(broken)('rejects %s', (_name, plaintext, code) => {
    expect(failureOf(() => parseManifest(plaintext)).code).toBe(code);
  });

  it('names the field but never the value of an invalid manifest', () => {
    const secret = 'x'.repeat(2000);
    const failure = failureOf(() =>
      parseManifest(JSON.stringify({ ...sampleManifest(), clientSecret: secret })),
    );
    expect(failure.code).toBe('sealing.manifest-invalid');
    expect(failure.field).toBe('clientSecret');
    expect(failure.message).not.toContain('xxxx');
  });

  const badUrls: [string, Partial<ReturnType<typeof sampleManifest>>, string][] = [
    [
      'a javascript: environment URL',
      { environmentUrl: 'javascript:alert(1)', tokenUrl: 'javascript:alert(1)/OAuth/Token' },
      'environmentUrl',
    ],
    ['a token URL on another host', { tokenUrl: 'http://127.0.0.2:9/OAuth/Token' }, 'tokenUrl'],
    [
      'a token URL on another path',
      { tokenUrl: 'https://bakkerij.cobra.example/other/OAuth/Token' },
      'tokenUrl',
    ],
  ];
  it.each(badUrls)('rejects %s', (_name, overrides, field) => {
    const plaintext = JSON.stringify({ ...sampleManifest(), ...overrides });
    const failure = failureOf(() => parseManifest(plaintext));
    expect(failure.code).toBe('sealing.manifest-invalid');
    expect(failure.field).toBe(field);
  });

  it('accepts a legacy base URL with a path prefix', () => {
    const manifest = sampleManifest({
      environmentUrl: 'https://api.ctbps.nl/v3',
      tokenUrl: 'https://api.ctbps.nl/v3/OAuth/Token',
    });
    expect(parseManifest(serializeManifest(manifest)).tokenUrl).toBe(manifest.tokenUrl);
  });

  it('requires the confirmation when the verification did not pass', () => {
    const manifest = sampleManifest({
      verification: { state: 'failed', confirmedDespiteState: false, report: null },
    });
    const failure = failureOf(() => serializeManifest(manifest));
    expect(failure.code).toBe('sealing.manifest-invalid');
    expect(failure.field).toBe('verification.confirmedDespiteState');
  });

  it('masks the secret but for its last four characters', () => {
    const masked = maskManifest(sampleManifest());
    expect(masked.clientSecret).toBe('••••••••5b4a');
    expect(JSON.stringify(masked)).not.toContain('S3cr3t');
  });

  const controlCases: [string, (manifest: Record<string, unknown>, text: string) => void][] = [
    ['clientDisplayName', (m, text) => (m.clientDisplayName = text)],
    ['clientId', (m, text) => (m.clientId = text)],
    ['clientSecret', (m, text) => (m.clientSecret = text)],
    ['companyNumbers.1', (m, text) => (m.companyNumbers = ['1001', text])],
    [
      'profile.recipient.name',
      (m, text) => (m.profile = { ...sampleManifest().profile, recipient: { name: text } }),
    ],
    ['sender.organisation', (m, text) => (m.sender = { organisation: text })],
  ];
  const controlCharacters: [string, string][] = [
    ['an escape', 'a\u001b[2Jb'],
    ['a line break', 'a\r\nb'],
    ['a delete', 'a\u007fb'],
    ['a C1 control', 'a\u0085b'],
    ['a bidi override', 'a\u202eb'],
  ];
  for (const [name, text] of controlCharacters) {
    it.each(controlCases)(`rejects ${name} in %s`, (field, set) => {
      const data = structuredClone(sampleManifest()) as unknown as Record<string, unknown>;
      set(data, text);
      const failure = failureOf(() => parseManifest(JSON.stringify(data)));
      expect(failure.code).toBe('sealing.manifest-invalid');
      expect(failure.field).toBe(field);
      expect(failure.message).toContain(`"${field}"`);
    });
  }

  it('rejects a control character in a report inside the manifest', () => {
    const report = sampleReport({ clientId: 'client-4711\u009b' });
    const data = sampleManifest({
      verification: { state: 'passed', confirmedDespiteState: false, report },
    });
    const failure = failureOf(() => parseManifest(JSON.stringify(data)));
    expect(failure.field).toBe('verification.report.clientId');
  });
});
