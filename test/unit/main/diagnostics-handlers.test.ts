import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createDiagnosticsHandlers } from '../../../src/main/handlers/diagnostics.ts';
import { REPORT_FORMAT, REPORT_VERSION } from '../../../src/shared/report.ts';
import { AppFailure } from '../../../src/shared/result.ts';
import { createTestServices } from '../../support/services.ts';

const SECRET = 'cl13nt-s3cret/with+chars';
const context = { senderUrl: 'app://koppelhulp/index.html' };

function setup() {
  const test = createTestServices();
  test.services.secrets.register(SECRET);
  const handlers = createDiagnosticsHandlers(test.services);
  return { ...test, handlers };
}

describe('diagnostics.exportArchive', () => {
  it('writes nothing when the user cancels the dialog', async () => {
    const { handlers } = setup();
    await expect(handlers.exportArchive(undefined, context)).resolves.toEqual({ saved: false });
  });

  it('saves a zip with the logs and no secret', async () => {
    const { handlers, dialogAnswers, logFile, userDataDir, services } = setup();
    services.log.info('Token request failed', { body: `client_secret=${SECRET}` });
    appendFileSync(logFile, `unredacted line ${Buffer.from(SECRET).toString('base64')}\n`);
    const target = join(userDataDir, 'support.zip');
    dialogAnswers.save.push(target);

    const result = await handlers.exportArchive(undefined, context);

    expect(result).toMatchObject({ saved: true, path: target });
    const files = unzipSync(new Uint8Array(readFileSync(target)));
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(['about.json', 'settings.json', 'logs/main.log']),
    );
    const log = strFromU8(files['logs/main.log']!);
    expect(log).toContain('Token request failed');
    for (const form of [
      SECRET,
      encodeURIComponent(SECRET),
      Buffer.from(SECRET).toString('base64'),
    ]) {
      for (const [name, data] of Object.entries(files)) {
        expect(strFromU8(data), `${name} contains ${form}`).not.toContain(form);
      }
    }
  });

  it('includes connections and their last reports without secrets', async () => {
    const { handlers, dialogAnswers, userDataDir, services } = setup();
    const store = services.vault.connections;
    const withReport = store.create({ name: 'Demo BV', profileId: 'xpertsuite-loongegevens' });
    store.create({ name: 'Not tested yet', profileId: 'learned' });
    store.update(withReport.id, {
      clientId: 'demo-client',
      lastReport: {
        format: REPORT_FORMAT,
        version: REPORT_VERSION,
        environmentUrl: 'https://demo.cobra.example/',
        tokenUrl: 'https://demo.cobra.example/OAuth/Token',
        clientId: 'demo-client',
        profile: { id: 'xpertsuite-loongegevens', version: 1 },
        companies: ['1001'],
        deep: false,
        startedAt: '2026-12-04T10:00:00.000Z',
        finishedAt: '2026-12-04T10:00:02.000Z',
        tokenAuthMethod: null,
        probes: [
          {
            kind: 'token',
            httpStatus: 401,
            durationMs: 120,
            diagnosis: 'invalid-client',
            params: {},
            message: `Token rejected; body echoed client_secret=${encodeURIComponent(SECRET)}`,
          },
        ],
        requestCount: 1,
        warnings: [],
        verdict: 'error',
        inputsDigest: 'a'.repeat(64),
      },
    });
    const target = join(userDataDir, 'support.zip');
    dialogAnswers.save.push(target);

    const result = await handlers.exportArchive(undefined, context);

    expect(result.saved).toBe(true);
    expect(result.saved ? result.entries : []).toContain(`reports/${withReport.id}.json`);
    const files = unzipSync(new Uint8Array(readFileSync(target)));
    expect(Object.keys(files).filter((name) => name.startsWith('reports/'))).toHaveLength(1);
    const report = strFromU8(files[`reports/${withReport.id}.json`]!);
    expect(report).toContain('"diagnosis": "invalid-client"');
    expect(report).not.toContain(encodeURIComponent(SECRET));
    const connections = JSON.parse(strFromU8(files['connections.json']!)) as {
      name: string;
      lastReport?: unknown;
    }[];
    expect(connections.map((connection) => connection.name)).toEqual(['Demo BV', 'Not tested yet']);
    expect(connections[0]).not.toHaveProperty('lastReport');
  });

  it('includes app and OS versions', async () => {
    const { handlers, dialogAnswers, userDataDir } = setup();
    const target = join(userDataDir, 'support.zip');
    dialogAnswers.save.push(target);
    await handlers.exportArchive(undefined, context);
    const files = unzipSync(new Uint8Array(readFileSync(target)));
    const about = JSON.parse(strFromU8(files['about.json']!)) as {
      app: { version: string };
      os: { platform: string };
      node: string;
    };
    expect(about.app.version).toBe('0.0.0-test');
    expect(about.os.platform).toBe(process.platform);
    expect(about.node).toBe(process.versions.node);
  });

  it('returns diagnostics.write-failed for a folder that does not exist', async () => {
    const { handlers, dialogAnswers, userDataDir, logFile } = setup();
    const target = join(userDataDir, 'missing-folder', 'support.zip');
    dialogAnswers.save.push(target);
    const failure = await Promise.resolve(handlers.exportArchive(undefined, context)).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(AppFailure);
    expect((failure as AppFailure).code).toBe('diagnostics.write-failed');
    expect(existsSync(target)).toBe(false);
    expect(readFileSync(logFile, 'utf8')).toContain('Writing the diagnostics archive failed');
  });
});

describe('diagnostics.copyErrorDetails', () => {
  it('puts redacted details on the clipboard', async () => {
    const { handlers, clipboardText } = setup();
    await handlers.copyErrorDetails(
      { details: `TypeError: failed with ${SECRET}\n    at Authorization: Bearer abcdefghijkl` },
      context,
    );
    expect(clipboardText.value).toContain('TypeError: failed with [redacted]');
    expect(clipboardText.value).not.toContain(SECRET);
    expect(clipboardText.value).not.toContain('abcdefghijkl');
  });
});
