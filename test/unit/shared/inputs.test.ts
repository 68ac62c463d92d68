import { describe, expect, it } from 'vitest';
import {
  checkConnectionInputs,
  normaliseClientId,
  normaliseClientSecret,
  normaliseEnvironmentUrl,
  parseCompanyNumbers,
} from '../../../src/shared/inputs.ts';
import { resources } from '../../../src/shared/i18n/resources.ts';

const BASE = 'https://apihrafdeling.cobra.sdworx.com';

describe('normaliseEnvironmentUrl', () => {
  it.each([
    [BASE],
    [`${BASE}/`],
    [`  ${BASE}  `],
    [`${BASE}/odata`],
    [`${BASE}/odata/`],
    [`${BASE}/odata/Person?$top=1`],
    [`${BASE}/Resources`],
    [`${BASE}/resources/`],
    [`${BASE}/Home/Authentication`],
    [`${BASE}/OAuth/Token`],
    ['apihrafdeling.cobra.sdworx.com'],
    ['APIHRAFDELING.Cobra.SDWorx.com/odata/'],
    [`<${BASE}>`],
    [`"${BASE}"`],
    [`${BASE}\u200B`],
  ])('reduces %j to the base', (raw) => {
    const result = normaliseEnvironmentUrl(raw);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.baseUrl).toBe(BASE);
      expect(result.value.tokenUrl).toBe(`${BASE}/OAuth/Token`);
      expect(result.value.odataUrl).toBe(`${BASE}/odata/`);
    }
  });

  it.each([
    ['https://api.ctbps.nl/v3', 'https://api.ctbps.nl/v3'],
    ['https://api.ctbps.nl/v3/', 'https://api.ctbps.nl/v3'],
    ['https://api.ctbps.nl/v3/odata/', 'https://api.ctbps.nl/v3'],
    ['https://api.ctbps.nl/v3/OAuth/Token', 'https://api.ctbps.nl/v3'],
    ['api.ctbps.nl/v3/Home/Authentication', 'https://api.ctbps.nl/v3'],
  ])('keeps the legacy path prefix of %j', (raw, base) => {
    const result = normaliseEnvironmentUrl(raw);
    expect(result.ok && result.value.baseUrl).toBe(base);
    expect(result.ok && result.value.tokenUrl).toBe(`${base}/OAuth/Token`);
  });

  it.each([
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['http://localhost:4010/odata', 'http://localhost:4010'],
    ['http://[::1]:4010/', 'http://[::1]:4010'],
  ])('allows plain http on loopback: %j', (raw, base) => {
    const result = normaliseEnvironmentUrl(raw);
    expect(result.ok && result.value.baseUrl).toBe(base);
    expect(result.ok && result.value.loopback).toBe(true);
    expect(result.warnings.map((warning) => warning.code)).toEqual(['url.loopback']);
  });

  it.each([
    ['', 'url.missing'],
    ['   ', 'url.missing'],
    ['http://apihrafdeling.cobra.sdworx.com', 'url.not-https'],
    ['ftp://apihrafdeling.cobra.sdworx.com', 'url.invalid'],
    ['https://api hrafdeling.cobra.sdworx.com', 'url.invalid'],
    ['https://', 'url.invalid'],
    ['https://user:pass@apihrafdeling.cobra.sdworx.com', 'url.has-credentials'],
  ])('rejects %j with %s', (raw, code) => {
    const result = normaliseEnvironmentUrl(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.field).toBe('environmentUrl');
    }
  });

  it('names the rejected value in the not-https error', () => {
    const result = normaliseEnvironmentUrl('http://apitest.cobra.sdworx.com');
    expect(!result.ok && result.error.params['value']).toBe('http://apitest.cobra.sdworx.com');
  });

  it('warns about a host that is not a Cobra domain', () => {
    const result = normaliseEnvironmentUrl('https://api.example.com/odata');
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      { code: 'url.unknown-host', field: 'environmentUrl', params: { host: 'api.example.com' } },
    ]);
  });

  it('does not accept a look-alike of the Cobra domain', () => {
    const result = normaliseEnvironmentUrl('https://cobra.sdworx.com.attacker.example');
    expect(result.warnings.map((warning) => warning.code)).toContain('url.unknown-host');
  });

  it('warns about a legacy host without its path prefix', () => {
    const result = normaliseEnvironmentUrl('https://api.ctbps.nl/');
    expect(result.warnings.map((warning) => warning.code)).toEqual(['url.legacy-without-prefix']);
  });

  it('drops a query string with a warning', () => {
    const result = normaliseEnvironmentUrl(`${BASE}/odata/Person?$top=1`);
    expect(result.warnings.map((warning) => warning.code)).toEqual(['url.query-removed']);
  });

  it('gives no warning for a clean Cobra URL', () => {
    expect(normaliseEnvironmentUrl(BASE).warnings).toEqual([]);
  });
});

describe('normaliseClientId and normaliseClientSecret', () => {
  it('trims an id and says how much was removed', () => {
    const result = normaliseClientId('  abc-123\n');
    expect(result.ok && result.value).toBe('abc-123');
    expect(result.warnings).toEqual([
      { code: 'client-id.trimmed', field: 'clientId', params: { count: 3 } },
    ]);
  });

  it('rejects an id with a space inside', () => {
    const result = normaliseClientId('abc 123');
    expect(!result.ok && result.error.code).toBe('client-id.invalid-characters');
  });

  it('trims a secret copied with a trailing space and a zero-width space', () => {
    const result = normaliseClientSecret('s3cr3t+/= \u200B');
    expect(result.ok && result.value).toBe('s3cr3t+/=');
    expect(result.warnings.map((warning) => warning.code)).toEqual(['client-secret.trimmed']);
  });

  it('keeps spaces inside a secret', () => {
    const result = normaliseClientSecret('two words');
    expect(result.ok && result.value).toBe('two words');
    expect(result.warnings).toEqual([]);
  });

  it.each([[''], ['  '], ['\n']])('rejects the empty secret %j', (raw) => {
    const result = normaliseClientSecret(raw);
    expect(!result.ok && result.error.code).toBe('client-secret.missing');
  });

  it('rejects a secret with a line break inside', () => {
    const result = normaliseClientSecret('abc\ndef');
    expect(!result.ok && result.error.code).toBe('client-secret.invalid-characters');
  });

  it('never puts the secret into a message', () => {
    const result = normaliseClientSecret('  hunter2-secret  ');
    expect(JSON.stringify(result.warnings)).not.toContain('hunter2');
  });
});

describe('parseCompanyNumbers', () => {
  it.each([
    ['12345', ['12345']],
    ['12345,67890', ['12345', '67890']],
    ['12345, 67890', ['12345', '67890']],
    ['12345;67890', ['12345', '67890']],
    ['12345 67890', ['12345', '67890']],
    ['12345\n67890\r\n', ['12345', '67890']],
    [' 00123 ', ['00123']],
    [
      ['12345', '67890,11111'],
      ['12345', '67890', '11111'],
    ],
  ])('parses %j', (raw, expected) => {
    const result = parseCompanyNumbers(raw);
    expect(result.ok && result.value).toEqual(expected);
  });

  it('removes duplicates, keeps the first order and warns with the values', () => {
    const result = parseCompanyNumbers('3, 1, 3, 2, 1');
    expect(result.ok && result.value).toEqual(['3', '1', '2']);
    expect(result.warnings).toEqual([
      { code: 'companies.duplicates-removed', field: 'companyNumbers', params: { values: '3, 1' } },
    ]);
  });

  it.each([
    ['12345, 12a45', '12a45'],
    ['NL12345', 'NL12345'],
    ['12.345', '12.345'],
    ['-5', '-5'],
  ])('rejects %j naming %j', (raw, value) => {
    const result = parseCompanyNumbers(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('companies.not-a-number');
      expect(result.error.params['value']).toBe(value);
    }
  });

  it('rejects an empty list', () => {
    const result = parseCompanyNumbers(' , ;\n');
    expect(!result.ok && result.error.code).toBe('companies.missing');
  });

  it('rejects more than the maximum', () => {
    const many = Array.from({ length: 1001 }, (_, index) => String(index + 1)).join(',');
    const result = parseCompanyNumbers(many);
    expect(!result.ok && result.error.code).toBe('companies.too-many');
  });
});

describe('checkConnectionInputs', () => {
  it('returns every wrong field at once', () => {
    const result = checkConnectionInputs({
      environmentUrl: 'http://example.com',
      clientId: '',
      clientSecret: ' ',
      companyNumbers: 'abc',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((error) => error.field)).toEqual([
        'environmentUrl',
        'clientId',
        'clientSecret',
        'companyNumbers',
      ]);
    }
  });

  it('has a message in both languages for every code it can return', () => {
    const codes = [
      'url.missing',
      'url.invalid',
      'url.not-https',
      'url.has-credentials',
      'url.query-removed',
      'url.loopback',
      'url.unknown-host',
      'url.legacy-without-prefix',
      'client-id.missing',
      'client-id.invalid-characters',
      'client-id.trimmed',
      'client-secret.missing',
      'client-secret.invalid-characters',
      'client-secret.trimmed',
      'companies.missing',
      'companies.not-a-number',
      'companies.too-long',
      'companies.too-many',
      'companies.duplicates-removed',
    ];
    for (const language of ['nl', 'en'] as const) {
      for (const code of codes) {
        const [group, key] = code.split('.') as [string, string];
        const namespace = resources[language].inputs as Record<string, Record<string, string>>;
        expect(namespace[group]?.[key], `${language} ${code}`).toBeTypeOf('string');
      }
    }
  });
});
