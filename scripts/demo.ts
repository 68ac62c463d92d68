/**
 * `npm run demo`: starts the Cobra sandbox on a fixed port, then the app with
 * `electron-vite preview`, and stops the sandbox when the app exits. With
 * --sandbox-only it runs the sandbox alone until Ctrl+C, which is all that
 * works on machines without the Electron binary.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeDemoSummary } from '../src/cli/commands/sandbox.ts';
import { startSandbox } from '../src/sandbox/index.ts';

const DEMO_PORT = 8765;

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: String(DEMO_PORT) },
    'sandbox-only': { type: 'boolean', default: false },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`demo: --port must be a port number, not "${values.port}".`);
  process.exit(2);
}

const sandbox = await startSandbox({ port }).catch((error: NodeJS.ErrnoException) => {
  console.error(`demo: cannot start the sandbox on port ${port}: ${error.code ?? error.message}.`);
  console.error('Free the port or choose another with --port.');
  process.exit(2);
});
console.log(`Cobra sandbox ready at ${sandbox.baseUrl}`);
writeDemoSummary(process.stdout);
console.log(`Enter ${sandbox.baseUrl} as the Cobra environment URL in the app.`);

const stop = async (code: number): Promise<void> => {
  await sandbox.close();
  console.log('Cobra sandbox stopped');
  process.exitCode = code;
};

if (values['sandbox-only']) {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  for (const signal of signals) {
    process.once(signal, () => void stop(0));
  }
} else {
  const electronVite = join(import.meta.dirname, '..', 'node_modules', '.bin', 'electron-vite');
  const app = spawn(electronVite, ['preview'], {
    stdio: 'inherit',
    env: { ...process.env, COBRA_KOPPELHULP_SANDBOX_URL: sandbox.baseUrl },
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => app.kill(signal));
  }
  app.once('error', (error) => {
    console.error(`demo: the app could not start: ${error.message}`);
    void stop(1);
  });
  app.once('exit', (code) => {
    if (code !== 0) {
      console.error(`demo: the app exited with ${code ?? 'a signal'}; stopping the sandbox.`);
    }
    void stop(code ?? 1);
  });
}
