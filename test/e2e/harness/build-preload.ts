import { resolve } from 'node:path';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '..', '..', '..');
export const PAGE_PRELOAD_PATH = resolve(root, '.tmp', 'e2e', 'preload.js');

/**
 * Bundles the real preload (src/preload/index.ts) for the page, with
 * `electron` replaced by the stub above. The result is added to every page
 * as an init script, so it runs before the renderer's own code, as a
 * preload does.
 */
export async function buildPagePreload(): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'warn',
    resolve: { alias: { electron: resolve(import.meta.dirname, 'electron-stub.ts') } },
    build: {
      outDir: resolve(root, '.tmp', 'e2e'),
      emptyOutDir: true,
      minify: false,
      lib: {
        entry: resolve(root, 'src', 'preload', 'index.ts'),
        formats: ['iife'],
        name: 'koppelhulpPreload',
        fileName: () => 'preload.js',
      },
    },
  });
  return PAGE_PRELOAD_PATH;
}
