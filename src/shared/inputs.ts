/**
 * Normalisation and validation of what an administrator types or pastes:
 * the environment URL, client id, client secret and company numbers. Pure
 * functions without Node APIs, so the renderer validates inline with the same
 * rules that the verification run and the CLI apply. Every message is a code
 * in the `inputs` locale namespace (`inputs:<code>`) with its parameters.
 */

import type { Connection } from './connection.ts';

export type InputField = 'environmentUrl' | 'clientId' | 'clientSecret' | 'companyNumbers';

export interface InputMessage {
  /** Key in the `inputs` namespace, e.g. `url.not-https`. */
  code: string;
  field: InputField;
  params: Record<string, string | number>;
}

export type Checked<T> =
  | { ok: true; value: T; warnings: InputMessage[] }
  | { ok: false; error: InputMessage; warnings: InputMessage[] };

/** URLs of one Cobra environment. */
export interface Environment {
  /** Scheme, host, port and legacy path prefix, without a trailing slash. */
  baseUrl: string;
  tokenUrl: string;
  /** OData root with a trailing slash; resources are appended to it. */
  odataUrl: string;
  host: string;
  loopback: boolean;
}

/** Host suffixes of SD Worx Cobra API environments, current and legacy. */
export const KNOWN_COBRA_HOSTS: readonly { suffix: string; exact: boolean }[] = [
  { suffix: '.cobra.sdworx.com', exact: false },
  { suffix: 'api.ctbps.nl', exact: true },
];

export const MAX_COMPANY_NUMBERS = 1000;
const MAX_COMPANY_NUMBER_DIGITS = 20;

/**
 * Path endings that administrators paste along with the base: documentation
 * pages, the OData root (with or without a resource) and the token URL.
 * Matched case-insensitively at the end of the path, repeatedly.
 */
const PASTED_SUFFIXES: readonly RegExp[] = [
  /\/odata(\/.*)?$/i,
  /\/resources(\/.*)?$/i,
  /\/home\/authentication\/?$/i,
  /\/home\/?$/i,
  /\/oauth\/token\/?$/i,
  /\/oauth\/?$/i,
];

// Whitespace that copying from web pages, PDFs and e-mail adds around values:
// ordinary whitespace plus zero-width characters, which String.trim keeps.
const EDGE_WHITESPACE = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/g;
// eslint-disable-next-line no-control-regex -- control characters are what this rejects
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F]/;

function message(
  field: InputField,
  code: string,
  params: Record<string, string | number> = {},
): InputMessage {
  return { code, field, params };
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

export function isKnownCobraHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return KNOWN_COBRA_HOSTS.some(({ suffix, exact }) =>
    exact ? host === suffix : host.endsWith(suffix) && host.length > suffix.length,
  );
}

/**
 * Reduces a pasted environment URL to its base: `https://host[/prefix]`.
 * Accepts a missing scheme, surrounding spaces, quotes or angle brackets, and
 * the documentation, OData and token paths. Rejects plain http except on
 * loopback, and URLs with credentials in them.
 */
export function normaliseEnvironmentUrl(raw: string): Checked<Environment> {
  const field = 'environmentUrl';
  const warnings: InputMessage[] = [];
  const text = raw.replace(EDGE_WHITESPACE, '').replace(/^["'<]+|["'>]+$/g, '');
  if (text === '') {
    return { ok: false, error: message(field, 'url.missing'), warnings };
  }
  if (/\s/.test(text)) {
    return { ok: false, error: message(field, 'url.invalid', { value: text }), warnings };
  }

  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, error: message(field, 'url.invalid', { value: text }), warnings };
  }

  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol === 'http:' && !loopback) {
    return { ok: false, error: message(field, 'url.not-https', { value: text }), warnings };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, error: message(field, 'url.invalid', { value: text }), warnings };
  }
  // SECURITY: a URL with user:password@ would put credentials into every request and log line.
  if (url.username !== '' || url.password !== '') {
    return { ok: false, error: message(field, 'url.has-credentials'), warnings };
  }
  if (url.search !== '' || url.hash !== '') {
    warnings.push(message(field, 'url.query-removed', { value: `${url.search}${url.hash}` }));
  }

  const prefix = stripPastedSuffixes(url.pathname);
  const baseUrl = `${url.protocol}//${url.host}${prefix}`;
  if (loopback) {
    warnings.push(message(field, 'url.loopback', { host: url.host }));
  } else if (!isKnownCobraHost(url.hostname)) {
    warnings.push(message(field, 'url.unknown-host', { host: url.hostname }));
  } else if (url.hostname === 'api.ctbps.nl' && prefix === '') {
    warnings.push(message(field, 'url.legacy-without-prefix', { host: url.hostname }));
  }

  return {
    ok: true,
    value: {
      baseUrl,
      tokenUrl: `${baseUrl}/OAuth/Token`,
      odataUrl: `${baseUrl}/odata/`,
      host: url.host,
      loopback,
    },
    warnings,
  };
}

function stripPastedSuffixes(pathname: string): string {
  let path = pathname.replace(/\/{2,}/g, '/').replace(/\/+$/, '');
  let changed = true;
  while (changed) {
    changed = false;
    for (const suffix of PASTED_SUFFIXES) {
      const stripped = path.replace(suffix, '').replace(/\/+$/, '');
      if (stripped !== path) {
        path = stripped;
        changed = true;
      }
    }
  }
  return path;
}

/** Trims a pasted value; reports how many characters trimming removed. */
function trimPasted(raw: string): { value: string; removed: number } {
  const value = raw.replace(EDGE_WHITESPACE, '');
  return { value, removed: raw.length - value.length };
}

export function normaliseClientId(raw: string): Checked<string> {
  const field = 'clientId';
  const { value, removed } = trimPasted(raw);
  const warnings = removed > 0 ? [message(field, 'client-id.trimmed', { count: removed })] : [];
  if (value === '') {
    return { ok: false, error: message(field, 'client-id.missing'), warnings };
  }
  if (CONTROL_CHARACTERS.test(value) || /\s/.test(value)) {
    return { ok: false, error: message(field, 'client-id.invalid-characters'), warnings };
  }
  return { ok: true, value, warnings };
}

/**
 * Trims the client secret. Cobra shows the secret once, and a space or line
 * break copied along with it is the most common reason a correct secret fails.
 * The messages never contain the secret itself.
 */
export function normaliseClientSecret(raw: string): Checked<string> {
  const field = 'clientSecret';
  const { value, removed } = trimPasted(raw);
  const warnings = removed > 0 ? [message(field, 'client-secret.trimmed', { count: removed })] : [];
  if (value === '') {
    return { ok: false, error: message(field, 'client-secret.missing'), warnings };
  }
  if (CONTROL_CHARACTERS.test(value)) {
    return { ok: false, error: message(field, 'client-secret.invalid-characters'), warnings };
  }
  return { ok: true, value, warnings };
}

/**
 * Parses company numbers separated by commas, semicolons, spaces or lines.
 * Keeps the order of first appearance and the digits as typed (leading zeros
 * included), drops duplicates with a warning and rejects anything that is
 * not a number, naming it.
 */
export function parseCompanyNumbers(raw: string | readonly string[]): Checked<string[]> {
  const field = 'companyNumbers';
  const text = typeof raw === 'string' ? raw : raw.join('\n');
  const parts = text.split(/[\s,;\u200B-\u200D\u2060\uFEFF]+/).filter((part) => part !== '');
  const warnings: InputMessage[] = [];

  if (parts.length === 0) {
    return { ok: false, error: message(field, 'companies.missing'), warnings };
  }
  const invalid = parts.find((part) => !/^\d+$/.test(part));
  if (invalid !== undefined) {
    return {
      ok: false,
      error: message(field, 'companies.not-a-number', { value: invalid }),
      warnings,
    };
  }
  const tooLong = parts.find((part) => part.length > MAX_COMPANY_NUMBER_DIGITS);
  if (tooLong !== undefined) {
    return {
      ok: false,
      error: message(field, 'companies.too-long', {
        value: tooLong,
        max: MAX_COMPANY_NUMBER_DIGITS,
      }),
      warnings,
    };
  }

  const unique = [...new Set(parts)];
  if (unique.length < parts.length) {
    const duplicates = [...new Set(parts.filter((part, index) => parts.indexOf(part) !== index))];
    warnings.push(
      message(field, 'companies.duplicates-removed', { values: duplicates.join(', ') }),
    );
  }
  if (unique.length > MAX_COMPANY_NUMBERS) {
    return {
      ok: false,
      error: message(field, 'companies.too-many', {
        count: unique.length,
        max: MAX_COMPANY_NUMBERS,
      }),
      warnings,
    };
  }
  return { ok: true, value: unique, warnings };
}

export interface ConnectionInputs {
  environment: Environment;
  clientId: string;
  clientSecret: string;
  companyNumbers: string[];
}

export interface RawConnectionInputs {
  environmentUrl: string;
  clientId: string;
  clientSecret: string;
  companyNumbers: string | readonly string[];
}

/**
 * Checks all connection inputs at once and returns every error, not only the
 * first, so a form can mark each wrong field.
 */
export function checkConnectionInputs(
  raw: RawConnectionInputs,
):
  | { ok: true; value: ConnectionInputs; warnings: InputMessage[] }
  | { ok: false; errors: InputMessage[]; warnings: InputMessage[] } {
  const environment = normaliseEnvironmentUrl(raw.environmentUrl);
  const clientId = normaliseClientId(raw.clientId);
  const clientSecret = normaliseClientSecret(raw.clientSecret);
  const companyNumbers = parseCompanyNumbers(raw.companyNumbers);
  const all = [environment, clientId, clientSecret, companyNumbers];
  const warnings = all.flatMap((result) => result.warnings);

  if (environment.ok && clientId.ok && clientSecret.ok && companyNumbers.ok) {
    return {
      ok: true,
      value: {
        environment: environment.value,
        clientId: clientId.value,
        clientSecret: clientSecret.value,
        companyNumbers: companyNumbers.value,
      },
      warnings,
    };
  }
  const errors = all.flatMap((result) => (result.ok ? [] : [result.error]));
  return { ok: false, errors, warnings };
}

/** Checks the inputs of a stored connection with its decrypted secret. */
export function checkStoredConnection(
  connection: Pick<Connection, 'environmentUrl' | 'clientId' | 'companyNumbers'>,
  secret: string,
): ReturnType<typeof checkConnectionInputs> {
  return checkConnectionInputs({
    environmentUrl: connection.environmentUrl,
    clientId: connection.clientId,
    clientSecret: secret,
    companyNumbers: connection.companyNumbers,
  });
}
