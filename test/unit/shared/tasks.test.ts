import { describe, expect, it } from 'vitest';
import type { Connection, SecretStatus } from '../../../src/shared/connection.ts';
import type { VerificationReport } from '../../../src/shared/report.ts';
import {
  countCompleted,
  inputsComplete,
  permissionItem,
  reportIsCurrent,
  taskStatuses,
  type TaskContext,
} from '../../../src/shared/tasks.ts';

const NOW = '2026-12-04T10:00:00.000Z';

function connection(overrides: Partial<Connection> = {}): Connection {
  return {
    id: '7d5c1f7e-8a0b-4a8e-9d55-6f1c2b3a4d5e',
    name: 'Productie',
    profileId: 'learned',
    environmentUrl: '',
    clientId: '',
    clientDisplayName: '',
    validFrom: null,
    validUntil: null,
    companyNumbers: [],
    checklist: {},
    createdAt: NOW,
    updatedAt: NOW,
    lastReport: null,
    ...overrides,
  };
}

const storedSecret: SecretStatus = {
  stored: true,
  readable: true,
  hint: 'a1b2',
  storage: 'vault',
  savedAt: '2026-12-04T09:00:00.000Z',
};

const complete = connection({
  environmentUrl: 'https://apidemo.cobra.sdworx.com',
  clientId: 'client-1',
  clientDisplayName: 'Learned',
  validFrom: '2026-12-01',
  validUntil: '2027-12-01',
  companyNumbers: ['40100', '40200'],
  checklist: { 'client.tab': true, 'client.add': true, 'client.saved': true },
});

function report(overrides: Partial<VerificationReport> = {}): VerificationReport {
  return {
    format: 'cobra-koppelhulp/verification-report',
    version: 1,
    environmentUrl: 'https://apidemo.cobra.sdworx.com',
    tokenUrl: 'https://apidemo.cobra.sdworx.com/OAuth/Token',
    clientId: 'client-1',
    profile: { id: 'learned', version: 1 },
    companies: ['40200', '40100'],
    deep: false,
    startedAt: '2026-12-04T09:30:00.000Z',
    finishedAt: '2026-12-04T09:30:02.000Z',
    tokenAuthMethod: 'basic-form-encoded',
    probes: [],
    requestCount: 4,
    warnings: [],
    verdict: 'pass',
    inputsDigest: '0'.repeat(64),
    ...overrides,
  };
}

const context: TaskContext = {
  secret: storedSecret,
  endpoints: ['Person', 'Department'],
  endpointsConfirmed: true,
};

describe('taskStatuses', () => {
  it('starts with nothing started and the test blocked', () => {
    const statuses = taskStatuses(connection(), { ...context, secret: null });
    expect(statuses).toEqual({
      activate: 'not-started',
      client: 'not-started',
      permissions: 'not-started',
      test: 'cannot-start',
      handover: 'cannot-start',
    });
    expect(countCompleted(statuses)).toBe(0);
  });

  it('completes activation by its steps and the cost note', () => {
    const checklist = {
      'activate.menu': true,
      'activate.tab': true,
      'activate.terms': true,
      'activate.confirm': true,
    };
    expect(taskStatuses(connection({ checklist }), context).activate).toBe('in-progress');
    const withCosts = { ...checklist, 'activate.costs': true };
    expect(taskStatuses(connection({ checklist: withCosts }), context).activate).toBe('done');
  });

  it('completes activation when the API was already active', () => {
    const checklist = { 'activate.already-active': true, 'activate.costs': true };
    expect(taskStatuses(connection({ checklist }), context).activate).toBe('done');
  });

  it('does not start the client task from the pre-filled display name', () => {
    const named = connection({ clientDisplayName: 'XpertSuite Loongegevens' });
    expect(taskStatuses(named, { ...context, secret: null }).client).toBe('not-started');
  });

  it('completes the client task with every field and the secret', () => {
    expect(taskStatuses(complete, context).client).toBe('done');
    expect(taskStatuses(complete, { ...context, secret: null }).client).toBe('in-progress');
    const unreadable = { ...storedSecret, readable: false, hint: null };
    expect(taskStatuses(complete, { ...context, secret: unreadable }).client).toBe('in-progress');
  });

  it('does not count an end date before the start date', () => {
    const reversed = { ...complete, validFrom: '2027-01-10', validUntil: '2027-01-01' };
    expect(taskStatuses(reversed, context).client).toBe('in-progress');
    expect(inputsComplete(reversed, storedSecret)).toBe(false);
  });

  it('counts endpoint ticks and the recipient confirmation', () => {
    const ticked = connection({
      checklist: { [permissionItem('Person')]: true, [permissionItem('Department')]: true },
    });
    expect(taskStatuses(ticked, context).permissions).toBe('done');
    const unconfirmed = { ...context, endpointsConfirmed: false };
    expect(taskStatuses(ticked, unconfirmed).permissions).toBe('in-progress');
    const confirmed = connection({
      checklist: { ...ticked.checklist, 'permissions.confirmed': true },
    });
    expect(taskStatuses(confirmed, unconfirmed).permissions).toBe('done');
  });

  it('shows the test as done, failed or outdated from the last report', () => {
    expect(taskStatuses(complete, context).test).toBe('not-started');
    const passed = { ...complete, lastReport: report() };
    expect(taskStatuses(passed, context).test).toBe('done');
    const failed = { ...complete, lastReport: report({ verdict: 'fail' }) };
    expect(taskStatuses(failed, context).test).toBe('failed');
    const errored = { ...complete, lastReport: report({ verdict: 'error' }) };
    expect(taskStatuses(errored, context).test).toBe('failed');
    const changed = { ...passed, companyNumbers: ['40100'] };
    expect(taskStatuses(changed, context).test).toBe('outdated');
  });

  it('marks the handover done once the sealed file exists', () => {
    expect(taskStatuses(complete, context).handover).toBe('not-started');
    const sealed = { ...complete, checklist: { ...complete.checklist, 'handover.sealed': true } };
    expect(taskStatuses(sealed, context).handover).toBe('done');
  });
});

describe('reportIsCurrent', () => {
  it.each([
    ['client id', { clientId: 'client-2' }],
    ['profile', { profileId: 'xpertsuite-loongegevens' }],
    ['companies', { companyNumbers: ['40100', '40300'] }],
    ['host', { environmentUrl: 'https://apiother.cobra.sdworx.com' }],
  ])('is false after the %s changed', (_name, change) => {
    expect(reportIsCurrent(report(), { ...complete, ...change }, storedSecret)).toBe(false);
  });

  it('ignores the order of company numbers and URL paths', () => {
    const pasted = { ...complete, environmentUrl: 'apidemo.cobra.sdworx.com/odata/' };
    expect(reportIsCurrent(report(), pasted, storedSecret)).toBe(true);
  });

  it('is false when the secret was saved after the run', () => {
    const later = { ...storedSecret, savedAt: '2026-12-04T09:45:00.000Z' };
    expect(reportIsCurrent(report(), complete, later)).toBe(false);
  });
});
