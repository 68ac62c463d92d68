import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { invoke } from '../../../src/shared/ipc/define.ts';
import { buildRoutes, dispatch, isTrustedSender } from '../../../src/main/ipc/dispatch.ts';
import { silentLogger } from '../../../src/core/log/logger.ts';
import { AppFailure } from '../../../src/shared/result.ts';

const ORIGIN = 'app://koppelhulp';
const options = { trustedOrigins: [ORIGIN], log: silentLogger };
const trusted = { frameUrl: `${ORIGIN}/index.html#/start`, isMainFrame: true };

const contract = {
  demo: {
    rename: invoke<string>()(
      'demo:rename',
      z.object({ id: z.string().uuid(), name: z.string().min(1).max(80) }).strict(),
    ),
  },
};

function setup(handler = vi.fn((request: { name: string }) => request.name.toUpperCase())) {
  const [route] = buildRoutes(contract, { demo: { rename: handler as never } });
  return { route: route!, handler };
}

describe('IPC dispatch', () => {
  it('passes a valid payload from the app page to the handler', async () => {
    const { route, handler } = setup();
    const result = await dispatch(
      route,
      { id: crypto.randomUUID(), name: 'Test' },
      trusted,
      options,
    );
    expect(result).toEqual({ ok: true, value: 'TEST' });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['another origin', { frameUrl: 'https://evil.example/', isMainFrame: true }],
    ['a subframe of the app', { frameUrl: `${ORIGIN}/index.html`, isMainFrame: false }],
    ['a destroyed frame', { frameUrl: undefined, isMainFrame: true }],
    ['a file URL', { frameUrl: 'file:///tmp/index.html', isMainFrame: true }],
    ['a look-alike host', { frameUrl: 'app://koppelhulp.evil/index.html', isMainFrame: true }],
  ])('rejects a call from %s without running the handler', async (_name, sender) => {
    const { route, handler } = setup();
    const result = await dispatch(route, { id: crypto.randomUUID(), name: 'x' }, sender, options);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('ipc.untrusted-sender');
    expect(handler).not.toHaveBeenCalled();
  });

  it.each([
    ['a missing field', { id: crypto.randomUUID() }, 'name'],
    ['a wrong type', { id: crypto.randomUUID(), name: 42 }, 'name'],
    ['an invalid id', { id: 'abc', name: 'x' }, 'id'],
    ['an unknown field', { id: crypto.randomUUID(), name: 'x', admin: true }, '(payload)'],
    ['no payload', undefined, '(payload)'],
    ['a string payload', 'rename everything', '(payload)'],
  ])('rejects %s and names the field', async (_name, payload, field) => {
    const { route, handler } = setup();
    const result = await dispatch(route, payload, trusted, options);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('ipc.invalid-payload');
    expect(!result.ok && result.error.field).toBe(field);
    expect(!result.ok && result.error.message).toContain(field);
    expect(handler).not.toHaveBeenCalled();
  });

  it('returns an AppFailure as an expected error with its code', async () => {
    const { route } = setup(
      vi.fn(() => {
        throw new AppFailure('demo.taken', 'Name taken', { field: 'name' });
      }),
    );
    const result = await dispatch(route, { id: crypto.randomUUID(), name: 'x' }, trusted, options);
    expect(result).toEqual({
      ok: false,
      error: { code: 'demo.taken', message: 'Name taken', field: 'name' },
    });
  });

  it('hides the message of an unexpected exception', async () => {
    const { route } = setup(
      vi.fn(() => {
        throw new Error('database password is hunter2');
      }),
    );
    const result = await dispatch(route, { id: crypto.randomUUID(), name: 'x' }, trusted, options);
    expect(!result.ok && result.error.code).toBe('internal');
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });

  it('fails at startup when a channel has no handler', () => {
    expect(() => buildRoutes(contract, { demo: {} })).toThrow(/demo\.rename/);
  });
});

describe('isTrustedSender', () => {
  it('accepts a dev server origin only when listed', () => {
    const sender = { frameUrl: 'http://localhost:5173/', isMainFrame: true };
    expect(isTrustedSender(sender, [ORIGIN])).toBe(false);
    expect(isTrustedSender(sender, [ORIGIN, 'http://localhost:5173'])).toBe(true);
  });
});
