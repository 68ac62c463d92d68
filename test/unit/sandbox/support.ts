import type { SandboxClient } from '../../../src/sandbox/index.ts';

export const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

export function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${id}:${secret}`, 'utf8').toString('base64')}`;
}

/** Form-encodes one Basic credential part as RFC 6749 section 2.3.1 requires. */
export function formEncode(text: string): string {
  return encodeURIComponent(text).replace(/%20/g, '+');
}

export async function requestToken(
  baseUrl: string,
  client: Pick<SandboxClient, 'id' | 'secret'>,
  body = 'grant_type=client_credentials&scope=customer',
): Promise<Response> {
  return fetch(`${baseUrl}/OAuth/Token`, {
    method: 'POST',
    headers: { ...FORM, authorization: basic(client.id, client.secret) },
    body,
  });
}

/** Gets a token for a client and fails the test when there is none. */
export async function tokenFor(
  baseUrl: string,
  client: Pick<SandboxClient, 'id' | 'secret'>,
): Promise<string> {
  const response = await requestToken(baseUrl, client);
  if (response.status !== 200) {
    throw new Error(`token request failed with ${response.status}: ${await response.text()}`);
  }
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
}

export async function getOData(
  baseUrl: string,
  path: string,
  token: string,
  init: RequestInit = {},
): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...init.headers },
  });
}

export interface ODataError {
  'odata.error': { code: string; message: { lang: string; value: string } };
}

export interface ODataCollection<T = Record<string, unknown>> {
  'odata.metadata': string;
  'odata.count'?: string;
  'odata.nextLink'?: string;
  value: T[];
}
