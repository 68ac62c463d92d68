import { useState } from 'react';
import { Button, Link, Switch } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Connection } from '../../../shared/connection.ts';
import type { Profile } from '../../../shared/profile.ts';
import type { VerificationReport } from '../../../shared/report.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Loading } from '../components/Loading.tsx';
import { hrefFor } from '../router.ts';
import { Matrix } from './Matrix.tsx';
import { summarise } from './messages.ts';
import { RunProgressBar } from './progress.tsx';
import type { VerificationControls, VerificationState } from './useVerification.ts';

/** Step 3: run the test, follow its probes, and read the last report. */
export function TestTask(props: {
  connection: Connection;
  profile: Profile | null;
  ready: boolean;
  state: VerificationState;
  controls: VerificationControls;
}) {
  const { t } = useTranslation(['verify', 'diagnosis', 'inputs']);
  const [deep, setDeep] = useState(false);
  const { state, controls, connection, profile } = props;
  const report = state.status?.lastReport ?? null;

  if (profile === null || state.status === null) {
    return <Loading />;
  }

  return (
    <>
      <p className="lead">{t('intro')}</p>
      {!props.ready && (
        <p className="note note-warning" data-testid="test-not-ready">
          {t('notReady')}{' '}
          <Link href={hrefFor('connection', connection.id, 'client')}>{t('toClient')}</Link>
        </p>
      )}
      <Switch className="switch" isSelected={deep} onChange={setDeep} isDisabled={state.running}>
        <span className="switch-track" aria-hidden="true" />
        {t('deep')}
      </Switch>
      <p className="muted">{t('deepHelp')}</p>
      <div className="actions">
        <Button
          className="button button-primary"
          isDisabled={!props.ready || state.running}
          onPress={() => void controls.run({ deep })}
        >
          {report === null ? t('run') : t('rerun')}
        </Button>
        {state.running && (
          <Button className="button button-danger" onPress={() => void controls.cancel()}>
            {t('cancel')}
          </Button>
        )}
      </div>

      {state.running && (
        <RunProgressBar
          label={state.automatic ? t('runningAutomatic') : t('running')}
          completed={state.completed}
          total={state.total}
        />
      )}
      {state.error !== null && <ErrorMessage error={state.error} />}

      {state.running ? (
        <Matrix
          profile={profile}
          companies={connection.companyNumbers}
          probes={state.probes.filter((probe) => probe !== undefined)}
          running
        />
      ) : report === null ? (
        <p className="note" data-testid="no-report">
          {t('noReport')}
        </p>
      ) : (
        <LastReport report={report} profile={profile} stale={state.status.stale === true} />
      )}
    </>
  );
}

function LastReport(props: { report: VerificationReport; profile: Profile; stale: boolean }) {
  const { t, i18n } = useTranslation(['verify', 'diagnosis']);
  const { report } = props;
  const when = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', {
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(report.finishedAt));
  const seconds = (Date.parse(report.finishedAt) - Date.parse(report.startedAt)) / 1000;
  const counts = summarise(report);

  return (
    <section aria-labelledby="report-title" data-testid="last-report" data-verdict={report.verdict}>
      <h2 id="report-title">{t('reportTitle')}</h2>
      <p className="muted" data-testid="report-time">
        {t('reportTime', {
          when,
          seconds: seconds.toLocaleString(i18n.language, { maximumFractionDigits: 1 }),
          count: report.requestCount,
        })}
      </p>
      {props.stale && (
        <p className="note note-warning" data-testid="report-stale">
          <span aria-hidden="true">⚠ </span>
          {t('stale')}
        </p>
      )}
      <Summary report={report} counts={counts} />
      {report.verdict !== 'error' && (
        <Matrix
          profile={props.profile}
          companies={report.companies}
          probes={report.probes}
          running={false}
        />
      )}
    </section>
  );
}

/** The summary line of a report: its verdict with icon and text, and the failed counts. */
export function Summary(props: {
  report: VerificationReport;
  counts: ReturnType<typeof summarise>;
}) {
  const { t } = useTranslation(['verify', 'diagnosis']);
  const { report, counts } = props;
  const tone = { pass: 'note-ok', fail: 'note-error', error: 'note-error', cancelled: 'note' };
  const icon = { pass: '✓', fail: '✗', error: '✗', cancelled: '–' };
  let text: string;
  if (report.verdict === 'pass') {
    text = t('summary.pass', { endpoints: counts.endpoints, companies: counts.companies });
  } else if (report.verdict === 'fail') {
    text = t('summary.fail', {
      failedEndpoints: counts.failedEndpoints,
      endpoints: counts.endpoints,
      failedCompanies: counts.failedCompanies,
      companies: counts.companies,
    });
  } else if (report.verdict === 'error') {
    text = t('summary.error', { message: counts.tokenMessage(t) });
  } else {
    text = t('summary.cancelled');
  }
  return (
    <p className={`note ${tone[report.verdict]}`} data-testid="report-summary">
      <span aria-hidden="true">{icon[report.verdict]} </span>
      {text}
    </p>
  );
}
