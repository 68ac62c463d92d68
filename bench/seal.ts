/**
 * Seals and opens a manifest with a passphrase at age's default scrypt work
 * factor (2^18), with this app's code and with the Debian age CLI in the same
 * run, and prints the median of several runs of each.
 *
 *   npx node bench/seal.ts [runs]
 *
 * The age CLI reads passphrases only from a terminal, so it runs under
 * `script`; the median time of `script` running `true` is measured too and
 * subtracted, so the age figures are for age itself. The app figures go
 * through the worker thread, as in the app. Wall time depends on the load
 * from other processes, so CPU time (user + system) is printed as well.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorkerEngine, sourceWorkerUrl } from '../src/core/seal/engine.ts';
import { serializeManifest } from '../src/shared/manifest.ts';
import { generatePassphrase } from '../src/core/seal/passphrase.ts';
import { sampleManifest } from '../test/support/seal.ts';

const runs = Number(process.argv[2] ?? 7);
const dir = mkdtempSync(join(tmpdir(), 'koppelhulp-bench-'));
const passphrase = generatePassphrase();
const manifest = sampleManifest();
const plainFile = join(dir, 'manifest.json');
writeFileSync(plainFile, serializeManifest(manifest));

/** Wall time and CPU time (user + system, of all threads or child processes) in ms. */
interface Sample {
  wall: number;
  cpu: number;
}

/**
 * Runs a command under `script` from bash and returns the CPU time of its
 * children, which bash's `times` prints to stderr as its second line.
 */
function underScript(command: string, input: string): Promise<number> {
  const quoted = command.replace(/'/g, `'\\''`);
  const shell = `script -qec '${quoted}' /dev/null >/dev/null && times >&2`;
  return new Promise((resolve, reject) => {
    const child = execFile('bash', ['-c', shell], (error, _stdout, stderr) => {
      if (error !== null) {
        reject(error);
        return;
      }
      const children = stderr.trim().split('\n')[1] ?? '';
      const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map(
        (match) => Number(match[1]) * 60 + Number(match[2]),
      );
      resolve(seconds.reduce((sum, value) => sum + value, 0) * 1000);
    });
    child.stdin?.end(input);
  });
}

async function timedApp(action: () => Promise<unknown>): Promise<Sample> {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  await action();
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

async function timedCli(action: () => Promise<number>): Promise<Sample> {
  const start = performance.now();
  const cpu = await action();
  return { wall: performance.now() - start, cpu };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const engine = createWorkerEngine(sourceWorkerUrl());
const samples: Record<'appSeal' | 'appOpen' | 'ageSeal' | 'ageOpen' | 'script', Sample[]> = {
  appSeal: [],
  appOpen: [],
  ageSeal: [],
  ageOpen: [],
  script: [],
};
const line = `${passphrase}\n`;

try {
  for (let run = 0; run < runs; run++) {
    // Alternate the tools so that load from other processes hits both alike.
    let sealedText = '';
    samples.appSeal.push(
      await timedApp(async () => {
        sealedText = (await engine.seal(manifest, { kind: 'passphrase', passphrase })).text;
      }),
    );
    const sealedBytes = new TextEncoder().encode(sealedText);
    samples.appOpen.push(
      await timedApp(() => engine.open(sealedBytes, { kind: 'passphrase', passphrase })),
    );

    const ageFile = join(dir, `age-${run}.age`);
    samples.ageSeal.push(
      await timedCli(() => underScript(`age -p -a -o ${ageFile} ${plainFile}`, line + line)),
    );
    samples.ageOpen.push(
      await timedCli(() =>
        underScript(`age -d -o ${join(dir, `out-${run}.json`)} ${ageFile}`, line),
      ),
    );
    samples.script.push(await timedCli(() => underScript('true', '')));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const medianOf = (list: Sample[], field: keyof Sample) => median(list.map((item) => item[field]));
const overhead = { wall: medianOf(samples.script, 'wall'), cpu: medianOf(samples.script, 'cpu') };
console.log(`runs: ${runs}; load average at the end: ${loadavg()[0]!.toFixed(1)}`);
console.log(
  `subtracted from age for script: ${overhead.wall.toFixed(0)} ms wall, ${overhead.cpu.toFixed(0)} ms CPU`,
);
console.log('operation  clock  app (ms)  age CLI (ms)  ratio  target <= 1.5');
for (const [name, app, age] of [
  ['seal', samples.appSeal, samples.ageSeal],
  ['open', samples.appOpen, samples.ageOpen],
] as const) {
  for (const field of ['wall', 'cpu'] as const) {
    const appTime = medianOf(app, field);
    const ageTime = medianOf(age, field) - overhead[field];
    const ratio = appTime / ageTime;
    const verdict = ratio <= 1.5 ? 'met' : 'missed';
    console.log(
      `${name.padEnd(9)}  ${field.padEnd(5)}  ${appTime.toFixed(0).padStart(8)}  ` +
        `${ageTime.toFixed(0).padStart(12)}  ${ratio.toFixed(2).padStart(5)}  ${verdict}`,
    );
  }
}
