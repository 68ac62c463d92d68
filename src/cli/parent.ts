/**
 * Returns a signal that aborts when this process's parent exits, checked
 * every `intervalMs`. `npm run` (npm 11) exits on SIGTERM without waiting for
 * its script, and the shell between npm and node dies without passing the
 * signal on, so without this the sandbox would keep its port open after npm
 * had stopped. An orphan is re-parented, which changes `process.ppid`.
 */
export function parentExitSignal(intervalMs = 250): { signal: AbortSignal; stop(): void } {
  const controller = new AbortController();
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent) {
      clearInterval(timer);
      controller.abort(new Error(`The parent process ${parent} exited`));
    }
  }, intervalMs);
  // The check alone never keeps the process running.
  timer.unref();
  return { signal: controller.signal, stop: () => clearInterval(timer) };
}
