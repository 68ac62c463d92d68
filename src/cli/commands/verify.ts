import type { TFunction } from 'i18next';
import { createLogger, streamSink } from '../../core/log/logger.ts';
import { SecretRegistry } from '../../core/log/redact.ts';
import { createNodeFetch } from '../../core/net/node-fetch.ts';
import { DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT_MS, runVerification } from '../../core/cobra/run.ts';
import { translateError } from '../../shared/i18n/translator.ts';
import { parseLanguage } from '../language.ts';
import type { VerificationReport } from '../../shared/report.ts';
import { AppFailure } from '../../shared/result.ts';
import {
  CONNECTION_USAGE,
  InputError,
  parseConnectionArgs,
  resolveConnection,
} from '../connection-args.ts';
import { EXIT, UsageError, writeLine, type CliIo, type Command, type ExitCode } from '../io.ts';
import { SUMMARIES } from '../summaries.ts';
import { verdictText } from '../verdict.ts';

const USAGE = `Usage: cobra-koppelhulp verify --url URL --client-id ID (--secret-stdin | --secret-file FILE)
                              --company N [--company M ...] [options]

Tests the credentials against the Cobra environment: one token request, one
GET per endpoint of the profile and one lookup per company number.

Connection:
${CONNECTION_USAGE}

Options:
  --deep                Also read one row per company from each endpoint that
                        can be filtered by company, and check for employees
  --concurrency K       Requests in flight at once, 1 to 16 (default ${DEFAULT_CONCURRENCY})
  --timeout MS          Timeout per request attempt in milliseconds (default
                        ${DEFAULT_TIMEOUT_MS}); a retried request can take up to
                        three attempts plus the waits between them
  --valid-from DATE     Start date entered for the client in Cobra (YYYY-MM-DD)
  --valid-until DATE    End date entered for the client in Cobra (YYYY-MM-DD)
  --lang nl|en          Language of the output and diagnosis messages (default nl);
                        this help and the usage errors before it is read stay English
  --json                Print the verification report as JSON

The client secret is read from standard input or a file, never from an
argument. HTTP_PROXY, HTTPS_PROXY and NO_PROXY are honoured.

Exit codes: 0 every check passed, 1 a check failed or the run was stopped,
2 invalid input, 3 could not connect or authenticate.`;

const VERIFY_OPTIONS = {
  deep: { type: 'boolean' },
  concurrency: { type: 'string' },
  timeout: { type: 'string' },
  'valid-from': { type: 'string' },
  'valid-until': { type: 'string' },
  lang: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export const verifyCommand: Command = {
  name: 'verify',
  summary: SUMMARIES.verify,
  usage: USAGE,
  run: runVerify,
};

async function runVerify(args: string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseConnectionArgs(args, VERIFY_OPTIONS);
  const { language, t } = await parseLanguage(values.lang);
  const concurrency = parseInteger(
    t,
    values.concurrency,
    '--concurrency',
    1,
    16,
    DEFAULT_CONCURRENCY,
  );
  const timeoutMs = parseInteger(t, values.timeout, '--timeout', 100, 600_000, DEFAULT_TIMEOUT_MS);
  const validity = {
    from: parseDate(t, values['valid-from'], '--valid-from'),
    until: parseDate(t, values['valid-until'], '--valid-until'),
  };
  checkDateOrder(t, validity.from, validity.until);

  let resolved;
  try {
    resolved = await resolveConnection(values, io.stdin, t);
  } catch (error) {
    if (error instanceof InputError) {
      writeLine(io.stderr, error.message);
      return EXIT.badInput;
    }
    if (error instanceof AppFailure) {
      writeLine(io.stderr, translateError(t, error.toAppError()));
      return EXIT.badInput;
    }
    throw error;
  }
  const { inputs, warnings, profile, caCertificates } = resolved;
  for (const warning of warnings) {
    writeLine(
      io.stderr,
      t('cli:verify.warning', { message: t(`inputs:${warning.code}`, warning.params) }),
    );
  }

  const secrets = new SecretRegistry();
  // SECURITY: registered so that any log line or error text masks the secret.
  secrets.register(inputs.clientSecret);
  const log = createLogger('verify', streamSink(io.stderr, 'warn'), secrets);
  const transport = createNodeFetch({ env: io.env, extraCaCertificates: caCertificates });
  let report: VerificationReport;
  try {
    report = await runVerification(
      {
        environment: inputs.environment,
        credentials: { clientId: inputs.clientId, clientSecret: inputs.clientSecret },
        companyNumbers: inputs.companyNumbers,
        profile,
        deep: values.deep === true,
        validity,
        warnings,
      },
      { fetch: transport.fetch, concurrency, timeoutMs, signal: io.signal, log, secrets, language },
    );
  } finally {
    await transport.close();
  }

  if (values.json === true) {
    writeLine(io.stdout, JSON.stringify(report, null, 2));
  } else {
    writeLine(io.stdout, formatReport(report, t));
  }
  return exitCodeOf(report);
}

export function exitCodeOf(report: VerificationReport): ExitCode {
  switch (report.verdict) {
    case 'pass':
      return EXIT.ok;
    case 'error':
      return EXIT.connectionFailed;
    default:
      return EXIT.checksFailed;
  }
}

/**
 * Formats the report as a table for people, followed by the message of each
 * failed probe, in the translator's language. Check kinds and diagnosis
 * codes stay as they are: they are the stable names to search for.
 */
export function formatReport(report: VerificationReport, t: TFunction): string {
  const rows = report.probes.map((probe) => [
    probe.kind,
    probe.kind === 'token'
      ? report.tokenUrl
      : [probe.resource, probe.company].filter((part) => part !== undefined).join(' / '),
    probe.httpStatus === null ? '-' : String(probe.httpStatus),
    String(probe.durationMs),
    probe.diagnosis,
  ]);
  const header = ['check', 'target', 'http', 'ms', 'result'].map((column) =>
    t(`cli:verify.columns.${column}`),
  );
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd();

  const problems = report.probes.filter(
    (probe) => probe.diagnosis !== 'ok' && probe.diagnosis !== 'skipped',
  );
  const seconds = (Date.parse(report.finishedAt) - Date.parse(report.startedAt)) / 1000;
  const labels = [
    [t('cli:verify.environment'), report.environmentUrl],
    [t('cli:verify.clientId'), report.clientId],
    [t('cli:verify.profile'), t('cli:verify.profileValue', report.profile)],
    [t('cli:verify.companies'), report.companies.join(', ')],
  ] as const;
  const labelWidth = Math.max(...labels.map(([label]) => label.length)) + 2;
  const output = [
    ...labels.map(([label, value]) => `${label.padEnd(labelWidth)}${value}`),
    '',
    line(header),
    ...rows.map(line),
  ];
  if (problems.length > 0) {
    output.push('', t('cli:verify.problems'));
    for (const probe of problems) {
      const target = probe.kind === 'token' ? 'token' : (probe.resource ?? '');
      const company = probe.company === undefined ? '' : ` ${probe.company}`;
      output.push(`- ${target}${company}: ${probe.message}`);
    }
  }
  output.push(
    '',
    t('cli:verify.verdict', {
      verdict: verdictText(report.verdict, t),
      count: report.requestCount,
      seconds: seconds.toFixed(1),
    }),
  );
  return output.join('\n');
}

function parseInteger(
  t: TFunction,
  value: string | undefined,
  name: string,
  min: number,
  max: number,
  fallback: number,
): number {
  if (value === undefined) {
    return fallback;
  }
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max) {
    throw new UsageError(t('cli:verify.integer', { name, min, max, value }));
  }
  return number;
}

/** Throws a UsageError when --valid-from is after --valid-until. */
export function checkDateOrder(t: TFunction, from: string | null, until: string | null): void {
  if (from !== null && until !== null && from > until) {
    throw new UsageError(t('cli:verify.dateOrder', { from, until }));
  }
}

/** Parses an optional YYYY-MM-DD option; throws a UsageError naming the option. */
export function parseDate(t: TFunction, value: string | undefined, name: string): string | null {
  if (value === undefined) {
    return null;
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new UsageError(t('cli:verify.date', { name, value }));
  }
  return value;
}
