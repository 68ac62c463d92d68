import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src/main/handlers/index.ts';
import { buildRoutes, dispatch, type Route } from '../../../src/main/ipc/dispatch.ts';
import { contract } from '../../../src/shared/ipc/contract.ts';
import { createTestServices } from '../../support/services.ts';

const ORIGIN = 'app://koppelhulp';
const sender = { frameUrl: `${ORIGIN}/index.html`, isMainFrame: true };
const UUID = '7d4f5a0e-3c1b-4b8e-9a6f-2f1e0d9c8b7a';

function setup() {
  const test = createTestServices();
  const routes = new Map(
    buildRoutes(contract, createHandlers(test.services) as never).map((route) => [
      route.channel,
      route,
    ]),
  );
  const call = (channel: string, payload?: unknown) =>
    dispatch(routes.get(channel) as Route, payload, sender, {
      trustedOrigins: [ORIGIN],
      log: test.services.log,
    });
  return { ...test, call };
}

const INVALID_PAYLOADS: [string, unknown, string][] = [
  ['connections:create', { name: '', profileId: 'xpertsuite-loongegevens' }, 'name'],
  ['connections:create', { name: '   ', profileId: 'xpertsuite-loongegevens' }, 'name'],
  ['connections:create', { name: 'Test', profileId: 'Not A Profile' }, 'profileId'],
  ['connections:create', { name: 'Test', profileId: 'xpertsuite', extra: 1 }, '(payload)'],
  ['connections:get', { id: 'not-a-uuid' }, 'id'],
  ['connections:rename', { id: UUID, name: 'x'.repeat(101) }, 'name'],
  ['connections:update', { id: UUID, patch: { validFrom: '01-12-2026' } }, 'patch.validFrom'],
  [
    'connections:update',
    { id: UUID, patch: { companyNumbers: ['12 34'] } },
    'patch.companyNumbers.0',
  ],
  ['connections:update', { id: UUID, patch: { lastReport: null } }, 'patch'],
  ['connections:update', { id: UUID, patch: { createdAt: '2020-01-01T00:00:00Z' } }, 'patch'],
  ['connections:set-checklist-item', { id: UUID, itemId: '../x', done: true }, 'itemId'],
  ['connections:set-checklist-item', { id: UUID, itemId: 'a.b', done: 'yes' }, 'done'],
  ['connections:delete', undefined, '(payload)'],
  ['secrets:save', { connectionId: UUID }, 'secret'],
  ['secrets:save', { connectionId: UUID, secret: 42 }, 'secret'],
  ['secrets:save', { connectionId: UUID, secret: 'x'.repeat(1025) }, 'secret'],
  ['secrets:save', { connectionId: 'x', secret: 'abc' }, 'connectionId'],
  ['secrets:keep-in-memory', { connectionId: UUID, secret: null }, 'secret'],
  ['secrets:status', {}, 'connectionId'],
  ['secrets:copy', { connectionId: UUID, secret: 'abc' }, '(payload)'],
];

describe('connections and secrets handlers', () => {
  it.each(INVALID_PAYLOADS)('%s rejects %j at field %s', async (channel, payload, field) => {
    const { call, services } = setup();
    const existing = services.vault.connections.create({
      name: 'Bestaand',
      profileId: 'xpertsuite-loongegevens',
    });
    const result = await call(channel, payload);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('ipc.invalid-payload');
    expect(!result.ok && result.error.field).toBe(field);
    expect(services.vault.connections.list()).toEqual([existing]);
  });

  it('never returns the plaintext secret on any secrets channel', async () => {
    const { call } = setup();
    const created = await call('connections:create', {
      name: 'Test',
      profileId: 'xpertsuite-loongegevens',
    });
    const id = created.ok ? (created.value as { id: string }).id : '';
    const secret = 'never-back-to-the-page-42';
    const results = [
      await call('secrets:save', { connectionId: id, secret }),
      await call('secrets:status', { connectionId: id }),
      await call('secrets:copy', { connectionId: id }),
      await call('secrets:keep-in-memory', { connectionId: id, secret }),
      await call('secrets:forget', { connectionId: id }),
      await call('connections:get', { id }),
      await call('connections:list'),
    ];
    for (const result of results) {
      expect(result.ok).toBe(true);
      expect(JSON.stringify(result)).not.toContain(secret);
    }
  });

  it('returns an expected failure with its code for an unknown connection', async () => {
    const { call } = setup();
    const result = await call('secrets:save', { connectionId: UUID, secret: 'abcdefgh' });
    expect(result).toMatchObject({ ok: false, error: { code: 'connections.not-found' } });
  });

  it('deletes a connection with its secret', async () => {
    const { call, services } = setup();
    const created = await call('connections:create', {
      name: 'Test',
      profileId: 'xpertsuite-loongegevens',
    });
    const id = created.ok ? (created.value as { id: string }).id : '';
    await call('secrets:save', { connectionId: id, secret: 'abcdefgh-123' });

    expect(await call('connections:delete', { id })).toEqual({ ok: true, value: undefined });
    expect(services.vault.connections.list()).toEqual([]);
    const status = await call('secrets:status', { connectionId: id });
    expect(status).toMatchObject({ ok: false, error: { code: 'connections.not-found' } });
  });

  it('lists connections with the store notices', async () => {
    const { call } = setup();
    const result = await call('connections:list');
    expect(result).toEqual({ ok: true, value: { connections: [], notices: [] } });
  });
});
