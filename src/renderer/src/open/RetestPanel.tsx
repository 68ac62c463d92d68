import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../shared/profile.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Matrix } from '../verify/Matrix.tsx';
import { summarise } from '../verify/messages.ts';
import { RunProgressBar } from '../verify/progress.tsx';
import { Summary } from '../verify/TestTask.tsx';
import { useOpenedVerification } from './useOpenedVerification.ts';

/**
 * "Test from this computer": runs the verification with the opened file's
 * credentials, shows its probes as they finish, then the summary and the
 * matrix of endpoints and companies with the fix for each failed cell.
 */
export function RetestPanel(props: {
  openedId: string;
  profile: Profile | null | undefined;
  companies: readonly string[];
}) {
  const { t } = useTranslation('open');
  const [state, controls] = useOpenedVerification(props.openedId);
  const { report, running } = state;
  const profile = props.profile ?? null;

  return (
    <section aria-labelledby="retest-title" data-testid="retest">
      <h2 id="retest-title">{t('retest.title')}</h2>
      <p>{t('retest.intro')}</p>
      {props.profile === null && (
        <p className="note note-warning">
          <span aria-hidden="true">⚠ </span>
          {t('retest.noProfile')}
        </p>
      )}
      <div className="actions">
        <Button
          className="button button-primary"
          isDisabled={profile === null || running}
          onPress={() => void controls.run()}
        >
          {report === null ? t('retest.run') : t('retest.rerun')}
        </Button>
        {running && (
          <Button className="button button-danger" onPress={() => void controls.cancel()}>
            {t('retest.cancel')}
          </Button>
        )}
      </div>

      <div role="status" aria-live="polite" data-testid="retest-status">
        {running && (
          <RunProgressBar
            label={t('retest.running')}
            completed={state.completed}
            total={state.total}
          />
        )}
        {!running && report !== null && <Summary report={report} counts={summarise(report)} />}
      </div>
      {state.error !== null && <ErrorMessage error={state.error} />}

      {profile !== null && running && (
        <Matrix
          profile={profile}
          companies={props.companies}
          probes={state.probes.filter((probe) => probe !== undefined)}
          running
        />
      )}
      {!running && report !== null && (
        <div data-testid="retest-report" data-verdict={report.verdict}>
          {report.verdict === 'fail' && (
            <p className="note" data-testid="retest-for-sender">
              {t('retest.forSender')}
            </p>
          )}
          {profile !== null && report.verdict !== 'error' && (
            <Matrix
              profile={profile}
              companies={report.companies}
              probes={report.probes}
              running={false}
            />
          )}
        </div>
      )}
    </section>
  );
}
