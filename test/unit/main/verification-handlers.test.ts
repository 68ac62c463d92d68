import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src/main/handlers/index.ts';
import { buildRoutes, dispatch, type Route } from '../../../src/main/ipc/dispatch.ts';
import { contract } from '../../../src/shared/ipc/contract.ts';
import type { VerificationProgress } from '../../../src/shared/ipc/verification.ts';
import type { VerificationReport } from '../../../src/shared/report.ts';
import type { Result } from '../../../src/shared/result.ts';
import {
  DEMO_CLIENTS,
  DEMO_COMPANY_NUMBERS,
  startSandbox,
  type Sandbox,
} from '../../../src/sandbox/index.ts';
import { createTestServices } from '../../support/services.ts';

const ORIGIN = 'app://koppelhulp';
const sender = { frameUrl: `${ORIGIN}/index.html`, isMainFrame: true };

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});

afterAll(async () => {
  await sandbox.close();
});

beforeEach(() => {
  sandbox.setOptions({ latencyMs: 0 });
  sandbox.resetCounters();
});

async function setup(client = DEMO_CLIENTS.full) {
  const test = createTestServices();
  const routes = new Map(
    buildRoutes(contract, createHandlers(test.services) as never).map((route) => [
      route.channel,
      route,
    ]),
  );
  const call = <T>(channel: string, payload?: unknown) =>
    dispatch(routes.get(channel) as Route, payload, sender, {
      trustedOrigins: [ORIGIN],
      log: test.services.log,
    }) as Promise<Result<T>>;
  const connection = test.services.vault.connections.create({
    name: 'Bakkerij',
    profileId: 'xpertsuite-loongegevens',
  });
  test.services.vault.connections.update(connection.id, {
    environmentUrl: `${sandbox.baseUrl}/odata/`,
    clientId: client.id,
    companyNumbers: DEMO_COMPANY_NUMBERS.withEmployees,
  });
  await test.services.vault.saveSecret(connection.id, `${client.secret}\n`);
  return { ...test, call, connectionId: connection.id };
}

describe('verification handlers', () => {
  it('runs a stored connection, pushes progress and stores the report', async () => {
    const { call, connectionId, emitted, services } = await setup();

    const result = await call<VerificationReport>('verification:run', { connectionId });

    expect(result.ok).toBe(true);
    const report = result.ok ? result.value : undefined;
    expect(report?.verdict).toBe('pass');
    const progress = emitted
      .filter((entry) => entry.group === 'verification' && entry.name === 'onProgress')
      .map((entry) => entry.payload as VerificationProgress);
    expect(progress).toHaveLength(report!.probes.length);
    expect(progress.every((entry) => entry.connectionId === connectionId)).toBe(true);
    expect(progress.at(-1)?.completed).toBe(progress.at(-1)?.total);
    expect(services.vault.connections.get(connectionId).lastReport?.inputsDigest).toBe(
      report?.inputsDigest,
    );
    const names = emitted.filter((entry) => entry.group === 'verification').map((e) => e.name);
    expect(names.at(-1)).toBe('onFinished');
    expect(names.filter((name) => name === 'onFinished')).toHaveLength(1);
  });

  it('reports the end of a failed run and frees the connection', async () => {
    const { call, emitted, services } = await setup();
    const bare = services.vault.connections.create({ name: 'Leeg', profileId: 'learned' });
    const result = await call('verification:run', { connectionId: bare.id });
    expect(result.ok).toBe(false);
    const finished = emitted.filter((entry) => entry.name === 'onFinished');
    expect(finished.map((entry) => entry.payload)).toEqual([{ connectionId: bare.id }]);
    const status = await call<{ running: boolean }>('verification:status', {
      connectionId: bare.id,
    });
    expect(status.ok).toBe(true);
    expect(status.ok ? status.value.running : undefined).toBe(false);
  });

  it('never puts the secret into the report or the progress events', async () => {
    const { call, connectionId, emitted } = await setup();
    const result = await call<VerificationReport>('verification:run', { connectionId });
    const text = JSON.stringify({ result, emitted });
    expect(text).not.toContain(DEMO_CLIENTS.full.secret);
  });

  it('tells when the last report no longer matches the inputs', async () => {
    const { call, connectionId, services } = await setup();
    await call('verification:run', { connectionId });

    const fresh = await call<{ stale: boolean | null }>('verification:status', { connectionId });
    expect(fresh.ok && fresh.value.stale).toBe(false);

    services.vault.connections.update(connectionId, { companyNumbers: ['40100'] });
    const stale = await call<{ stale: boolean | null }>('verification:status', { connectionId });
    expect(stale.ok && stale.value.stale).toBe(true);
  });

  it('fails without a stored secret before any request', async () => {
    const { call, services } = await setup();
    const bare = services.vault.connections.create({ name: 'Leeg', profileId: 'learned' });
    const result = await call('verification:run', { connectionId: bare.id });
    expect(!result.ok && result.error.code).toBe('vault.secret-missing');
    expect(sandbox.requestCount()).toBe(0);
  });

  it('fails on invalid stored inputs with the input message code', async () => {
    const { call, connectionId, services } = await setup();
    services.vault.connections.update(connectionId, { companyNumbers: ['40100', 'AB-12'] });
    const result = await call('verification:run', { connectionId });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({
      code: 'inputs.companies.not-a-number',
      field: 'companyNumbers',
      params: { value: 'AB-12' },
    });
    expect(sandbox.requestCount()).toBe(0);
  });

  it('cancels a running verification', async () => {
    sandbox.setOptions({ latencyMs: 50 });
    const { call, connectionId } = await setup();
    const running = call<VerificationReport>('verification:run', { connectionId });
    await new Promise((resolve) => setImmediate(resolve));

    const second = await call('verification:run', { connectionId });
    expect(!second.ok && second.error.code).toBe('verification.already-running');
    const cancel = await call<{ cancelled: boolean }>('verification:cancel', { connectionId });
    expect(cancel.ok && cancel.value.cancelled).toBe(true);

    const result = await running;
    expect(result.ok && result.value.verdict).toBe('cancelled');
  });
});
