import type { CommandEntry } from './io.ts';
import { SUMMARIES } from './summaries.ts';

/**
 * Every subcommand of `cobra-koppelhulp`, in the order `--help` lists them.
 * Each capability adds its command here. A command's module is imported only
 * when that command runs or shows its help, so `verify` does not load the
 * sealing libraries or the sandbox.
 */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'verify',
    summary: SUMMARIES.verify,
    load: async () => (await import('./commands/verify.ts')).verifyCommand,
  },
  {
    name: 'seal',
    summary: SUMMARIES.seal,
    load: async () => (await import('./commands/seal.ts')).sealCommand,
  },
  {
    name: 'open',
    summary: SUMMARIES.open,
    load: async () => (await import('./commands/open.ts')).openCommand,
  },
  {
    name: 'sandbox',
    summary: SUMMARIES.sandbox,
    load: async () => (await import('./commands/sandbox.ts')).sandboxCommand,
  },
];
