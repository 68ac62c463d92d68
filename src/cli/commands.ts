import { openCommand } from './commands/open.ts';
import { sealCommand } from './commands/seal.ts';
import { sandboxCommand } from './commands/sandbox.ts';
import type { Command } from './io.ts';
import { verifyCommand } from './commands/verify.ts';

/**
 * Every subcommand of `cobra-koppelhulp`, in the order `--help` lists them.
 * Each capability adds its command here.
 */
export const COMMANDS: readonly Command[] = [
  verifyCommand,
  sealCommand,
  openCommand,
  sandboxCommand,
];
