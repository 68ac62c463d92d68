import type { IncomingMessage, ServerResponse } from 'node:http';
import { jsonReply, type Reply } from './reply.ts';
import type { SandboxState } from './state.ts';

/** Admin endpoints live outside the path prefix and /odata, so no Cobra client meets them. */
export const ADMIN_PREFIX = '/__sandbox/';

const MAX_ADMIN_BODY_BYTES = 1024 * 1024;
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_ADMIN_BODY_BYTES) {
      throw new TypeError(`The body is larger than ${MAX_ADMIN_BODY_BYTES} bytes.`);
    }
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new TypeError('The body is not valid JSON.');
  }
}

function adminError(status: number, message: string): Reply {
  return jsonReply(status, { error: message });
}

async function route(req: IncomingMessage, path: string, state: SandboxState): Promise<Reply> {
  const method = req.method ?? 'GET';
  const { options } = state;

  switch (`${method} ${path}`) {
    case 'GET /__sandbox/stats':
      return jsonReply(200, {
        total: state.counters.count(),
        counts: state.counters.summary(),
        requests: state.counters.list().slice(-1000),
      });
    case 'POST /__sandbox/reset':
      state.counters.reset();
      return jsonReply(200, { total: 0 });
    case 'GET /__sandbox/faults':
      return jsonReply(200, state.faults.list());
    case 'PUT /__sandbox/faults':
      state.applyOptions({ faults: (await readJson(req)) as never });
      return jsonReply(200, state.faults.list());
    case 'GET /__sandbox/options':
    case 'PATCH /__sandbox/options': {
      if (method === 'PATCH') {
        state.applyOptions((await readJson(req)) as never);
      }
      const { clients, faults: _faults, ...switches } = options;
      return jsonReply(200, { ...switches, clients: clients.map((client) => client.id) });
    }
    default:
      return adminError(404, `Unknown admin endpoint ${method} ${path}.`);
  }
}

/**
 * Serves the admin endpoints: GET stats, POST reset, GET/PUT faults and
 * GET/PATCH options. Bad input gets 400 with the field that was wrong.
 */
export async function handleAdminRequest(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  state: SandboxState,
): Promise<void> {
  let reply: Reply;
  // SECURITY: the admin endpoints change what the sandbox does, so only loopback callers may use them.
  if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) {
    reply = adminError(403, 'The admin endpoints accept loopback callers only.');
  } else {
    try {
      reply = await route(req, path, state);
    } catch (error) {
      if (!(error instanceof TypeError)) {
        throw error;
      }
      reply = adminError(400, error.message);
    }
  }
  res.writeHead(reply.status, { ...reply.headers, 'cache-control': 'no-store' }).end(reply.body);
}
