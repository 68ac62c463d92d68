import { useSyncExternalStore } from 'react';

/** Screens in the main menu, in menu order. */
export const NAV_ROUTES = ['start', 'open', 'settings', 'help', 'about'] as const;
export const ROUTES = [...NAV_ROUTES, 'connection'] as const;
export type Route = (typeof ROUTES)[number];

/** Parses `#/route/rest` into a known route and its remaining path. */
export function parseHash(hash: string): { route: Route; rest: string[] } {
  const parts = hash
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((part) => decodeURIComponent(part));
  const first = parts[0] as Route | undefined;
  if (first !== undefined && ROUTES.includes(first)) {
    return { route: first, rest: parts.slice(1) };
  }
  return { route: 'start', rest: [] };
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current route, from the URL hash, so that back and forward work. */
export function useRoute(): { route: Route; rest: string[] } {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseHash(hash);
}

export function hrefFor(route: Route, ...rest: string[]): string {
  return `#/${[route, ...rest].map(encodeURIComponent).join('/')}`;
}

export function navigate(route: Route, ...rest: string[]): void {
  window.location.hash = hrefFor(route, ...rest);
}
