import { useEffect, useState } from 'react';
import type { AppError, Result } from '../../../shared/result.ts';

/** Wait after the last keystroke before main checks the input. */
export const CHECK_DELAY_MS = 300;

/** The outcome of a check, with the input it was made for. */
export type CheckOutcome<Value> =
  { input: string; ok: true; value: Value } | { input: string; ok: false; error: AppError };

/**
 * Checks `input` with `check` once the user stops typing, and returns the
 * last outcome. An outcome whose `input` differs from the current input is
 * out of date, so callers compare the two before trusting it. An empty
 * input is not checked.
 */
export function useDebouncedCheck<Value>(
  input: string,
  check: (input: string) => Promise<Result<Value>>,
  enabled = true,
): { outcome: CheckOutcome<Value> | null; current: CheckOutcome<Value> | null; pending: boolean } {
  const [outcome, setOutcome] = useState<CheckOutcome<Value> | null>(null);

  useEffect(() => {
    if (!enabled || input.trim() === '') {
      return;
    }
    let active = true;
    const timer = setTimeout(() => {
      void check(input).then((result) => {
        if (active) {
          setOutcome(
            result.ok
              ? { input, ok: true, value: result.value }
              : { input, ok: false, error: result.error },
          );
        }
      });
    }, CHECK_DELAY_MS);
    return () => {
      active = false;
      clearTimeout(timer);
    };
  }, [input, check, enabled]);

  const current = outcome !== null && outcome.input === input ? outcome : null;
  return { outcome, current, pending: enabled && input.trim() !== '' && current === null };
}
