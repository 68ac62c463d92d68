/**
 * Removes secrets from anything that is about to be logged or reported.
 *
 * Two layers: known secret values registered at runtime (the client secret,
 * a passphrase, an access token) are replaced wherever they appear, also in
 * their base64 (also inside a longer base64 value), base64url, URL-encoded
 * and form-encoded forms; and secret-shaped text
 * (Authorization headers, `client_secret=` fields, JSON secret fields) is
 * masked even when its value was never registered.
 */

export const REDACTED = '[redacted]';

/** Object keys whose values are always masked, compared case-insensitively. */
const SECRET_KEYS = new Set([
  'authorization',
  'proxy-authorization',
  'client_secret',
  'clientsecret',
  'secret',
  'password',
  'passphrase',
  'access_token',
  'accesstoken',
  'refresh_token',
  'token',
  'privatekey',
  'private_key',
  'identity',
  'cookie',
  'set-cookie',
]);

const TEXT_PATTERNS: readonly RegExp[] = [
  // Authorization and Proxy-Authorization header values, whatever the
  // credential looks like (a base64 credential can be letters only).
  /\b((?:proxy-)?authorization["']?\s*[:=]\s*["']?(?:Basic|Bearer)\s+)[^\s"',;]+/gi,
  // Authorization: Basic abc / Bearer abc, in headers and in free text. The
  // credential must contain a digit or a base64 symbol, so that prose such
  // as "Basic authentication" stays readable.
  /\b(Basic|Bearer)\s+(?=[A-Za-z0-9+/=._~-]*[0-9+/=._~-])[A-Za-z0-9+/=._~-]{8,}/gi,
  // Form and query fields: client_secret=..., access_token=..., password=...
  /\b(client_secret|access_token|refresh_token|password|passphrase)=[^&\s"']*/gi,
  // JSON fields: "client_secret": "...", also with escaped quotes, and also
  // when the text was cut off before the closing quote (the start of a body).
  /("(?:client_?secret|secret|access_?token|refresh_token|password|passphrase|token)"\s*:\s*)"(?:[^"\\]|\\.)*(?:"|\\?$)/gi,
  // Age identities and armored private keys.
  /AGE-SECRET-KEY-1[0-9A-Z]+/g,
  /-----BEGIN PGP PRIVATE KEY BLOCK-----[\s\S]*?(-----END PGP PRIVATE KEY BLOCK-----|$)/g,
];

/** Holds the secret values known to this process, with their encoded forms. */
export class SecretRegistry {
  readonly #values = new Set<string>();

  /** Registers a secret; values shorter than 4 characters are too ambiguous to mask. */
  register(secret: string): void {
    if (secret.length < 4) {
      return;
    }
    for (const form of encodedForms(secret)) {
      this.#values.add(form);
    }
  }

  unregister(secret: string): void {
    for (const form of encodedForms(secret)) {
      this.#values.delete(form);
    }
  }

  /** Registered forms, longest first so that a longer form masks whole. */
  values(): string[] {
    return [...this.#values].sort((a, b) => b.length - a.length);
  }
}

function encodedForms(secret: string): string[] {
  const forms = new Set<string>([secret]);
  forms.add(encodeURIComponent(secret));
  forms.add(new URLSearchParams({ s: secret }).toString().slice(2));
  forms.add(Buffer.from(secret, 'utf8').toString('base64'));
  forms.add(Buffer.from(secret, 'utf8').toString('base64').replace(/=+$/, ''));
  forms.add(Buffer.from(secret, 'utf8').toString('base64url'));
  for (const form of embeddedBase64Forms(secret)) {
    forms.add(form);
  }
  forms.add(JSON.stringify(secret).slice(1, -1));
  return [...forms].filter((form) => form.length >= 4);
}

/**
 * The base64 characters that encode the secret when it sits inside a longer
 * encoded value, such as `client:secret` in a Basic credential. Base64
 * works on 3-byte groups, so the encoding depends on the secret's offset
 * modulo 3: for each offset, only the characters whose 6 bits come from the
 * secret alone are kept.
 */
function embeddedBase64Forms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const forms: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const first = Math.ceil((offset * 8) / 6);
    const end = Math.floor(((offset + bytes.length) * 8) / 6);
    const core = encoded.slice(first, end);
    forms.push(core, core.replaceAll('+', '-').replaceAll('/', '_'));
  }
  return forms;
}

/** Masks registered secrets and secret-shaped text in a string. */
export function redactText(text: string, registry?: SecretRegistry): string {
  let result = text;
  if (registry !== undefined) {
    for (const value of registry.values()) {
      result = result.split(value).join(REDACTED);
    }
  }
  for (const pattern of TEXT_PATTERNS) {
    result = result.replace(pattern, (match: string, prefix?: string) => {
      if (prefix !== undefined && /authorization/i.test(prefix)) {
        return `${prefix}${REDACTED}`;
      }
      if (match.startsWith('"') && prefix !== undefined) {
        return `${prefix}"${REDACTED}"`;
      }
      if (/^(Basic|Bearer)\s/i.test(match)) {
        return `${match.split(/\s+/)[0] ?? ''} ${REDACTED}`;
      }
      const equals = match.indexOf('=');
      if (equals > 0 && !match.startsWith('-----')) {
        return `${match.slice(0, equals + 1)}${REDACTED}`;
      }
      return REDACTED;
    });
  }
  return result;
}

/**
 * Returns a redacted deep copy of any value: strings are scanned, values
 * under secret keys are masked, errors become plain objects with their
 * message, stack and cause redacted. Cycles and depth are bounded.
 */
export function redactValue(value: unknown, registry?: SecretRegistry): unknown {
  return redactInner(value, registry, new WeakSet(), 0);
}

function redactInner(
  value: unknown,
  registry: SecretRegistry | undefined,
  seen: WeakSet<object>,
  depth: number,
): unknown {
  if (typeof value === 'string') {
    return redactText(value, registry);
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  if (seen.has(value)) {
    return '[circular]';
  }
  if (depth > 8) {
    return '[too deep]';
  }
  seen.add(value);

  if (value instanceof Error) {
    const plain: Record<string, unknown> = {
      name: value.name,
      message: redactText(value.message, registry),
    };
    if (value.stack !== undefined) {
      plain['stack'] = redactText(value.stack, registry);
    }
    const code = (value as { code?: unknown }).code;
    if (code !== undefined) {
      plain['code'] = code;
    }
    if (value.cause !== undefined) {
      plain['cause'] = redactInner(value.cause, registry, seen, depth + 1);
    }
    return plain;
  }
  if (Array.isArray(value)) {
    return value.map((item) => redactInner(item, registry, seen, depth + 1));
  }
  if (value instanceof Uint8Array) {
    return `[${value.byteLength} bytes]`;
  }
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = SECRET_KEYS.has(key.toLowerCase())
      ? REDACTED
      : redactInner(item, registry, seen, depth + 1);
  }
  return copy;
}
