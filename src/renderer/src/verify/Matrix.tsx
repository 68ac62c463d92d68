import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../shared/profile.ts';
import type { ProbeResult } from '../../../shared/report.ts';
import { SalaryMarker } from '../connection/PermissionsTask.tsx';
import { isWarning, probeMessage } from './messages.ts';

/** How a cell reads: each has an icon and a text, never colour alone. */
export type CellTone = 'ok' | 'fail' | 'warn' | 'pending' | 'skipped';

const ICONS: Record<CellTone, string> = {
  ok: '✓',
  fail: '✗',
  warn: '!',
  pending: '…',
  skipped: '–',
};

export function toneOf(probe: ProbeResult | undefined, running: boolean): CellTone {
  if (probe === undefined) {
    return running ? 'pending' : 'skipped';
  }
  if (probe.diagnosis === 'ok') {
    return 'ok';
  }
  if (probe.diagnosis === 'skipped' || probe.diagnosis === 'cancelled') {
    return 'skipped';
  }
  return isWarning(probe) ? 'warn' : 'fail';
}

export function StatusText({ tone }: { tone: CellTone }) {
  const { t } = useTranslation('verify');
  return (
    <span className={`status status-${tone === 'pending' || tone === 'skipped' ? 'muted' : tone}`}>
      <span className="status-icon" aria-hidden="true">
        {ICONS[tone]}
      </span>
      {t(`tone.${tone}`)}
    </span>
  );
}

function Cell(props: { probe: ProbeResult | undefined; running: boolean }) {
  const { t } = useTranslation(['verify', 'diagnosis']);
  const tone = toneOf(props.probe, props.running);
  return (
    <td data-tone={tone}>
      <StatusText tone={tone} />
      {props.probe !== undefined && tone !== 'ok' && tone !== 'skipped' && (
        <p className="cell-detail">{probeMessage(t, props.probe)}</p>
      )}
    </td>
  );
}

/**
 * The result of a run as a matrix: one row per endpoint of the profile, a
 * column for its GET access and, after a deep check, one per company; then a
 * row per company number. Each failed cell shows the diagnosis and its fix.
 */
export function Matrix(props: {
  profile: Profile;
  companies: readonly string[];
  probes: readonly ProbeResult[];
  running: boolean;
}) {
  const { t } = useTranslation('verify');
  const endpointProbe = (resource: string) =>
    props.probes.find((probe) => probe.kind === 'endpoint' && probe.resource === resource);
  const dataProbe = (resource: string, company: string) =>
    props.probes.find(
      (probe) =>
        probe.kind === 'company-data' && probe.resource === resource && probe.company === company,
    );
  const companyProbe = (company: string) =>
    props.probes.find((probe) => probe.kind === 'company' && probe.company === company);
  const deep = props.probes.some((probe) => probe.kind === 'company-data');

  return (
    <div className="matrix">
      <div className="table-wrap">
        <table className="data" data-testid="endpoint-matrix">
          <caption>{t('matrix.endpointsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('matrix.endpoint')}</th>
              <th scope="col">{t('matrix.access')}</th>
              {deep &&
                props.companies.map((company) => (
                  <th scope="col" key={company}>
                    {t('matrix.companyColumn', { company })}
                  </th>
                ))}
            </tr>
          </thead>
          <tbody>
            {props.profile.endpoints.map((endpoint) => (
              <tr key={endpoint.resource} data-resource={endpoint.resource}>
                <th scope="row">
                  <code>{endpoint.resource}</code>
                  {endpoint.salaryData && <SalaryMarker />}
                </th>
                <Cell probe={endpointProbe(endpoint.resource)} running={props.running} />
                {deep &&
                  props.companies.map((company) => (
                    <Cell
                      key={company}
                      probe={dataProbe(endpoint.resource, company)}
                      running={props.running}
                    />
                  ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-wrap">
        <table className="data" data-testid="company-matrix">
          <caption>{t('matrix.companiesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('matrix.company')}</th>
              <th scope="col">{t('matrix.lookup')}</th>
            </tr>
          </thead>
          <tbody>
            {props.companies.map((company) => (
              <tr key={company} data-company={company}>
                <th scope="row">
                  <code>{company}</code>
                </th>
                <Cell probe={companyProbe(company)} running={props.running} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
