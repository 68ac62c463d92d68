import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChosenFile, OpenedFile } from '../../../shared/ipc/sealing.ts';
import type { AppError } from '../../../shared/result.ts';
import { api } from '../api.ts';

/** The key the user gave for the chosen file, as the `openFile` channel takes it. */
export type OpenKeyRequest =
  | { kind: 'passphrase'; passphrase: string }
  | { kind: 'age-identity'; keyId: string }
  | { kind: 'openpgp-key'; keyId: string; passphrase?: string };

export interface OpenFileState {
  chosen: ChosenFile | null;
  /** The opened contents, secret masked; null until the file opened. */
  opened: OpenedFile | null;
  busy: 'choosing' | 'opening' | null;
  /** The last failure of choosing or opening; cleared by the next attempt. */
  error: AppError | null;
  /** True after the user closed a file, until the next file is chosen. */
  closed: boolean;
}

export interface OpenFileControls {
  choose(): Promise<void>;
  open(key: OpenKeyRequest): Promise<void>;
  close(): Promise<void>;
}

const EMPTY: OpenFileState = { chosen: null, opened: null, busy: null, error: null, closed: false };

/**
 * The recipient's sealed file: choose it, open it with a key, close it. Main
 * keeps the file and the opened secret under ids; the page only stores the
 * ids and the masked manifest. Choosing another file closes the opened one,
 * and so does leaving the screen.
 */
export function useOpenFile(): [OpenFileState, OpenFileControls] {
  const [state, setState] = useState<OpenFileState>(EMPTY);
  // The opened id for the unmount cleanup, which must not see a stale state.
  const openedIdRef = useRef<string | null>(null);
  const busyRef = useRef(false);
  // False once the screen is gone: a file that opens after that is closed at once.
  const mountedRef = useRef(true);

  const forget = useCallback(async () => {
    const openedId = openedIdRef.current;
    openedIdRef.current = null;
    if (openedId !== null) {
      await api.sealing.closeOpened({ openedId });
    }
  }, []);

  useEffect(() => {
    mountedRef.current = true;
    return () => {
      mountedRef.current = false;
      void forget();
    };
  }, [forget]);

  const choose = useCallback(async () => {
    if (busyRef.current) {
      return;
    }
    busyRef.current = true;
    setState((previous) => ({ ...previous, busy: 'choosing' }));
    const result = await api.sealing.chooseFile();
    busyRef.current = false;
    if (result.ok && result.value === null) {
      // A cancelled dialog changes nothing.
      setState((previous) => ({ ...previous, busy: null }));
      return;
    }
    await forget();
    setState(result.ok ? { ...EMPTY, chosen: result.value } : { ...EMPTY, error: result.error });
  }, [forget]);

  const open = useCallback(
    async (key: OpenKeyRequest) => {
      const fileId = state.chosen?.fileId;
      if (fileId === undefined || busyRef.current) {
        return;
      }
      busyRef.current = true;
      setState((previous) => ({ ...previous, busy: 'opening', error: null }));
      const result = await api.sealing.openFile({ fileId, key });
      busyRef.current = false;
      if (result.ok && !mountedRef.current) {
        // SECURITY: the user left while main decrypted the file; nobody sees
        // it now, so main must not keep the secret.
        await api.sealing.closeOpened({ openedId: result.value.openedId });
        return;
      }
      if (result.ok) {
        await forget();
        openedIdRef.current = result.value.openedId;
        setState((previous) => ({ ...previous, busy: null, opened: result.value }));
      } else {
        setState((previous) => ({ ...previous, busy: null, error: result.error }));
      }
    },
    [state.chosen, forget],
  );

  const close = useCallback(async () => {
    await forget();
    setState({ ...EMPTY, closed: true });
  }, [forget]);

  return [state, { choose, open, close }];
}
