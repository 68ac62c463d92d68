#!/usr/bin/env -S node --max-semi-space-size=1
// --max-semi-space-size=1 caps each semi-space of V8's young generation at
// 1 MB. verify is a short-lived, network-bound process, so more frequent but
// small scavenges cost little, and the young generation no longer grows to
// about 50 MB committed (bench/verify.ts at 500 companies), while the heap
// in use stays near 20 MB. `env -S` splits the line into separate arguments.
// npm's cmd-shim, which writes the Windows .cmd and .ps1 launchers, accepts
// it too: its shebang pattern (lib/index.js of npm/cmd-shim, commit 087f377)
// skips an optional `-S` after /usr/bin/env and passes the rest to node.
//
// Runs the CLI bundle that `npm run build` writes to out/cli, and the
// TypeScript sources when there is no bundle (Node 24 strips the types
// itself). This file stays plain JavaScript so that an older Node reaches
// the version check below instead of failing on the .ts import.
import { existsSync } from 'node:fs';

const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(
    `cobra-koppelhulp needs Node.js 24 or later; this is Node.js ${process.versions.node}.\n` +
      'Install Node.js 24, or run it from the project with "npm run cli -- ...", which uses the project\'s own Node.\n',
  );
  process.exit(2);
}

// NOTE: a bundle left from an earlier build wins over changed sources, so
// run `npm run build` again after changing src/.
const bundle = new URL('../out/cli/main.js', import.meta.url);
await import(existsSync(bundle) ? bundle.href : '../src/cli/main.ts');
