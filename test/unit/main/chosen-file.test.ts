import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readChosenFile } from '../../../src/main/handlers/sealing-keys.ts';
import { tempDir } from '../../support/seal.ts';

describe('readChosenFile', () => {
  const dir = tempDir('koppelhulp-chosen-file-');
  afterAll(() => dir.remove());

  it('reads a regular file up to the limit', () => {
    const path = join(dir.path, 'exact.age');
    writeFileSync(path, 'x'.repeat(64));
    expect(readChosenFile(path, 64).toString()).toBe('x'.repeat(64));
  });

  it('rejects a file over the limit with its size', () => {
    const path = join(dir.path, 'large.age');
    writeFileSync(path, 'x'.repeat(65));
    expect(() => readChosenFile(path, 64)).toThrow(
      expect.objectContaining({ code: 'sealing.file-too-large', params: { size: 65, max: 64 } }),
    );
  });

  // A FIFO never ends and blocks whoever opens it: read without the check,
  // this test hangs until its timeout instead of passing.
  const special: [string, () => string][] = [
    ['a device', () => '/dev/zero'],
    [
      'a folder',
      () => {
        const path = join(dir.path, 'folder');
        mkdirSync(path);
        return path;
      },
    ],
    [
      'a FIFO',
      () => {
        const path = join(dir.path, 'pipe');
        execFileSync('mkfifo', [path]);
        return path;
      },
    ],
  ];
  it.each(special)(
    'rejects %s as not a regular file',
    (_name, make) => {
      const path = make();
      expect(() => readChosenFile(path, 1024)).toThrow(
        expect.objectContaining({ code: 'sealing.not-regular-file' }),
      );
    },
    5_000,
  );

  it('rejects a missing file as unreadable, with its name', () => {
    expect(() => readChosenFile(join(dir.path, 'gone.age'), 1024)).toThrow(
      expect.objectContaining({ code: 'sealing.file-unreadable', params: { name: 'gone.age' } }),
    );
  });
});
