import packageJson from '../../package.json' with { type: 'json' };
import { COMMANDS } from './commands.ts';
import {
  EXIT,
  UsageError,
  writeLine,
  type CliIo,
  type Command,
  type CommandEntry,
  type ExitCode,
} from './io.ts';

const PROGRAM = 'cobra-koppelhulp';

/**
 * Returns the version from package.json, which is imported rather than read
 * at run time so that the CLI bundle in out/cli contains it.
 */
export function readVersion(): string {
  return packageJson.version;
}

export function mainHelp(commands: readonly Pick<Command, 'name' | 'summary'>[]): string {
  const width = Math.max(...commands.map((command) => command.name.length), 4);
  const lines = [
    `Usage: ${PROGRAM} <command> [options]`,
    '',
    'Checks and hands over SD Worx Cobra API credentials.',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Options:',
    '  -h, --help     Show help; after a command, help for that command',
    '  -v, --version  Show the version',
    '',
    'Exit codes: 0 success, 1 a check failed, 2 invalid input,',
    '            3 could not connect or authenticate.',
  ];
  return lines.join('\n');
}

/** Imports a listed command's module; a command given whole is returned as it is. */
async function loadCommand(entry: Command | CommandEntry): Promise<Command> {
  return 'load' in entry ? entry.load() : entry;
}

/**
 * Runs the CLI with the given arguments (without node and script path).
 * Only the module of the command named in `argv` is imported.
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  commands: readonly (Command | CommandEntry)[] = COMMANDS,
): Promise<ExitCode> {
  const [first, ...rest] = argv;

  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined;
    const entry = commands.find((candidate) => candidate.name === topic);
    const usage = entry === undefined ? mainHelp(commands) : (await loadCommand(entry)).usage;
    writeLine(io.stdout, usage);
    return first === undefined ? EXIT.badInput : EXIT.ok;
  }
  if (first === '-v' || first === '--version') {
    writeLine(io.stdout, readVersion());
    return EXIT.ok;
  }

  const entry = commands.find((candidate) => candidate.name === first);
  if (entry === undefined) {
    writeLine(
      io.stderr,
      `${PROGRAM}: unknown command "${first}". Run "${PROGRAM} --help" for the list.`,
    );
    return EXIT.badInput;
  }
  const command = await loadCommand(entry);
  if (rest.includes('--help') || rest.includes('-h')) {
    writeLine(io.stdout, command.usage);
    return EXIT.ok;
  }

  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      writeLine(io.stderr, `${PROGRAM} ${command.name}: ${error.message}`);
      writeLine(io.stderr, `Run "${PROGRAM} ${command.name} --help" for usage.`);
      return EXIT.badInput;
    }
    throw error;
  }
}
