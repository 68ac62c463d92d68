/**
 * Settings types, defaults and limits. Kept free of zod so the page can
 * import them without pulling the schema library into its start bundle;
 * src/shared/ipc/app.ts builds the schemas from these limits.
 */

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface Settings {
  language: Language;
  network: {
    /** Per-request timeout for calls to Cobra, in milliseconds. */
    requestTimeoutMs: number;
    /** Maximum number of Cobra requests in flight at once. */
    concurrency: number;
  };
}

export const DEFAULT_SETTINGS: Settings = {
  language: 'nl',
  network: { requestTimeoutMs: 15_000, concurrency: 4 },
};

/** Accepted ranges of the network settings, inclusive. */
export const NETWORK_LIMITS = {
  requestTimeoutMs: { min: 1_000, max: 120_000 },
  concurrency: { min: 1, max: 16 },
} as const;
