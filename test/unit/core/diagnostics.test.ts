import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  buildDiagnosticsArchive,
  diagnosticsFileName,
  readTail,
  type DiagnosticsInput,
} from '../../../src/core/diagnostics.ts';
import { SecretRegistry } from '../../../src/core/log/redact.ts';

const SECRET = 'Kx7+q/Z9%m&Sécret==';

/** Every form in which a leaked secret would be readable in the archive. */
const SECRET_FORMS = {
  plain: SECRET,
  base64: Buffer.from(SECRET).toString('base64'),
  'URL-encoded': encodeURIComponent(SECRET),
  'form-encoded': new URLSearchParams({ s: SECRET }).toString().slice(2),
};

function setup(): DiagnosticsInput {
  const home = mkdtempSync(join(tmpdir(), 'koppelhulp-home-'));
  const logDirectory = join(home, 'logs');
  mkdirSync(logDirectory);
  // Lines as an older version without redaction might have written them.
  writeFileSync(
    join(logDirectory, 'main.log'),
    [
      `[info] token request body client_id=demo&client_secret=${SECRET_FORMS['URL-encoded']}`,
      `[info] header Authorization: Basic ${Buffer.from(`demo:${SECRET}`).toString('base64')}`,
      `[warn] secret in plain text ${SECRET}`,
      `[warn] secret as base64 ${SECRET_FORMS.base64}`,
      `[info] store at ${join(home, 'Cobra Koppelhulp', 'settings.json')}`,
    ].join('\n'),
  );
  writeFileSync(
    join(logDirectory, 'main.old.log'),
    `[error] old ${SECRET_FORMS['form-encoded']}\n`,
  );
  writeFileSync(join(logDirectory, 'vault.bin'), SECRET);
  const secrets = new SecretRegistry();
  secrets.register(SECRET);
  return {
    about: { app: { name: 'Cobra Koppelhulp', version: '1.2.3' } },
    settings: { language: 'nl', network: { requestTimeoutMs: 15000, concurrency: 4 } },
    logDirectory,
    connections: [
      {
        id: '0f8fad5b-d9cb-469f-a165-70867728950e',
        name: 'Demo BV',
        clientId: 'demo',
        environmentUrl: 'https://demo.cobra.example/',
        note: `pasted by mistake: ${SECRET}`,
      },
    ],
    reports: [
      {
        connectionId: '0f8fad5b-d9cb-469f-a165-70867728950e',
        report: {
          clientId: 'demo',
          clientSecret: SECRET,
          probes: [{ message: `token rejected for ${SECRET}`, detail: SECRET_FORMS.base64 }],
        },
      },
      { connectionId: '../../escape', report: null },
    ],
    secrets,
    homeDirectory: home,
    now: new Date('2026-12-04T16:30:05Z'),
  };
}

function unpack(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

describe('diagnostics archive', () => {
  it('contains about, settings, every log file and the reports', () => {
    const archive = buildDiagnosticsArchive(setup());
    expect(archive.entries).toEqual([
      'about.json',
      'settings.json',
      'connections.json',
      'logs/main.log',
      'logs/main.old.log',
      'reports/0f8fad5b-d9cb-469f-a165-70867728950e.json',
      'reports/.._.._escape.json',
    ]);
    expect(Object.keys(unpack(archive.bytes)).sort()).toEqual([...archive.entries].sort());
  });

  it.each(Object.entries(SECRET_FORMS))('has no %s secret in any entry', (_form, value) => {
    const files = unpack(buildDiagnosticsArchive(setup()).bytes);
    for (const [name, text] of Object.entries(files)) {
      expect(text, name).not.toContain(value);
    }
  });

  it('masks the Basic credential that embeds the secret', () => {
    const files = unpack(buildDiagnosticsArchive(setup()).bytes);
    expect(files['logs/main.log']).toContain('Authorization: Basic [redacted]');
  });

  it('keeps the useful parts of log lines and reports', () => {
    const files = unpack(buildDiagnosticsArchive(setup()).bytes);
    expect(files['logs/main.log']).toContain('client_id=demo&client_secret=[redacted]');
    const report = JSON.parse(files['reports/0f8fad5b-d9cb-469f-a165-70867728950e.json']!) as {
      clientId: string;
      clientSecret: string;
    };
    expect(report.clientId).toBe('demo');
    expect(report.clientSecret).toBe('[redacted]');
  });

  it('replaces the home folder with ~', () => {
    const input = setup();
    const files = unpack(buildDiagnosticsArchive(input).bytes);
    expect(files['logs/main.log']).not.toContain(input.homeDirectory);
    expect(files['logs/main.log']).toContain(join('~', 'Cobra Koppelhulp', 'settings.json'));
  });

  it('stamps about.json with the export time', () => {
    const files = unpack(buildDiagnosticsArchive(setup()).bytes);
    const about = JSON.parse(files['about.json']!) as { exportedAt: string; app: object };
    expect(about.exportedAt).toBe('2026-12-04T16:30:05.000Z');
    expect(about.app).toEqual({ name: 'Cobra Koppelhulp', version: '1.2.3' });
  });

  it('works without a log folder', () => {
    const input = { ...setup(), logDirectory: join(tmpdir(), 'koppelhulp-missing-logs') };
    expect(buildDiagnosticsArchive(input).entries).not.toContain('logs/main.log');
  });
});

describe('readTail', () => {
  it('returns a small file whole', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'koppelhulp-tail-')), 'a.log');
    writeFileSync(path, 'one\ntwo\n');
    expect(readTail(path, 100)).toBe('one\ntwo\n');
  });

  it('keeps only whole lines at the end of a large file', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'koppelhulp-tail-')), 'a.log');
    writeFileSync(path, 'first line\nsecond line\nthird\n');
    expect(readTail(path, 14)).toBe('[earlier lines cut]\nthird\n');
  });
});

describe('diagnosticsFileName', () => {
  it('names the file after the UTC export time', () => {
    expect(diagnosticsFileName(new Date('2026-12-04T16:30:05Z'))).toBe(
      'cobra-koppelhulp-diagnostics-20261204-163005.zip',
    );
  });
});
