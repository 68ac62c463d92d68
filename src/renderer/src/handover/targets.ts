import type { ExportRequest } from '../../../shared/ipc/sealing.ts';

/** Recipient of the sealed file, in the shape `exportFile` takes. */
export type SealTarget = ExportRequest['target'];

export type SealKind = SealTarget['kind'];

export const SEAL_KINDS: readonly SealKind[] = ['passphrase', 'age-recipients', 'openpgp'];
