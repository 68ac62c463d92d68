import type { IncomingMessage } from 'node:http';
import { QueryError } from './filter.ts';
import {
  handleResourceRequest,
  metadataDocument,
  routeODataPath,
  serviceDocument,
} from './odata.ts';
import { documentationPage, notFoundPage } from './pages.ts';
import { htmlReply, oauthError, odataError, type Reply } from './reply.ts';
import { baseUrlOf, type SandboxState } from './state.ts';
import { handleTokenRequest } from './token.ts';

/** Part of the API that a request targets, as fault rules name it. */
export type Target = 'token' | 'odata' | 'pages' | string;

/** Names the target of a path below the prefix, for fault rules. */
export function targetOf(path: string): Target {
  if (path.toLowerCase() === '/oauth/token') {
    return 'token';
  }
  const odata = /^\/odata\/([A-Za-z]+)/.exec(path);
  if (odata !== null && !odata[1]!.startsWith('$')) {
    return odata[1]!;
  }
  return path.startsWith('/odata') ? 'odata' : 'pages';
}

/** Finds the client behind a bearer token; a reply when there is none. */
function authenticate(req: IncomingMessage, state: SandboxState): Reply | { clientId: string } {
  const match = /^Bearer +(\S+)$/i.exec(req.headers.authorization?.trim() ?? '');
  if (match === null) {
    return odataError(401, 'Authorization has been denied for this request.', {
      'www-authenticate': 'Bearer',
    });
  }
  const clientId = state.tokens.verify(match[1]!);
  if (clientId === undefined) {
    return odataError(401, 'Authorization has been denied for this request.', {
      'www-authenticate': 'Bearer error="invalid_token"',
    });
  }
  return { clientId };
}

/** Routes a request below the path prefix to its page, the token endpoint or OData. */
export async function route(
  req: IncomingMessage,
  path: string,
  params: URLSearchParams,
  body: string,
  state: SandboxState,
): Promise<Reply> {
  const method = req.method ?? 'GET';
  const lower = path.toLowerCase();
  const readOnly = method === 'GET' || method === 'HEAD';

  if (lower === '/oauth/token') {
    if (method !== 'POST') {
      return oauthError(405, 'invalid_request', 'The token endpoint accepts POST only.', {
        allow: 'POST',
      });
    }
    return handleTokenRequest(req.headers, body, state.options, state.tokens);
  }
  const page =
    lower === '/home/authentication'
      ? 'authentication'
      : lower === '/resources'
        ? 'resources'
        : lower === '/'
          ? 'home'
          : undefined;
  if (page !== undefined) {
    return readOnly
      ? documentationPage(page)
      : {
          ...htmlReply(405, 'Method not allowed', [`${method} is not allowed here.`]),
          headers: { 'content-type': 'text/html; charset=utf-8', allow: 'GET, HEAD' },
        };
  }
  if (lower !== '/odata' && !lower.startsWith('/odata/')) {
    return notFoundPage();
  }

  const segment = path.slice('/odata/'.length);
  const odataRoute = segment === '' || segment === '$metadata' ? segment : routeODataPath(segment);
  const hidden =
    typeof odataRoute === 'object' &&
    'resource' in odataRoute &&
    state.options.hiddenResources.includes(odataRoute.resource.name);
  if (odataRoute === undefined || hidden) {
    return odataError(
      404,
      `No HTTP resource was found that matches the request URI '${baseUrlOf(state)}${path}'.`,
    );
  }
  const auth = authenticate(req, state);
  if ('status' in auth) {
    return auth;
  }
  const client = state.options.clients.find((entry) => entry.id === auth.clientId);
  if (client === undefined) {
    return odataError(401, 'Authorization has been denied for this request.', {
      'www-authenticate': 'Bearer error="invalid_token"',
    });
  }
  if (odataRoute instanceof QueryError) {
    return odataError(400, odataRoute.message);
  }
  if (typeof odataRoute === 'string') {
    if (!readOnly) {
      return odataError(405, `${method} is not supported here.`, { allow: 'GET, HEAD' });
    }
    return odataRoute === ''
      ? serviceDocument(baseUrlOf(state), state.options.hiddenResources)
      : metadataDocument();
  }
  return handleResourceRequest(
    method,
    odataRoute,
    params,
    client,
    state.data,
    state.options,
    baseUrlOf(state),
  );
}
