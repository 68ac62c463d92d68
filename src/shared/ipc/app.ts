import { z } from 'zod';
import { event, invoke } from './define.ts';

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  electronVersion: string | null;
  nodeVersion: string;
}

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

export const settingsPatchSchema = z
  .object({
    language: z.enum(LANGUAGES).optional(),
    network: z
      .object({
        requestTimeoutMs: z.number().int().min(1_000).max(120_000).optional(),
        concurrency: z.number().int().min(1).max(16).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const externalUrlSchema = z.object({ url: z.string().max(2048) });

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
  reportRendererError: invoke<void>()('app:report-renderer-error', rendererErrorSchema),
  /** Pushed when main wants the renderer to show a notice to the user. */
  onNotice: event<{ code: string; params?: Record<string, string> }>('app:notice'),
};
