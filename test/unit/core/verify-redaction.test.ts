import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENTS, startSandbox, type Sandbox } from '../../../src/sandbox/index.ts';
import { verifyAgainst } from '../../support/verify.ts';

const CLIENT = { id: 'redaction-client', secret: 'Redaction-Secret/+42=plenty-long' };
const TOKEN = 'FULLtoken0123456789abcdefghijklmnopqrstuvwxyzABCDEF';

/** The forms a secret can take on the wire: raw, base64 (alone and with the id), URL-encoded. */
function formsOf(secret: string, id?: string): string[] {
  const forms = [
    secret,
    encodeURIComponent(secret),
    Buffer.from(secret).toString('base64'),
    Buffer.from(secret).toString('base64url'),
  ];
  if (id !== undefined) {
    forms.push(Buffer.from(`${id}:${secret}`).toString('base64'));
  }
  return forms;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

let server: Server;
let baseUrl: string;
let handler: Handler = (_req, res) => res.end();

beforeAll(async () => {
  server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

afterEach(() => {
  handler = (_req, res) => res.end();
});

describe('replies that quote a secret stay out of the report', () => {
  it('masks a token in a reply that is not accepted', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ access_token: TOKEN, token_type: 'mac' }));
    };
    const { report } = await verifyAgainst({ baseUrl }, CLIENT);
    const text = JSON.stringify(report);
    expect(report.probes[0]?.diagnosis).toBe('unexpected-response');
    expect(text).toContain('[redacted]');
    expect(text).not.toContain(TOKEN.slice(0, 10));
  });

  it('masks the credentials that a server echoes back', async () => {
    handler = (req, res) => {
      const authorization = req.headers.authorization ?? '';
      const credential = authorization.replace(/^Basic /, '');
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(
        `echo ${credential} ${authorization} ${Buffer.from(credential, 'base64').toString()}`,
      );
    };
    const { report } = await verifyAgainst({ baseUrl }, CLIENT);
    const text = JSON.stringify(report);
    expect(report.probes[0]?.diagnosis).toBe('server-error');
    expect(text).toContain('[redacted]');
    for (const form of formsOf(CLIENT.secret, CLIENT.id)) {
      expect(text).not.toContain(form);
    }
  });
});

describe('a token reply cut short by the sandbox', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
  });

  afterAll(async () => {
    await sandbox.close();
  });

  it('does not quote the start of the access token', async () => {
    sandbox.setFaults([{ kind: 'invalid-json', target: 'token' }]);
    const bodies: string[] = [];
    const { report } = await verifyAgainst(sandbox, DEMO_CLIENTS.full, {
      wrapFetch: (inner) => async (input, init) => {
        const response = await inner(input, init);
        bodies.push(await response.clone().text());
        return response;
      },
    });
    const token = /"access_token":"([A-Za-z0-9_-]{8,})/.exec(bodies[0] ?? '')?.[1];
    expect(token).toBeDefined();
    const text = JSON.stringify(report);
    expect(report.probes[0]?.diagnosis).toBe('unexpected-response');
    expect(text).not.toContain(token!.slice(0, 8));
    for (const form of formsOf(DEMO_CLIENTS.full.secret)) {
      expect(text).not.toContain(form);
    }
  });
});
