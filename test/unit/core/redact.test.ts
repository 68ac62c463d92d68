import { describe, expect, it } from 'vitest';
import { createLogger, type LogFields } from '../../../src/core/log/logger.ts';
import { REDACTED, SecretRegistry, redactText, redactValue } from '../../../src/core/log/redact.ts';

const SECRET = 'Zx9!ab%+/= é€secret';

describe('redactText', () => {
  it.each([
    ['Basic header', 'Authorization: Basic ZGVtbzpzZWNyZXQ=', 'ZGVtbzpzZWNyZXQ='],
    ['Bearer header', 'authorization: Bearer eyJhbGciOiJI.eyJzdWIi.abc123', 'eyJhbGciOiJI'],
    [
      'client_secret form field',
      'grant_type=client_credentials&client_secret=s3cr%21t&scope=customer',
      's3cr%21t',
    ],
    ['access_token in a query', 'GET /odata/Person?access_token=abc.def.123', 'abc.def.123'],
    ['JSON client secret', '{"clientSecret":"hunter2-value"}', 'hunter2-value'],
    ['JSON access token with escapes', '{"access_token":"ab\\"cd12"}', 'ab\\"cd12'],
    ['JSON passphrase', '{"passphrase": "correct horse battery"}', 'correct horse battery'],
    ['age identity', 'key AGE-SECRET-KEY-1QYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGP', 'AGE-SECRET-KEY-1QYQ'],
    [
      'PGP private key',
      '-----BEGIN PGP PRIVATE KEY BLOCK-----\nxcLYBGV\n-----END PGP PRIVATE KEY BLOCK-----',
      'xcLYBGV',
    ],
  ])('masks a %s', (_name, text, secretPart) => {
    const redacted = redactText(text);
    expect(redacted).not.toContain(secretPart);
    expect(redacted).toContain(REDACTED);
  });

  it('keeps prose that mentions Basic authentication', () => {
    expect(redactText('Basic authentication failed')).toBe('Basic authentication failed');
  });

  it.each([
    ['plain', SECRET],
    ['URL-encoded', encodeURIComponent(SECRET)],
    ['form-encoded', new URLSearchParams({ s: SECRET }).toString().slice(2)],
    ['base64', Buffer.from(SECRET).toString('base64')],
    ['JSON-escaped', JSON.stringify(SECRET).slice(1, -1)],
  ])('masks a registered secret in %s form', (_name, form) => {
    const registry = new SecretRegistry();
    registry.register(SECRET);
    const redacted = redactText(`value=${form} end`, registry);
    expect(redacted).not.toContain(form);
  });

  it('stops masking a secret once it is unregistered', () => {
    const registry = new SecretRegistry();
    registry.register('temporary-value');
    registry.unregister('temporary-value');
    expect(redactText('temporary-value', registry)).toBe('temporary-value');
  });
});

describe('redactValue', () => {
  it('masks values under secret keys at any depth', () => {
    const value = redactValue({
      connection: {
        clientId: 'abc',
        clientSecret: 'x1',
        headers: { Authorization: 'Basic Zm9vOmJhcg==' },
      },
      list: [{ passphrase: 'a b c' }],
    });
    expect(JSON.stringify(value)).not.toMatch(/x1|Zm9vOmJhcg|a b c/);
    expect(JSON.stringify(value)).toContain('abc');
  });

  it('redacts error messages, stacks and causes', () => {
    const registry = new SecretRegistry();
    registry.register(SECRET);
    const error = new Error(`token request with ${SECRET} failed`, { cause: new Error(SECRET) });
    const text = JSON.stringify(redactValue({ error }, registry));
    expect(text).not.toContain(SECRET);
    expect(text).toContain('token request with');
  });

  it('survives cycles', () => {
    const value: Record<string, unknown> = { name: 'a' };
    value['self'] = value;
    expect(() => JSON.stringify(redactValue(value))).not.toThrow();
  });
});

describe('createLogger', () => {
  it('redacts message and fields before the sink', () => {
    const lines: { message: string; fields: LogFields | undefined }[] = [];
    const registry = new SecretRegistry();
    registry.register(SECRET);
    const log = createLogger(
      'test',
      (_level, _scope, message, fields) => lines.push({ message, fields }),
      registry,
    );
    log.error(`failed with ${SECRET}`, {
      body: `client_secret=${encodeURIComponent(SECRET)}`,
      secret: 'x',
    });
    const written = JSON.stringify(lines);
    expect(written).not.toContain(SECRET);
    expect(written).not.toContain(encodeURIComponent(SECRET));
    expect(lines).toHaveLength(1);
  });
});
