import type { ReactNode } from 'react';
import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { hrefFor, NAV_ROUTES, type Route } from '../router.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/** The frame around every screen: skip link, header, main menu and content area. */
export function Layout({ route, children }: { route: Route; children: ReactNode }) {
  const { t } = useTranslation();
  // A connection's pages belong to the connections item of the menu.
  const current = route === 'connection' ? 'start' : route;
  return (
    <div className="layout">
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          // The hash holds the route, so move focus without following the link.
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <div>
          <p className="app-name">{t('appName')}</p>
          <p className="tagline">{t('tagline')}</p>
        </div>
        <LanguageSwitch />
      </header>
      <nav className="app-nav" aria-label={t('nav.label')}>
        <ul>
          {NAV_ROUTES.map((item) => (
            <li key={item}>
              <Link href={hrefFor(item)} aria-current={item === current ? 'page' : undefined}>
                {t(`nav.${item}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="app-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
