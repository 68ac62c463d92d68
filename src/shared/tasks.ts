/**
 * The setup assistant's task list: which checklist items each task has, and
 * each task's status from a connection's stored state. Free of zod and of
 * the locale files, so the start screen can use it without growing its
 * bundle; the texts live in the `tasks` locale namespace.
 */
import type { Connection, SecretStatus } from './connection.ts';
import type { VerificationReport } from './report.ts';

export const TASK_IDS = ['activate', 'client', 'permissions', 'test', 'handover'] as const;
export type TaskId = (typeof TASK_IDS)[number];

/**
 * not-started and in-progress and done as in the GOV.UK task list pattern;
 * cannot-start while an earlier task misses what this one needs; failed and
 * outdated only for the test, when the last run failed or the inputs changed
 * after it.
 */
export type TaskStatus =
  'not-started' | 'in-progress' | 'done' | 'cannot-start' | 'failed' | 'outdated';

/** Step 1 in Cobra, in the order the administrator does them. */
export const ACTIVATE_STEPS = ['menu', 'tab', 'terms', 'confirm'] as const;
/** Ticked instead of the steps when the Cobra API was already active. */
export const ACTIVATE_ALREADY_ACTIVE = 'activate.already-active';
/** The note that SD Worx charges for API use, acknowledged by a tick. */
export const ACTIVATE_COSTS = 'activate.costs';

/** Step 2 in Cobra before the form: open the tab and press the button. */
export const CLIENT_STEPS = ['tab', 'add'] as const;
/** Ticked once the administrator pressed Save in Cobra. */
export const CLIENT_SAVED = 'client.saved';

/** Ticked when the recipient confirmed a profile's unconfirmed endpoint list. */
export const PERMISSIONS_CONFIRMED = 'permissions.confirmed';

export const HANDOVER_SEALED = 'handover.sealed';

export function activateItem(step: (typeof ACTIVATE_STEPS)[number]): string {
  return `activate.${step}`;
}

export function clientItem(step: (typeof CLIENT_STEPS)[number]): string {
  return `client.${step}`;
}

/** Checklist item of the GET tick for one endpoint, e.g. "permissions.person". */
export function permissionItem(resource: string): string {
  return `permissions.${resource.toLowerCase()}`;
}

/** What the task statuses depend on besides the connection itself. */
export interface TaskContext {
  secret: SecretStatus | null;
  /** Resources of the connection's profile, or null while it loads. */
  endpoints: readonly string[] | null;
  endpointsConfirmed: boolean;
}

/** The client fields that step 2 asks for, each true when filled in. */
export function clientFields(connection: Connection, secret: SecretStatus | null) {
  return {
    displayName: connection.clientDisplayName.trim() !== '',
    validFrom: connection.validFrom !== null,
    // ISO dates compare as strings; an end before the start does not count.
    validUntil:
      connection.validUntil !== null &&
      (connection.validFrom === null || connection.validUntil >= connection.validFrom),
    clientId: connection.clientId.trim() !== '',
    secret: secret !== null && secret.stored && secret.readable,
    environmentUrl: connection.environmentUrl.trim() !== '',
    companyNumbers: connection.companyNumbers.length > 0,
  };
}

/** True when the test can run: every input of step 2 is present. */
export function inputsComplete(connection: Connection, secret: SecretStatus | null): boolean {
  return Object.values(clientFields(connection, secret)).every(Boolean);
}

/**
 * True when the last report was made with the current inputs. It compares
 * what the page can see: client id, company numbers, profile and the time
 * the secret was saved. The environment URL is compared by its host, since
 * the report holds the normalised base URL.
 */
export function reportIsCurrent(
  report: VerificationReport,
  connection: Connection,
  secret: SecretStatus | null,
): boolean {
  if (report.clientId !== connection.clientId.trim()) {
    return false;
  }
  if (report.profile.id !== connection.profileId) {
    return false;
  }
  const companies = [...connection.companyNumbers].sort().join(',');
  if ([...report.companies].sort().join(',') !== companies) {
    return false;
  }
  if (hostOf(report.environmentUrl) !== hostOf(connection.environmentUrl)) {
    return false;
  }
  const savedAt = secret?.savedAt;
  return savedAt === undefined || savedAt === null || savedAt <= report.startedAt;
}

function hostOf(url: string): string {
  const text = url.trim();
  try {
    return new URL(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`).host.toLowerCase();
  } catch {
    return text.toLowerCase();
  }
}

function countDone(items: readonly string[], checklist: Record<string, boolean>): number {
  return items.filter((item) => checklist[item] === true).length;
}

function fromCount(done: number, total: number): TaskStatus {
  if (done === 0) {
    return 'not-started';
  }
  return done === total ? 'done' : 'in-progress';
}

function activateStatus(checklist: Record<string, boolean>): TaskStatus {
  const costs = checklist[ACTIVATE_COSTS] === true;
  if (checklist[ACTIVATE_ALREADY_ACTIVE] === true) {
    return costs ? 'done' : 'in-progress';
  }
  const items = [...ACTIVATE_STEPS.map(activateItem), ACTIVATE_COSTS];
  return fromCount(countDone(items, checklist), items.length);
}

function clientStatus(connection: Connection, secret: SecretStatus | null): TaskStatus {
  const steps = [...CLIENT_STEPS.map(clientItem), CLIENT_SAVED];
  const fields = Object.values(clientFields(connection, secret));
  // The display name comes pre-filled from the profile, so it alone does not start the task.
  const started = countDone(steps, connection.checklist) + fields.slice(1).filter(Boolean).length;
  const total = steps.length + fields.length;
  const done = countDone(steps, connection.checklist) + fields.filter(Boolean).length;
  if (started === 0) {
    return 'not-started';
  }
  return done === total ? 'done' : 'in-progress';
}

function permissionsStatus(connection: Connection, context: TaskContext): TaskStatus {
  if (context.endpoints === null) {
    return 'not-started';
  }
  const items = context.endpoints.map(permissionItem);
  if (!context.endpointsConfirmed) {
    items.push(PERMISSIONS_CONFIRMED);
  }
  return fromCount(countDone(items, connection.checklist), items.length);
}

function testStatus(connection: Connection, secret: SecretStatus | null): TaskStatus {
  const report = connection.lastReport;
  if (report === null) {
    return inputsComplete(connection, secret) ? 'not-started' : 'cannot-start';
  }
  if (!reportIsCurrent(report, connection, secret)) {
    return 'outdated';
  }
  if (report.verdict === 'pass') {
    return 'done';
  }
  return report.verdict === 'cancelled' ? 'not-started' : 'failed';
}

function handoverStatus(connection: Connection, secret: SecretStatus | null): TaskStatus {
  if (connection.checklist[HANDOVER_SEALED] === true) {
    return 'done';
  }
  return inputsComplete(connection, secret) ? 'not-started' : 'cannot-start';
}

/** Status of every task of a connection, in task order. */
export function taskStatuses(
  connection: Connection,
  context: TaskContext,
): Record<TaskId, TaskStatus> {
  return {
    activate: activateStatus(connection.checklist),
    client: clientStatus(connection, context.secret),
    permissions: permissionsStatus(connection, context),
    test: testStatus(connection, context.secret),
    handover: handoverStatus(connection, context.secret),
  };
}

/** Number of tasks done, for the "x of y done" line. */
export function countCompleted(statuses: Record<TaskId, TaskStatus>): number {
  return TASK_IDS.filter((id) => statuses[id] === 'done').length;
}
