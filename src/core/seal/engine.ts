import { Worker } from 'node:worker_threads';
import { AppFailure, type AppError } from '../../shared/result.ts';
import type { Manifest } from '../../shared/manifest.ts';
import {
  openSealedFile,
  sealManifest,
  type OpenKey,
  type SealedFile,
  type SealTarget,
} from './seal.ts';

/** Seals and opens files; the app runs it in a worker, the CLI in process. */
export interface SealEngine {
  seal(manifest: Manifest, target: SealTarget): Promise<SealedFile>;
  open(bytes: Uint8Array, key: OpenKey): Promise<Manifest>;
}

export type WorkerRequest =
  | { op: 'seal'; manifest: Manifest; target: SealTarget }
  | { op: 'open'; bytes: Uint8Array; key: OpenKey };

export type WorkerResponse =
  { ok: true; value: SealedFile | Manifest } | { ok: false; error: AppError; expected: boolean };

/** Runs in the calling thread: for the CLI and tests, where no window waits. */
export const inProcessEngine: SealEngine = {
  seal: sealManifest,
  open: openSealedFile,
};

/** Runs one request in the current thread and packs the outcome for postMessage. */
export async function handleWorkerRequest(request: WorkerRequest): Promise<WorkerResponse> {
  try {
    const value =
      request.op === 'seal'
        ? await sealManifest(request.manifest, request.target)
        : await openSealedFile(request.bytes, request.key);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof AppFailure) {
      return { ok: false, error: error.toAppError(), expected: true };
    }
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'internal', message }, expected: false };
  }
}

/**
 * The worker script next to this file, for running from source (CLI,
 * tests). The bundled app passes the path of its built worker instead.
 */
export function sourceWorkerUrl(): URL {
  return new URL('./worker.ts', import.meta.url);
}

/**
 * Runs each request in a new worker thread, so scrypt (about half a second
 * and 256 MiB at the default work factor) never blocks the main process's
 * event loop. The thread ends after one request, which also frees the
 * scrypt memory and any secret it held.
 */
export function createWorkerEngine(workerUrl: URL | string): SealEngine {
  const run = (request: WorkerRequest): Promise<SealedFile | Manifest> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(workerUrl);
      let settled = false;
      const settle = (action: () => void) => {
        if (!settled) {
          settled = true;
          action();
          void worker.terminate();
        }
      };
      worker.once('message', (response: WorkerResponse) => {
        settle(() => {
          if (response.ok) {
            resolve(response.value);
          } else if (response.expected) {
            const { code, message, field, params } = response.error;
            reject(new AppFailure(code, message, { field, params }));
          } else {
            reject(new Error(`Seal worker failed: ${response.error.message}`));
          }
        });
      });
      worker.once('error', (error) => settle(() => reject(error)));
      worker.once('exit', (code) =>
        settle(() =>
          reject(new Error(`Seal worker exited with code ${code} before it returned a result`)),
        ),
      );
      worker.postMessage(request);
    });

  return {
    seal: async (manifest, target) => (await run({ op: 'seal', manifest, target })) as SealedFile,
    open: async (bytes, key) => (await run({ op: 'open', bytes, key })) as Manifest,
  };
}
