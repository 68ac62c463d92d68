import { useCallback, useEffect, useRef, useState } from 'react';
import type { VerificationStatus } from '../../../shared/ipc/verification.ts';
import type { ProbeResult, VerificationReport } from '../../../shared/report.ts';
import type { AppError } from '../../../shared/result.ts';
import { api } from '../api.ts';
import { withProbe } from './progress.tsx';

export interface VerificationState {
  /** Null until main answered the first status request. */
  status: VerificationStatus | null;
  running: boolean;
  /** Probes finished so far in the current run, in report order. */
  probes: ProbeResult[];
  completed: number;
  total: number;
  error: AppError | null;
  /** True when the current or last run was started by an input change. */
  automatic: boolean;
}

export interface VerificationControls {
  run(options?: { deep?: boolean; automatic?: boolean }): Promise<VerificationReport | null>;
  cancel(): Promise<void>;
}

const IDLE = { running: false, probes: [], completed: 0, total: 0, error: null, automatic: false };

/**
 * A connection's verification: the last report, whether it is stale, and a
 * run in progress with its probes as main reports them. `onReport` runs after
 * a run stored its report, so the page can reload the connection.
 */
export function useVerification(
  connectionId: string,
  onReport: () => void,
): [VerificationState, VerificationControls] {
  const [status, setStatus] = useState<VerificationStatus | null>(null);
  const [run, setRun] = useState<Omit<VerificationState, 'status'>>(IDLE);
  const [version, setVersion] = useState(0);
  const onReportRef = useRef(onReport);
  useEffect(() => {
    onReportRef.current = onReport;
  });

  useEffect(() => {
    let current = true;
    void api.verification.status({ connectionId }).then((result) => {
      if (!current) {
        return;
      }
      if (result.ok) {
        setStatus(result.value);
        // A run started before this page opened: show its progress from here on.
        if (result.value.running) {
          setRun((previous) => (previous.running ? previous : { ...IDLE, running: true }));
        }
      } else {
        setRun((previous) => ({ ...previous, error: result.error }));
      }
    });
    return () => {
      current = false;
    };
  }, [connectionId, version]);

  useEffect(
    () =>
      api.verification.onProgress((progress) => {
        if (progress.connectionId !== connectionId) {
          return;
        }
        setRun((previous) => withProbe(previous, progress));
      }),
    [connectionId],
  );

  // The end of any run of this connection, including one this page did not
  // start: read the status and the connection again.
  const ownRun = useRef(false);
  useEffect(
    () =>
      api.verification.onFinished((finished) => {
        if (finished.connectionId !== connectionId || ownRun.current) {
          return;
        }
        setRun((previous) => ({ ...previous, running: false }));
        setVersion((previous) => previous + 1);
        onReportRef.current();
      }),
    [connectionId],
  );

  const start = useCallback(
    async (options: { deep?: boolean; automatic?: boolean } = {}) => {
      setRun({ ...IDLE, running: true, automatic: options.automatic === true });
      ownRun.current = true;
      const result = await api.verification.run({ connectionId, deep: options.deep === true });
      ownRun.current = false;
      setRun((previous) => ({
        ...previous,
        running: false,
        error: result.ok ? null : result.error,
      }));
      setVersion((previous) => previous + 1);
      if (result.ok) {
        onReportRef.current();
        return result.value;
      }
      return null;
    },
    [connectionId],
  );

  const cancel = useCallback(async () => {
    const result = await api.verification.cancel({ connectionId });
    if (!result.ok) {
      setRun((previous) => ({ ...previous, error: result.error }));
    }
  }, [connectionId]);

  const running = run.running || status?.running === true;
  return [
    { ...run, status, running },
    { run: start, cancel },
  ];
}
