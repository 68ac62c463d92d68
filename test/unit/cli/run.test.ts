import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/cli/commands.ts';
import { EXIT, UsageError, type Command, type CommandEntry } from '../../../src/cli/io.ts';
import { readVersion, runCli } from '../../../src/cli/run.ts';
import { recordingIo } from '../../support/cli.ts';

const io = () => recordingIo();

const echo: Command = {
  name: 'echo',
  summary: 'Print the arguments',
  usage: 'Usage: cobra-koppelhulp echo WORDS',
  async run(args, streams) {
    if (args.length === 0) {
      throw new UsageError('missing WORDS');
    }
    streams.stdout.write(args.join(' '));
    return EXIT.ok;
  },
};

describe('runCli', () => {
  it('prints the version from package.json', async () => {
    const streams = io();
    expect(await runCli(['--version'], streams, [echo])).toBe(EXIT.ok);
    expect(streams.out().trim()).toBe(readVersion());
    expect(readVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('lists the commands in --help', async () => {
    const streams = io();
    expect(await runCli(['--help'], streams, [echo])).toBe(EXIT.ok);
    expect(streams.out()).toContain('echo');
    expect(streams.out()).toContain('Print the arguments');
  });

  it('exits with 2 and prints help without a command', async () => {
    const streams = io();
    expect(await runCli([], streams, [echo])).toBe(EXIT.badInput);
    expect(streams.out()).toContain('Usage:');
  });

  it('dispatches to a subcommand', async () => {
    const streams = io();
    expect(await runCli(['echo', 'a', 'b'], streams, [echo])).toBe(EXIT.ok);
    expect(streams.out()).toBe('a b');
  });

  it('prints the usage of a subcommand for --help and help NAME', async () => {
    for (const argv of [
      ['echo', '--help'],
      ['help', 'echo'],
    ]) {
      const streams = io();
      expect(await runCli(argv, streams, [echo])).toBe(EXIT.ok);
      expect(streams.out()).toContain('Usage: cobra-koppelhulp echo');
    }
  });

  it('rejects an unknown command with exit code 2', async () => {
    const streams = io();
    expect(await runCli(['frobnicate'], streams, [echo])).toBe(EXIT.badInput);
    expect(streams.err()).toContain('unknown command "frobnicate"');
  });

  it('turns a usage error into exit code 2 with the message', async () => {
    const streams = io();
    expect(await runCli(['echo'], streams, [echo])).toBe(EXIT.badInput);
    expect(streams.err()).toContain('missing WORDS');
  });

  it('loads only the command it runs', async () => {
    const loaded: string[] = [];
    const entry = (command: Command): CommandEntry => ({
      name: command.name,
      summary: command.summary,
      load: async () => {
        loaded.push(command.name);
        return command;
      },
    });
    const other: Command = { ...echo, name: 'other', summary: 'Another command' };
    const entries = [entry(echo), entry(other)];

    const help = io();
    expect(await runCli(['--help'], help, entries)).toBe(EXIT.ok);
    expect(help.out()).toContain('Another command');
    expect(loaded).toEqual([]);

    expect(await runCli(['echo', 'a'], io(), entries)).toBe(EXIT.ok);
    expect(loaded).toEqual(['echo']);

    const usage = io();
    expect(await runCli(['help', 'other'], usage, entries)).toBe(EXIT.ok);
    expect(usage.out()).toContain('Usage: cobra-koppelhulp echo');
    expect(loaded).toEqual(['echo', 'other']);
  });
});

describe('COMMANDS', () => {
  it('loads the command each entry names', async () => {
    for (const entry of COMMANDS) {
      const command = await entry.load();
      expect(command.name).toBe(entry.name);
      expect(command.summary).toBe(entry.summary);
    }
  });
});
