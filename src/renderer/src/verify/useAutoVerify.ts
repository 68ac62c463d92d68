import { useEffect, useRef } from 'react';
import type { Connection, SecretStatus } from '../../../shared/connection.ts';
import {
  normaliseClientId,
  normaliseEnvironmentUrl,
  parseCompanyNumbers,
} from '../../../shared/inputs.ts';
import type { VerificationControls, VerificationState } from './useVerification.ts';

/** Wait after the last change before testing again, so typing does not start runs. */
export const AUTO_RUN_DELAY_MS = 1_500;

/** True when every input of a run is present and passes the core's checks. */
export function inputsReady(connection: Connection, secret: SecretStatus | null): boolean {
  return (
    normaliseEnvironmentUrl(connection.environmentUrl).ok &&
    normaliseClientId(connection.clientId).ok &&
    parseCompanyNumbers(connection.companyNumbers).ok &&
    secret !== null &&
    secret.stored &&
    secret.readable
  );
}

/**
 * Tests again when an input the run depends on changes: the URL, client id,
 * company numbers, dates or the secret. Only after a first test the user
 * started, because SD Worx charges for API use, and only once the inputs
 * are complete and valid.
 */
export function useAutoVerify(
  connection: Connection,
  secret: SecretStatus | null,
  state: VerificationState,
  controls: VerificationControls,
): void {
  const key = JSON.stringify([
    connection.environmentUrl,
    connection.clientId,
    connection.companyNumbers,
    connection.validFrom,
    connection.validUntil,
    secret?.savedAt ?? null,
  ]);
  // The inputs of the last run (or of the page load); a run starts only
  // when the current inputs differ from them.
  const previous = useRef(key);
  const latest = useRef(key);
  const tested = state.status !== null && state.status.lastReport !== null;
  const ready = inputsReady(connection, secret);
  const { run } = controls;
  const running = state.running;

  useEffect(() => {
    latest.current = key;
  });

  useEffect(() => {
    // Any run, also one the user started, tests the inputs of its start.
    if (running) {
      previous.current = latest.current;
    }
  }, [running]);

  useEffect(() => {
    if (previous.current === key || running) {
      return;
    }
    if (!tested || !ready) {
      // Nothing to re-test yet; a later change starts from these inputs.
      previous.current = key;
      return;
    }
    const timer = setTimeout(() => {
      previous.current = key;
      void run({ automatic: true });
    }, AUTO_RUN_DELAY_MS);
    return () => clearTimeout(timer);
  }, [key, tested, ready, running, run]);
}
