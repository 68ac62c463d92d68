/**
 * Preload for bench/verify.ts: when the process exits, writes its peak
 * resident set size in kilobytes (`process.resourceUsage().maxRSS`, the
 * kernel's count for this process alone) and its CPU time (user + system)
 * in milliseconds as JSON to the file named by BENCH_USAGE_FILE. Loaded with
 * `--import` in NODE_OPTIONS, so the measured process runs the CLI unchanged.
 * Plain JavaScript, because a .ts preload starts Node's type stripping,
 * which raised the peak RSS of the bundled CLI by about 17 MB.
 */
import { writeFileSync } from 'node:fs';

const file = process.env['BENCH_USAGE_FILE'];
if (file !== undefined) {
  process.once('exit', () => {
    const usage = process.resourceUsage();
    const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
    writeFileSync(file, JSON.stringify({ maxRssKb: usage.maxRSS, cpuMs }));
  });
}
