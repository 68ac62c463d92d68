#!/usr/bin/env node
// Runs the TypeScript CLI directly: Node 24 strips the types itself. This
// file stays plain JavaScript so that an older Node reaches the version
// check below instead of failing on the .ts import.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(
    `cobra-koppelhulp needs Node.js 24 or later; this is Node.js ${process.versions.node}.\n` +
      'Install Node.js 24, or run it from the project with "npm run cli -- ...", which uses the project\'s own Node.\n',
  );
  process.exit(2);
}
await import('../src/cli/main.ts');
