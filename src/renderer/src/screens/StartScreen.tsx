import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../components/Loading.tsx';

// The list with its forms adds about 16 KB gzip, measured on 2026-12-04, to a
// start bundle that has a 120 KB budget (bench/ui/run.ts): a chunk of its own.
const ConnectionList = lazy(() => import('../components/ConnectionList.tsx'));

export function StartScreen() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="start-title" data-testid="start-ready">
      <h1 id="start-title">{t('start.title')}</h1>
      <p>{t('start.intro')}</p>
      <Suspense fallback={<Loading />}>
        <ConnectionList />
      </Suspense>
    </section>
  );
}
