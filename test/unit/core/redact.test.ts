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

  it.each([
    ['letters-only Basic credential', 'Authorization: Basic YWJjZGVmZ2hpamts', 'YWJjZGVmZ2hpamts'],
    ['Proxy-Authorization header', 'Proxy-Authorization: Basic cHJveHk6cHc=', 'cHJveHk6cHc='],
    ['lower-case bearer token', 'authorization: bearer abcdefghijklmnop', 'abcdefghijklmnop'],
    [
      'Authorization in a JSON header map',
      '{"headers":{"Authorization":"Bearer abcdefghijklmnop"}}',
      'abcdefghijklmnop',
    ],
    ['URL-encoded client_secret', 'client_id=demo&client_secret=a%2Bb%2Fc%3D%3D', 'a%2Bb%2Fc'],
    ['passphrase form field', 'passphrase=correct+horse+battery&x=1', 'correct+horse'],
    ['password form field', 'user=a&password=Hunter2!', 'Hunter2!'],
    ['JSON client_secret', '{"client_secret": "s3cr3t value"}', 's3cr3t value'],
    ['JSON refresh token', '{"refresh_token":"rt-12345"}', 'rt-12345'],
    ['JSON password', '{"password":"pa ss"}', 'pa ss'],
  ])('masks a %s', (_name, text, secretPart) => {
    const redacted = redactText(text);
    expect(redacted).not.toContain(secretPart);
    expect(redacted).toContain(REDACTED);
  });

  it.each([
    ['client id', 'demo-client'],
    ['company number', '12345678'],
    ['resource name', 'PersonOrganization'],
  ])('keeps a header line without credentials and its %s', (_name, value) => {
    expect(redactText(`GET /odata/${value} 200`)).toContain(value);
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

  it('masks a registered secret in base64url form', () => {
    const registry = new SecretRegistry();
    registry.register(SECRET);
    const encoded = Buffer.from(SECRET).toString('base64url');
    expect(redactText(`blob ${encoded} end`, registry)).toBe(`blob ${REDACTED} end`);
  });

  it.each([
    ['after a client id', `demo:${SECRET}`],
    ['after two bytes', `ab${SECRET}`],
    ['inside JSON', `{"s":"${SECRET}","n":1}`],
  ])('masks a registered secret base64-encoded %s', (_name, plain) => {
    const registry = new SecretRegistry();
    registry.register(SECRET);
    const encoded = Buffer.from(plain).toString('base64');
    // The base64 characters whose bits all come from the secret.
    const start = Buffer.byteLength(plain.slice(0, plain.indexOf(SECRET)));
    const end = start + Buffer.byteLength(SECRET);
    const secretOnly = encoded.slice(Math.ceil((start * 8) / 6), Math.floor((end * 8) / 6));
    const redacted = redactText(`blob ${encoded} end`, registry);
    expect(redacted).toContain(REDACTED);
    for (let i = 0; i + 6 <= secretOnly.length; i++) {
      expect(redacted).not.toContain(secretOnly.slice(i, i + 6));
    }
  });

  it('masks a registered passphrase with spaces in every form', () => {
    const passphrase = 'seven random words read over phone';
    const registry = new SecretRegistry();
    registry.register(passphrase);
    const text = [
      passphrase,
      encodeURIComponent(passphrase),
      new URLSearchParams({ p: passphrase }).toString(),
      Buffer.from(passphrase).toString('base64'),
    ].join(' | ');
    const redacted = redactText(text, registry);
    expect(redacted).not.toContain('random words');
    expect(redacted).not.toContain('random%20words');
    expect(redacted).not.toContain('random+words');
    expect(redacted).not.toContain(Buffer.from(passphrase).toString('base64').slice(0, 12));
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
