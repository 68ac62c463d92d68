import { z } from 'zod';
import { senderSchema, VERIFICATION_STATES, type Manifest } from '../manifest.ts';
import type { PassphraseStrength } from '../passphrase-strength.ts';
import { MAX_PASSPHRASE_LENGTH } from '../passphrase-strength.ts';
import type { VerificationReport } from '../report.ts';
import { event, invoke } from './define.ts';
import type { VerificationProgress } from './verification.ts';

/** Largest armored OpenPGP public key accepted, in characters. */
export const MAX_PUBLIC_KEY_LENGTH = 256 * 1024;

const passphrase = z.string().min(1).max(MAX_PASSPHRASE_LENGTH);
const handle = z.uuid();

/** Recipients of the exported file: a passphrase, age recipients or OpenPGP keys. */
export const sealTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('passphrase'), passphrase }).strict(),
  z
    .object({
      kind: z.literal('age-recipients'),
      recipients: z.array(z.string().max(200)).min(1).max(20),
    })
    .strict(),
  z
    .object({
      kind: z.literal('openpgp'),
      publicKeys: z.array(z.string().max(MAX_PUBLIC_KEY_LENGTH)).min(1).max(5),
    })
    .strict(),
]);

export const exportRequestSchema = z
  .object({
    connectionId: z.uuid(),
    target: sealTargetSchema,
    sender: senderSchema.default({}),
    /** Advisory "use before" date; two weeks ahead when left out. */
    useBefore: z.iso.date().optional(),
    /** The user confirmed the export although the last verification did not pass. */
    confirmUnverified: z.boolean().default(false),
  })
  .strict();

export type ExportRequest = z.input<typeof exportRequestSchema>;

/** Verification state and defaults, shown before the user chooses a recipient. */
export interface ExportStatus {
  state: (typeof VERIFICATION_STATES)[number];
  lastReport: Pick<VerificationReport, 'verdict' | 'finishedAt'> | null;
  /** The name the save dialog proposes for an age file. */
  defaultFileName: string;
  defaultUseBefore: string;
}

export type ExportResult =
  | {
      saved: true;
      path: string;
      /** Opaque id of the saved file, for `showExported`; main keeps the path. */
      exportId: string;
      fileName: string;
      /** SHA-256 of the saved file, lowercase hex. */
      sha256: string;
      /** The same hash in groups of four, to compare by phone. */
      fingerprint: string;
      state: ExportStatus['state'];
      confirmedDespiteState: boolean;
    }
  | { saved: false };

/** An OpenPGP public key as shown to the sender before sealing to it. */
export interface OpenPgpKeyInfo {
  /** Fingerprint in upper-case hex, grouped by four for reading aloud. */
  fingerprint: string;
  userIds: string[];
  algorithm: string;
  createdAt: string;
  /** ISO date-time, or null when the key does not expire. */
  expiresAt: string | null;
}

/** A sealed file that main has read and keeps until it is opened. */
export interface ChosenFile {
  fileId: string;
  fileName: string;
  size: number;
  format: 'age' | 'openpgp';
  /** Kind of key that opens it, read from its header. */
  keyKind: 'passphrase' | 'age-identity' | 'openpgp-key' | 'unknown';
  fingerprint: string;
}

/** The key that opens a chosen file: a typed passphrase or a key file main has read. */
export const openKeySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('passphrase'), passphrase }).strict(),
  z.object({ kind: z.literal('age-identity'), keyId: handle }).strict(),
  z
    .object({ kind: z.literal('openpgp-key'), keyId: handle, passphrase: passphrase.optional() })
    .strict(),
]);

/** The contents of an opened file; `clientSecret` is masked but for its last 4 characters. */
export interface OpenedFile {
  openedId: string;
  manifest: Manifest;
  fingerprint: string;
}

export const sealingContract = {
  /** Generates a passphrase of about 119 bits, easy to read out by phone. */
  generatePassphrase: invoke<{ passphrase: string; bits: number }>()(
    'sealing:generate-passphrase',
    z.undefined(),
  ),
  checkPassphrase: invoke<PassphraseStrength>()(
    'sealing:check-passphrase',
    z.object({ passphrase: z.string().max(MAX_PASSPHRASE_LENGTH * 2) }).strict(),
  ),
  /** Validates age recipients; returns them normalised or names the first invalid one. */
  checkRecipients: invoke<string[]>()(
    'sealing:check-recipients',
    z.object({ recipients: z.array(z.string().max(200)).max(20) }).strict(),
  ),
  /** Reads a pasted OpenPGP public key and rejects one that cannot receive the file. */
  inspectPublicKey: invoke<OpenPgpKeyInfo>()(
    'sealing:inspect-public-key',
    z.object({ publicKey: z.string().max(MAX_PUBLIC_KEY_LENGTH) }).strict(),
  ),
  /** Lets the user choose a public key file; null when cancelled. */
  readPublicKeyFile: invoke<{ publicKey: string; info: OpenPgpKeyInfo } | null>()(
    'sealing:read-public-key-file',
    z.undefined(),
  ),
  /** Verification state and defaults of a connection's export. */
  getExportStatus: invoke<ExportStatus>()(
    'sealing:get-export-status',
    z.object({ connectionId: z.uuid() }).strict(),
  ),
  /**
   * Seals the connection's credentials and saves the file through the save
   * dialog. Rejected with `sealing.verification-<state>` when the last
   * verification did not pass, unless `confirmUnverified` is set.
   */
  exportFile: invoke<ExportResult>()('sealing:export-file', exportRequestSchema),
  /**
   * Copies a passphrase to the clipboard and clears it after 30 seconds if
   * the clipboard still contains it. Main registers it for log redaction.
   */
  copyPassphrase: invoke<{ clearAfterSeconds: number }>()(
    'sealing:copy-passphrase',
    z.object({ passphrase }).strict(),
  ),
  /**
   * Shows a file that `exportFile` saved in Explorer or Finder, by the id it
   * returned. It takes no path, so the page can only reveal what main saved.
   */
  showExported: invoke<void>()('sealing:show-exported', z.object({ exportId: handle }).strict()),
  /** Lets the recipient choose a sealed file; null when cancelled. */
  chooseFile: invoke<ChosenFile | null>()('sealing:choose-file', z.undefined()),
  /** Lets the recipient choose the key file for a chosen file; null when cancelled. */
  chooseKeyFile: invoke<{ keyId: string; fileName: string } | null>()(
    'sealing:choose-key-file',
    z.object({ kind: z.enum(['age-identity', 'openpgp-key']) }).strict(),
  ),
  /** Opens a chosen file. The secret stays in main; the page gets it masked. */
  openFile: invoke<OpenedFile>()(
    'sealing:open-file',
    z.object({ fileId: handle, key: openKeySchema }).strict(),
  ),
  /** Copies the opened secret to the clipboard, cleared after 30 seconds. */
  copySecret: invoke<{ clearAfterSeconds: number }>()(
    'sealing:copy-secret',
    z.object({ openedId: handle }).strict(),
  ),
  /** Runs the verification from this computer with the credentials of an opened file. */
  verifyOpened: invoke<VerificationReport>()(
    'sealing:verify-opened',
    z.object({ openedId: handle }).strict(),
  ),
  /** Forgets an opened file and its secret. */
  closeOpened: invoke<void>()('sealing:close-opened', z.object({ openedId: handle }).strict()),
  /** Stops the running verification of an opened file; `verifyOpened` then resolves as cancelled. */
  cancelVerifyOpened: invoke<{ cancelled: boolean }>()(
    'sealing:cancel-verify-opened',
    z.object({ openedId: handle }).strict(),
  ),
  onVerifyProgress: event<OpenedVerificationProgress>('sealing:verify-progress'),
};

/** One finished probe of the verification of an opened file, pushed as it completes. */
export type OpenedVerificationProgress = Omit<VerificationProgress, 'connectionId'> & {
  openedId: string;
};
