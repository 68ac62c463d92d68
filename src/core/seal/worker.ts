/**
 * Entry point of the seal worker thread: answers one request from
 * createWorkerEngine. Built as its own file (out/main/seal-worker.js) for
 * the app and run from source by the tests.
 */
import { parentPort } from 'node:worker_threads';
import { handleWorkerRequest, type WorkerRequest } from './engine.ts';

if (parentPort === null) {
  throw new Error('seal worker must run in a worker thread');
}
const port = parentPort;
port.once('message', (request: WorkerRequest) => {
  void handleWorkerRequest(request).then((response) => port.postMessage(response));
});
