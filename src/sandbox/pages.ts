import { htmlReply, type Reply } from './reply.ts';

/** The documentation pages every Cobra environment serves, in short. */
export function documentationPage(page: 'authentication' | 'resources' | 'home'): Reply {
  switch (page) {
    case 'authentication':
      return htmlReply(200, 'Authentication', [
        'Cobra API (local sandbox). Request a token with the client credentials grant:',
        'POST /OAuth/Token with HTTP Basic client authentication and the form body ' +
          'grant_type=client_credentials&scope=customer.',
        'Send the access token as "Authorization: Bearer <token>" to the resources under /odata/.',
      ]);
    case 'resources':
      return htmlReply(200, 'Resources', [
        'Cobra API (local sandbox). The OData v3 entity sets are listed at /odata/ and described at /odata/$metadata.',
      ]);
    default:
      return htmlReply(200, 'Cobra API', [
        'Local Cobra API sandbox with synthetic data. See /Home/Authentication and /Resources.',
      ]);
  }
}

/** The HTML page IIS returns for a path it does not know. */
export function notFoundPage(): Reply {
  return htmlReply(404, '404 - File or directory not found.', [
    'The resource you are looking for might have been removed, had its name changed, or is temporarily unavailable.',
  ]);
}

/** An HTML error page such as a gateway or proxy puts in place of the API's answer. */
export function faultPage(status: number): Reply {
  if (status === 200) {
    return htmlReply(200, 'Sign in', ['Your session has expired. Sign in again to continue.']);
  }
  return htmlReply(status, `${status} - Service Unavailable`, [
    'The server is temporarily unable to service your request. Please try again later.',
  ]);
}
