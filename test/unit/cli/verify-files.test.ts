import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/cli/commands.ts';
import { withoutFinalNewline } from '../../../src/cli/connection-args.ts';
import { EXIT } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/run.ts';
import { formatReport } from '../../../src/cli/commands/verify.ts';
import { createTranslator } from '../../../src/shared/i18n/translator.ts';
import { recordingIo } from '../../support/cli.ts';
import { sampleReport } from '../../support/seal.ts';

const folder = mkdtempSync(join(tmpdir(), 'verify-files-'));
const secretFile = join(folder, 'secret.txt');
writeFileSync(secretFile, 'a-secret-of-some-length\n');
const largeFile = join(folder, 'large.txt');
writeFileSync(largeFile, 'x'.repeat(5000));

/** Arguments that stop before any request: the URL has no listener and is never reached. */
function args(...extra: string[]): string[] {
  return ['verify', '--url', 'http://127.0.0.1:9', '--client-id', 'id', '--company', '1', ...extra];
}

describe('files given to verify', () => {
  it.each([
    { name: 'a folder as secret file', extra: ['--secret-file', folder], text: 'is a folder' },
    {
      name: 'a folder as profile',
      extra: ['--secret-file', secretFile, '--profile', `${folder}/`],
      text: 'not a profile file',
    },
    {
      name: 'a missing secret file',
      extra: ['--secret-file', join(folder, 'none')],
      text: 'ENOENT',
    },
    { name: 'a large secret file', extra: ['--secret-file', largeFile], text: '5000 bytes' },
  ])('rejects $name with a message and exit code 2', async ({ extra, text }) => {
    const io = recordingIo();
    const code = await runCli([...args(...extra), '--lang', 'en'], io, COMMANDS);
    expect(io.err()).toContain(text);
    expect(io.err()).not.toContain('too large');
    expect(io.err()).not.toMatch(/EISDIR|\n\s+at /);
    expect(code).toBe(EXIT.badInput);
  });
});

describe('arguments of verify', () => {
  it('names the position of a stray argument but never echoes it', async () => {
    const io = recordingIo();
    const code = await runCli(
      [...args('--secret-file', secretFile), 'Stray-Secret-Value', '--lang', 'en'],
      io,
      COMMANDS,
    );
    expect(io.err()).toContain('at position 9');
    expect(io.err()).not.toContain('Stray-Secret-Value');
    expect(code).toBe(EXIT.badInput);
  });

  it('rejects --valid-from after --valid-until', async () => {
    const io = recordingIo();
    const code = await runCli(
      [
        ...args('--secret-file', secretFile),
        '--valid-from',
        '2026-05-01',
        '--valid-until',
        '2026-01-01',
        '--lang',
        'en',
      ],
      io,
      COMMANDS,
    );
    expect(io.err()).toContain('--valid-from 2026-05-01 is after --valid-until 2026-01-01');
    expect(code).toBe(EXIT.badInput);
  });

  it.each([
    ['one final line break', 'secret-value\n', []],
    ['one final CRLF', 'secret-value\r\n', []],
    ['two final line breaks', 'secret-value\n\n', ['secret-value\n']],
    ['no line break', 'secret-value', []],
  ])('drops %s and no more', (_name, text, changed) => {
    const result = withoutFinalNewline(text);
    expect(result === 'secret-value' ? [] : [result]).toEqual(changed);
  });
});

describe('the report table', () => {
  it.each([
    ['en', 1, 'Verdict: passed [pass] (1 request,', ['Environment', 'CHECK', 'RESULT']],
    ['en', 2, 'Verdict: passed [pass] (2 requests,', ['Environment', 'CHECK', 'RESULT']],
    ['nl', 1, 'Oordeel: geslaagd [pass] (1 verzoek,', ['Omgeving', 'CONTROLE', 'UITKOMST']],
    ['nl', 3, 'Oordeel: geslaagd [pass] (3 verzoeken,', ['Omgeving', 'CONTROLE', 'UITKOMST']],
  ] as const)('in %s with %i requests', async (language, count, verdict, words) => {
    const text = formatReport(
      sampleReport({ requestCount: count }),
      await createTranslator(language),
    );
    expect(text).toContain(verdict);
    for (const word of words) {
      expect(text).toContain(word);
    }
    if (language === 'nl') {
      expect(text).not.toMatch(/Environment|Problems|Verdict|CHECK/);
    }
  });
});
