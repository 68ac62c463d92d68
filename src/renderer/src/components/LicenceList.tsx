import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LicenceList as LicenceListData } from '../../../shared/licences.ts';
import { loadLicences } from '../licences.ts';
import { Loading } from './Loading.tsx';

type State =
  { status: 'loading' } | { status: 'unavailable' } | { status: 'ready'; list: LicenceListData };

/** The third-party packages inside the app, each with its licence text on demand. */
export function LicenceList() {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    let active = true;
    loadLicences().then(
      (list) => {
        if (active) {
          setState(list === null ? { status: 'unavailable' } : { status: 'ready', list });
        }
      },
      () => {
        if (active) {
          setState({ status: 'unavailable' });
        }
      },
    );
    return () => {
      active = false;
    };
  }, []);

  return (
    <section aria-labelledby="licences-title" className="licences">
      <h2 id="licences-title">{t('about.licences.title')}</h2>
      <p>{t('about.licences.intro')}</p>
      {state.status === 'loading' && <Loading />}
      {state.status === 'unavailable' && <p role="alert">{t('about.licences.unavailable')}</p>}
      {state.status === 'ready' && (
        <>
          <p>{t('about.licences.count', { count: state.list.packages.length })}</p>
          <ul className="licence-list" data-testid="licence-list">
            {state.list.packages.map((entry) => {
              const text = entry.textId === null ? undefined : state.list.texts[entry.textId];
              return (
                <li key={`${entry.name}@${entry.version}`}>
                  <details>
                    <summary>
                      {t('about.licences.entry', {
                        name: entry.name,
                        version: entry.version,
                        licence: entry.licence,
                      })}
                    </summary>
                    {text === undefined ? (
                      <p>{t('about.licences.noText', { licence: entry.licence })}</p>
                    ) : (
                      <pre className="licence-text">{text}</pre>
                    )}
                  </details>
                </li>
              );
            })}
          </ul>
          <p>{t('about.licences.chromium')}</p>
        </>
      )}
    </section>
  );
}
