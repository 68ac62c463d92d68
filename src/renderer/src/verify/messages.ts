import type { TFunction } from 'i18next';
import type { ProbeResult, VerificationReport } from '../../../shared/report.ts';

/**
 * The diagnosis of a probe in the page's current language, from the
 * `diagnosis` namespace (with the variant its `context` parameter names, as
 * the run chose it); the report's own message, in the language of the run,
 * when the namespace has no text for it.
 */
export function probeMessage(t: TFunction, probe: ProbeResult): string {
  const { context, ...params } = probe.params;
  const options: Record<string, unknown> = { ...params, defaultValue: '' };
  if (context !== undefined) {
    options['context'] = String(context);
  }
  const text = t(`diagnosis:${probe.diagnosis}`, options);
  return text === '' ? probe.message : text;
}

/** A diagnosis that is worth knowing but does not fail the check. */
export function isWarning(probe: ProbeResult): boolean {
  return probe.diagnosis === 'company-without-employees';
}

function failedCount(probes: ProbeResult[]): number {
  return probes.filter((probe) => probe.diagnosis !== 'ok' && !isWarning(probe)).length;
}

/** Counts for the summary line of a report, and the message that explains an error verdict. */
export function summarise(report: VerificationReport) {
  const endpoints = report.probes.filter((probe) => probe.kind === 'endpoint');
  const companies = report.probes.filter((probe) => probe.kind === 'company');
  const firstProblem = report.probes.find(
    (probe) => probe.diagnosis !== 'ok' && probe.diagnosis !== 'skipped',
  );
  return {
    endpoints: endpoints.length,
    companies: companies.length,
    failedEndpoints: failedCount(endpoints),
    failedCompanies: failedCount(companies),
    tokenMessage: (t: TFunction) =>
      firstProblem === undefined ? '' : probeMessage(t, firstProblem),
  };
}
