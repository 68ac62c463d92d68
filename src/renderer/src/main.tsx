import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api.ts';
import { App } from './App.tsx';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import './i18n.ts';
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

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
