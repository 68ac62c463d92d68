/**
 * The one-line summary of each subcommand. The command list in `--help`
 * reads these without importing the command modules, and each module uses
 * its own entry, so the two cannot drift apart.
 */
export const SUMMARIES = {
  verify: 'Test credentials, endpoints and company numbers against Cobra',
  seal: 'Seal the credentials into a file for the recipient (age or OpenPGP)',
  open: 'Open a sealed credentials file and show its contents',
  sandbox: 'Run a local Cobra API sandbox with demo clients',
} as const;
