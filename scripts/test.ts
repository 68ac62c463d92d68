/**
 * The full test run: typecheck, lint, unit tests, production build and the
 * end-to-end tests in Chromium, in that order. Every step runs even when an
 * earlier one failed, so one run shows every problem; the exit code is
 * non-zero when any step failed. The last line counts the tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

interface Step {
  name: string;
  command: string[];
  report?: string;
}

const reports = join(import.meta.dirname, '..', '.tmp', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const vitestReport = join(reports, 'vitest.json');
const playwrightReport = join(reports, 'playwright.json');

const steps: Step[] = [
  { name: 'typecheck', command: ['npm', 'run', '--silent', 'typecheck'] },
  { name: 'lint', command: ['npm', 'run', '--silent', 'lint'] },
  {
    name: 'unit tests',
    command: [
      'npx',
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${vitestReport}`,
    ],
    report: vitestReport,
  },
  { name: 'build', command: ['npm', 'run', '--silent', 'build'] },
  {
    name: 'end-to-end tests',
    command: ['npx', 'playwright', 'test', '--reporter=list,json'],
    report: playwrightReport,
  },
];

const only = process.argv.slice(2);
const failedSteps: string[] = [];
for (const step of steps) {
  if (only.length > 0 && !only.includes(step.name.split(' ')[0]!)) {
    continue;
  }
  console.log(`\n=== ${step.name}: ${step.command.join(' ')}`);
  const env = { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport };
  const result = spawnSync(step.command[0]!, step.command.slice(1), { stdio: 'inherit', env });
  if (result.status !== 0) {
    failedSteps.push(step.name);
    console.log(`=== ${step.name} FAILED (exit ${result.status ?? result.signal})`);
  }
}

const counts = { passed: 0, failed: 0, skipped: 0 };
addVitest(vitestReport);
addPlaywright(playwrightReport);

console.log('');
console.log(
  failedSteps.length === 0 ? 'All steps passed.' : `Failed steps: ${failedSteps.join(', ')}`,
);
console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exitCode = failedSteps.length === 0 ? 0 : 1;

function addVitest(path: string): void {
  if (!existsSync(path)) {
    return;
  }
  const report = JSON.parse(readFileSync(path, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  counts.passed += report.numPassedTests;
  counts.failed += report.numFailedTests;
  counts.skipped += report.numPendingTests + report.numTodoTests;
}

function addPlaywright(path: string): void {
  if (!existsSync(path)) {
    return;
  }
  const report = JSON.parse(readFileSync(path, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  counts.passed += report.stats.expected + report.stats.flaky;
  counts.failed += report.stats.unexpected;
  counts.skipped += report.stats.skipped;
}
