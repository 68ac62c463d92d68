import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api.ts';
import { App } from './App.tsx';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { initI18n, preloadStartStrings } from './i18n.ts';
import { loadProfiles } from './profiles.ts';
import { parseHash } from './router.ts';
import { prefetchConnections } from './screens/StartScreen.tsx';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import './styles.css';

window.addEventListener('error', (event) => {
  void api.app.reportRendererError({
    source: 'error',
    message: String(event.message).slice(0, 4000),
    stack: event.error instanceof Error ? event.error.stack?.slice(0, 20_000) : undefined,
  });
});
window.addEventListener('unhandledrejection', (event) => {
  const reason: unknown = event.reason;
  void api.app.reportRendererError({
    source: 'unhandledrejection',
    message: (reason instanceof Error ? reason.message : String(reason)).slice(0, 4000),
    stack: reason instanceof Error ? reason.stack?.slice(0, 20_000) : undefined,
  });
});

/**
 * Reads the settings first so the first paint is already in the user's
 * language, then renders. A failed read falls back to the defaults; the
 * settings provider shows that error.
 */
async function boot(): Promise<void> {
  // The strings in the default language and the start screen's data load
  // while main reads the settings.
  preloadStartStrings(DEFAULT_SETTINGS.language);
  if (parseHash(window.location.hash).route === 'start') {
    prefetchConnections();
    void loadProfiles();
  }
  const stored = await api.app.getSettings();
  const settings = stored.ok ? stored.value : DEFAULT_SETTINGS;
  await initI18n(settings.language);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ErrorBoundary>
        <App initialSettings={stored.ok ? stored.value : null} />
      </ErrorBoundary>
    </StrictMode>,
  );
}

void boot();
