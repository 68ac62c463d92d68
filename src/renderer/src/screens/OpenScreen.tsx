import { useEffect, useRef, type RefObject } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { ChosenFileCard } from '../open/ChosenFileCard.tsx';
import { KeyForm } from '../open/KeyForm.tsx';
import { OpenedContents } from '../open/OpenedContents.tsx';
import { RetestPanel } from '../open/RetestPanel.tsx';
import { useOpenFile } from '../open/useOpenFile.ts';
import { useProfiles } from '../profiles.ts';

/** The recipient's screen: choose a sealed file, open it with its key, read and test it. */
export default function OpenScreen() {
  const { t } = useTranslation('open');
  const [state, controls] = useOpenFile();
  const { chosen, opened } = state;
  const { profiles } = useProfiles();
  // Undefined while the list loads; null when this computer has no profile of that id.
  const profile =
    profiles === null
      ? undefined
      : (profiles.find((entry) => entry.id === opened?.manifest.profile.id) ?? null);

  // Focus follows the step the recipient reached, because the control that
  // had it (a button that went busy, the key form) is gone or disabled.
  const chooseButton = useRef<HTMLButtonElement>(null);
  const keyHeading = useRef<HTMLHeadingElement>(null);
  const contentsHeading = useRef<HTMLHeadingElement>(null);
  useFocusWhen(keyHeading, chosen !== null && opened === null ? chosen.fileId : null);
  useFocusWhen(contentsHeading, opened?.openedId ?? null);
  useFocusWhen(chooseButton, state.closed ? 'closed' : null);

  return (
    <section aria-labelledby="open-title" data-testid="open-screen">
      <h1 id="open-title">{t('title')}</h1>
      <p className="lead">{t('intro')}</p>

      <section aria-labelledby="choose-title">
        <h2 id="choose-title">{t('choose.title')}</h2>
        <div className="actions">
          <Button
            ref={chooseButton}
            className="button"
            isDisabled={state.busy !== null}
            onPress={() => void controls.choose()}
          >
            {chosen === null ? t('choose.button') : t('choose.another')}
          </Button>
          {opened !== null && (
            <Button className="button button-danger" onPress={() => void controls.close()}>
              {t('opened.close')}
            </Button>
          )}
        </div>
        <div role="status" data-testid="open-status">
          {state.busy === 'choosing' && <p className="muted">{t('choose.busy')}</p>}
          {state.closed && <p>{t('opened.closed')}</p>}
        </div>
        {chosen === null && state.error !== null && <ErrorMessage error={state.error} />}
        {chosen === null && !state.closed && state.error === null && (
          <p className="muted">{t('choose.none')}</p>
        )}
        {chosen !== null && <ChosenFileCard file={chosen} />}
      </section>

      {chosen !== null && opened === null && (
        <section aria-labelledby="key-title">
          <h2 id="key-title" ref={keyHeading} tabIndex={-1}>
            {t('key.title')}
          </h2>
          <KeyForm
            key={chosen.fileId}
            file={chosen}
            busy={state.busy === 'opening'}
            error={state.error}
            onOpen={(key) => void controls.open(key)}
          />
        </section>
      )}

      {opened !== null && (
        <>
          <OpenedContents opened={opened} profile={profile} headingRef={contentsHeading} />
          <RetestPanel
            key={opened.openedId}
            openedId={opened.openedId}
            profile={profile}
            companies={opened.manifest.companyNumbers}
          />
        </>
      )}
    </section>
  );
}

/** Moves focus to `target` each time `key` changes to a value other than null. */
function useFocusWhen(target: RefObject<HTMLElement | null>, key: string | null) {
  useEffect(() => {
    if (key !== null) {
      target.current?.focus();
    }
  }, [target, key]);
}
