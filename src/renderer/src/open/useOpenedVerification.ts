import { useCallback, useEffect, useState } from 'react';
import type { VerificationReport } from '../../../shared/report.ts';
import type { AppError } from '../../../shared/result.ts';
import { api } from '../api.ts';
import { withProbe, type RunProgress } from '../verify/progress.tsx';

export interface OpenedVerificationState extends RunProgress {
  /** The report of the last run in this session; null before the first. */
  report: VerificationReport | null;
  error: AppError | null;
}

export interface OpenedVerificationControls {
  run(): Promise<void>;
  cancel(): Promise<void>;
}

const IDLE: OpenedVerificationState = {
  running: false,
  probes: [],
  completed: 0,
  total: 0,
  report: null,
  error: null,
};

/**
 * Runs the test of an opened file from this computer with `verifyOpened` and
 * follows its probes as main pushes them. The state starts empty for each
 * file, so key the component that uses it by `openedId`.
 */
export function useOpenedVerification(
  openedId: string,
): [OpenedVerificationState, OpenedVerificationControls] {
  const [state, setState] = useState<OpenedVerificationState>(IDLE);

  useEffect(() => {
    return api.sealing.onVerifyProgress((progress) => {
      if (progress.openedId !== openedId) {
        return;
      }
      setState((previous) => withProbe(previous, progress));
    });
  }, [openedId]);

  const run = useCallback(async () => {
    setState((previous) => ({ ...IDLE, report: previous.report, running: true }));
    const result = await api.sealing.verifyOpened({ openedId });
    setState((previous) => ({
      ...previous,
      running: false,
      report: result.ok ? result.value : previous.report,
      error: result.ok ? null : result.error,
    }));
  }, [openedId]);

  const cancel = useCallback(async () => {
    const result = await api.sealing.cancelVerifyOpened({ openedId });
    if (!result.ok) {
      setState((previous) => ({ ...previous, error: result.error }));
    }
  }, [openedId]);

  return [state, { run, cancel }];
}
