import { z } from 'zod';
import { reportSchema } from './report.ts';

const isoDate = z.iso.date();

/**
 * One handover in progress: an environment, an API client and the companies
 * it serves. The client secret is not part of it; the vault stores that.
 */
export const connectionSchema = z
  .object({
    id: z.uuid(),
    name: z.string().min(1).max(100),
    profileId: z.string().min(1),
    environmentUrl: z.string().max(2048).default(''),
    clientId: z.string().max(200).default(''),
    clientDisplayName: z.string().max(100).default(''),
    /** Start and end date entered in Cobra for the API client (YYYY-MM-DD). */
    validFrom: isoDate.nullable().default(null),
    validUntil: isoDate.nullable().default(null),
    companyNumbers: z.array(z.string()).max(1000).default([]),
    /** Ticked checklist items by id, e.g. "activate.terms". */
    checklist: z.record(z.string(), z.boolean()).default({}),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    lastReport: reportSchema.nullable().default(null),
  })
  .strict();

export type Connection = z.output<typeof connectionSchema>;

/** What the renderer may know about a stored secret. */
export interface SecretStatus {
  stored: boolean;
  /** False when a ciphertext exists but does not decrypt on this computer. */
  readable: boolean;
  /** Last 4 characters, for recognition; null when not stored or not readable. */
  hint: string | null;
  /** 'vault' when encrypted at rest; 'memory' when kept until the app quits. */
  storage: 'vault' | 'memory' | null;
  /** When the secret was saved (ISO 8601); null when not stored. */
  savedAt?: string | null;
}

/**
 * Whether this computer can keep a secret encrypted at rest. `backend` is
 * the key store Electron's safeStorage uses: "dpapi" on Windows, "keychain"
 * on macOS, and on Linux the name safeStorage reports, such as
 * "gnome_libsecret", "kwallet5" or "basic_text".
 */
export interface StorageStatus {
  backend: string;
  /** True when a secret saved now is encrypted with the key store. */
  canStore: boolean;
  /**
   * Why storing is not possible: "basic-text" when Linux has no key store
   * and would use a key built into Chromium, "unavailable" when encryption
   * is not available at all. Null when `canStore` is true.
   */
  reason: 'basic-text' | 'unavailable' | null;
}

/**
 * Something the user must know about the stored data, such as a damaged
 * store file that was moved aside. `code` is a key in the `errors` locale
 * namespace; `params` fills its placeholders.
 */
export interface VaultNotice {
  id: string;
  code: string;
  params: Record<string, string | number>;
}
