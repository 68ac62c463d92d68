/**
 * Security policy of the window, kept free of Electron imports so that unit
 * tests can check each rule, and the e2e harness can serve the page with the
 * same headers the app uses.
 */

/** Scheme and host under which the app serves its own page. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'koppelhulp';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * SECURITY: the page may load only its own scripts, styles, fonts and images,
 * may not connect anywhere (all network work happens in main), cannot be
 * framed, and cannot submit forms or change its base URL.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "manifest-src 'none'",
].join('; ');

/** Response headers for every file the app protocol serves. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * Hosts whose https pages may open in the system browser: SD Worx's Cobra
 * documentation, NN and Otherside at Work. Subdomains of each entry match.
 */
export const EXTERNAL_LINK_HOSTS: readonly string[] = [
  'cobra.sdworx.com',
  'sdworx.nl',
  'sdworx.com',
  'nn.nl',
  'othersideatwork.nl',
  'othersideatwork.freshdesk.com',
  'age-encryption.org',
  'gnupg.org',
];

/** True for https URLs without credentials whose host is on the allowlist. */
export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') {
    return false;
  }
  if (url.port !== '' && url.port !== '443') {
    return false;
  }
  const host = url.hostname.toLowerCase();
  return EXTERNAL_LINK_HOSTS.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}

export type NavigationDecision = 'deny' | 'open-external';

/**
 * Decides what happens when the page tries to navigate or open a window.
 * SECURITY: the window itself never leaves the app page; allow-listed https
 * links go to the system browser, everything else is dropped.
 */
export function decideNavigation(url: string): NavigationDecision {
  return isAllowedExternalUrl(url) ? 'open-external' : 'deny';
}

/**
 * webPreferences of the main window. SECURITY: each line closes a way for
 * page content to reach Node or the operating system.
 */
export function mainWindowWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true, // SECURITY: page scripts cannot touch the preload's globals
    sandbox: true, // SECURITY: renderer runs in Chromium's OS sandbox
    nodeIntegration: false, // SECURITY: no require() in the page
    nodeIntegrationInWorker: false, // SECURITY: nor in its workers
    nodeIntegrationInSubFrames: false, // SECURITY: nor in frames
    webSecurity: true, // SECURITY: same-origin policy stays on
    allowRunningInsecureContent: false, // SECURITY: no http content on the page
    experimentalFeatures: false,
    webviewTag: false, // SECURITY: no <webview> to load foreign pages
    navigateOnDragDrop: false, // SECURITY: a dropped file cannot replace the page
    spellcheck: false, // the spellchecker would see the secret as typed
    devTools: true,
  } as const;
}
