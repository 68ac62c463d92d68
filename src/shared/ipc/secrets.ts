import { z } from 'zod';
import type { SecretStatus, StorageStatus } from '../connection.ts';
import { invoke } from './define.ts';

/** Longest client secret accepted; Cobra's are far shorter. */
export const MAX_SECRET_LENGTH = 1024;

const connectionRef = z.object({ connectionId: z.uuid() }).strict();

/** The secret as typed or pasted; main trims and checks it before it is stored. */
const secretEntry = z
  .object({ connectionId: z.uuid(), secret: z.string().max(MAX_SECRET_LENGTH) })
  .strict();

export interface SaveSecretResult {
  status: SecretStatus;
  /** True when whitespace around the pasted secret was removed before saving. */
  trimmed: boolean;
}

export interface CopySecretResult {
  /** Seconds after which the clipboard is cleared, if it still holds the secret. */
  clearAfterSeconds: number;
}

/**
 * The client secret crosses from the renderer to main once, in `save` or
 * `keepInMemory`. No channel sends it back: the renderer sees only the
 * status with its last four characters.
 */
export const secretsContract = {
  storage: invoke<StorageStatus>()('secrets:storage', z.undefined()),
  status: invoke<SecretStatus>()('secrets:status', connectionRef),
  save: invoke<SaveSecretResult>()('secrets:save', secretEntry),
  /** Keeps the secret in main's memory until the app quits, when it cannot be stored. */
  keepInMemory: invoke<SaveSecretResult>()('secrets:keep-in-memory', secretEntry),
  forget: invoke<SecretStatus>()('secrets:forget', connectionRef),
  copy: invoke<CopySecretResult>()('secrets:copy', connectionRef),
};
