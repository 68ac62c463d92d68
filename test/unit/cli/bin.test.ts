import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '..', '..', '..', 'bin', 'cobra-koppelhulp.js');

/** Debian's Node, which on this machine is older than the project's own Node 24. */
const SYSTEM_NODE = '/usr/bin/node';

function systemNodeMajor(): number {
  try {
    const version = execFileSync(SYSTEM_NODE, ['-p', 'process.versions.node.split(".")[0]']);
    return Number(version.toString());
  } catch {
    return Number.NaN;
  }
}

describe('bin/cobra-koppelhulp.js', () => {
  const major = systemNodeMajor();

  it.skipIf(!(major < 24))('explains the Node version it needs on an older Node', () => {
    const run = spawnSync(SYSTEM_NODE, [bin, '--version'], { encoding: 'utf8' });
    expect(run.stderr).toContain('needs Node.js 24 or later');
    expect(run.stderr).not.toContain('ERR_UNKNOWN_FILE_EXTENSION');
    expect(run.status).toBe(2);
  });

  it('runs the CLI on the project Node', () => {
    const run = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(run.status).toBe(0);
  });

  it('prints the usage of verify, which it loads on demand', () => {
    const run = spawnSync(process.execPath, [bin, 'verify', '--help'], { encoding: 'utf8' });
    expect(run.stdout).toContain('Usage: cobra-koppelhulp verify');
    expect(run.status).toBe(0);
  });
});
