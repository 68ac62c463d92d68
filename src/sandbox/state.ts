import type { Logger } from '../core/log/logger.ts';
import type { RequestCounters } from './counters.ts';
import type { Dataset } from './data.ts';
import type { FaultTable } from './faults.ts';
import type { ResolvedOptions, SandboxOptions } from './options.ts';
import type { TokenStore } from './token.ts';

/** The shared state of one running sandbox. */
export interface SandboxState {
  options: ResolvedOptions;
  origin: string;
  data: Dataset;
  tokens: TokenStore;
  faults: FaultTable;
  counters: RequestCounters;
  logger: Logger;
  closing: AbortController;
  applyOptions(patch: Partial<SandboxOptions>): void;
}

/** Returns the environment base URL: origin plus path prefix. */
export function baseUrlOf(state: SandboxState): string {
  return `${state.origin}${state.options.pathPrefix}`;
}
