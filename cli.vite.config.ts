import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

/**
 * Bundles the CLI (`src/cli/main.ts`) and its dependencies into ES modules
 * under out/cli for bin/cobra-koppelhulp.js. Node's type stripping loads and
 * compiles each source module separately: `verify --help` peaked at 114 MB
 * resident from the sources and at 74 MB from the bundle (Node 24.21, 2-core
 * Linux). Dynamic imports stay chunks, so a command loads only its own code.
 */
export default defineConfig({
  root,
  logLevel: 'warn',
  // Bundle the npm dependencies too, so that nothing is resolved from
  // node_modules at run time. Node built-ins stay imports.
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: resolve(root, 'src/cli/main.ts'),
    outDir: resolve(root, 'out/cli'),
    emptyOutDir: true,
    minify: false,
    target: 'node24',
    rolldownOptions: {
      output: {
        format: 'esm',
        entryFileNames: 'main.js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
});
