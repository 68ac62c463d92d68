import { useCallback, useEffect, useState } from 'react';
import type { Connection, SecretStatus } from '../../../shared/connection.ts';
import type { ConnectionPatch } from '../../../shared/ipc/connections.ts';
import type { AppError, Result } from '../../../shared/result.ts';
import { api } from '../api.ts';

export type ConnectionState =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'error'; error: AppError }
  | { status: 'ready'; connection: Connection; secret: SecretStatus | null };

type ReadyState = Extract<ConnectionState, { status: 'ready' }>;

/** The last failed change is returned next to the actions, for the page to show. */
export interface ConnectionActions {
  /** Stores changed fields; resolves to the failure, or null when stored. */
  update(patch: ConnectionPatch): Promise<AppError | null>;
  setItem(itemId: string, done: boolean): Promise<AppError | null>;
  /** Reads the secret status again, after the secret field changed it. */
  refreshSecret(): Promise<void>;
  /** Reads the connection again, e.g. after a verification run stored its report. */
  reload(): void;
}

async function readConnection(id: string): Promise<ConnectionState> {
  const [connection, secret] = await Promise.all([
    api.connections.get({ id }),
    api.secrets.status({ connectionId: id }),
  ]);
  if (!connection.ok) {
    const missing = ['connections.not-found', 'ipc.invalid-payload'];
    return missing.includes(connection.error.code)
      ? { status: 'missing' }
      : { status: 'error', error: connection.error };
  }
  return { status: 'ready', connection: connection.value, secret: secret.ok ? secret.value : null };
}

/** Loads one connection and its secret status, and writes changes through main. */
export function useConnection(id: string): [ConnectionState, ConnectionActions, AppError | null] {
  // The state remembers which connection it belongs to, so a new id reads
  // as loading at once without resetting state inside an effect.
  const [owned, setState] = useState<{ id: string; state: ConnectionState }>({
    id,
    state: { status: 'loading' },
  });
  const state: ConnectionState = owned.id === id ? owned.state : { status: 'loading' };
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    void readConnection(id).then((next) => {
      if (current) {
        setState({ id, state: next });
      }
    });
    return () => {
      current = false;
    };
  }, [id, version]);

  const [actionError, setActionError] = useState<AppError | null>(null);

  /** Changes the loaded connection in place; does nothing while it loads. */
  const patchReady = useCallback((change: (ready: ReadyState) => ReadyState) => {
    setState((previous) => ({
      id: previous.id,
      state: previous.state.status === 'ready' ? change(previous.state) : previous.state,
    }));
  }, []);

  const apply = useCallback(
    async (pending: Promise<Result<Connection>>) => {
      const result = await pending;
      if (!result.ok) {
        setActionError(result.error);
        return result.error;
      }
      setActionError(null);
      patchReady((ready) => ({ ...ready, connection: result.value }));
      return null;
    },
    [patchReady],
  );

  const update = useCallback(
    (patch: ConnectionPatch) => apply(api.connections.update({ id, patch })),
    [apply, id],
  );

  const setItem = useCallback(
    async (itemId: string, done: boolean) => {
      // Tick at once; main's answer then replaces the whole connection. A
      // failure reloads, so the box shows what is stored.
      const tick = (ready: ReadyState) => ({
        ...ready,
        connection: {
          ...ready.connection,
          checklist: { ...ready.connection.checklist, [itemId]: done },
        },
      });
      patchReady(tick);
      const error = await apply(api.connections.setChecklistItem({ id, itemId, done }));
      if (error !== null) {
        setVersion((previous) => previous + 1);
      }
      return error;
    },
    [apply, patchReady, id],
  );

  const refreshSecret = useCallback(async () => {
    const secret = await api.secrets.status({ connectionId: id });
    if (secret.ok) {
      patchReady((ready) => ({ ...ready, secret: secret.value }));
    }
  }, [id, patchReady]);

  const reload = useCallback(() => setVersion((previous) => previous + 1), []);
  return [state, { update, setItem, refreshSecret, reload }, actionError];
}
