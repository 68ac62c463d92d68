import { z } from 'zod';
import { LANGUAGES, NETWORK_LIMITS, type Settings } from '../settings.ts';
import { event, invoke } from './define.ts';

export { DEFAULT_SETTINGS, LANGUAGES } from '../settings.ts';
export type { Language, Settings } from '../settings.ts';

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  electronVersion: string | null;
  nodeVersion: string;
}

export const settingsPatchSchema = z
  .object({
    language: z.enum(LANGUAGES).optional(),
    network: z
      .object({
        requestTimeoutMs: z
          .number()
          .int()
          .min(NETWORK_LIMITS.requestTimeoutMs.min)
          .max(NETWORK_LIMITS.requestTimeoutMs.max)
          .optional(),
        concurrency: z
          .number()
          .int()
          .min(NETWORK_LIMITS.concurrency.min)
          .max(NETWORK_LIMITS.concurrency.max)
          .optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const externalUrlSchema = z.object({ url: z.string().max(2048) });

/** Non-secret text the user copies, such as the client display name. */
export const copyTextSchema = z.object({ text: z.string().min(1).max(10_000) }).strict();

/** A crash or uncaught error in the renderer, reported so main can log it. */
export const rendererErrorSchema = z.object({
  message: z.string().max(4000),
  stack: z.string().max(20_000).optional(),
  source: z.enum(['error', 'unhandledrejection', 'react']),
});

export const appContract = {
  getInfo: invoke<AppInfo>()('app:get-info', z.undefined()),
  getSettings: invoke<Settings>()('app:get-settings', z.undefined()),
  updateSettings: invoke<Settings>()('app:update-settings', settingsPatchSchema),
  openExternal: invoke<void>()('app:open-external', externalUrlSchema),
  /** Copies non-secret text; main rejects text that contains a known secret. */
  copyText: invoke<void>()('app:copy-text', copyTextSchema),
  reportRendererError: invoke<void>()('app:report-renderer-error', rendererErrorSchema),
  /** Pushed when main wants the renderer to show a notice to the user. */
  onNotice: event<{ code: string; params?: Record<string, string> }>('app:notice'),
};
