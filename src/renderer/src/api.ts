import type { RendererApi } from '../../shared/ipc/contract.ts';
import { API_GLOBAL_NAME } from '../../shared/ipc/names.ts';

/** The preload's API; the page's only way to reach main. */
export const api: RendererApi = (window as unknown as Record<string, RendererApi>)[
  API_GLOBAL_NAME
]!;
