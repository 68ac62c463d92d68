import { useEffect, useState } from 'react';
import type { ExportStatus } from '../../../shared/ipc/sealing.ts';
import type { AppError } from '../../../shared/result.ts';
import { api } from '../api.ts';

export type ExportStatusState =
  | { status: 'loading' }
  | { status: 'error'; error: AppError }
  | { status: 'ready'; value: ExportStatus };

/**
 * Reads the verification state and the defaults of a connection's export.
 * It reads again whenever `version` changes, such as after a test stored a
 * new report, and keeps showing the previous state while it does.
 */
export function useExportStatus(connectionId: string, version: string): ExportStatusState {
  const [state, setState] = useState<ExportStatusState>({ status: 'loading' });

  useEffect(() => {
    let current = true;
    void api.sealing.getExportStatus({ connectionId }).then((result) => {
      if (current) {
        setState(
          result.ok
            ? { status: 'ready', value: result.value }
            : { status: 'error', error: result.error },
        );
      }
    });
    return () => {
      current = false;
    };
  }, [connectionId, version]);

  return state;
}
