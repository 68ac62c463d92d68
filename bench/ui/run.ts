/**
 * UI benchmark: how fast the start screen becomes usable, against a blank
 * React page built and served the same way in the same run, and how much
 * JavaScript the start screen loads.
 *
 *   npm run build && npx node bench/ui/run.ts [--runs N]
 *
 * Budgets: time to an interactive task list at most 2x the blank page
 * (median of N loads each), and at most 120 KB gzip of JavaScript for the
 * start (the entry chunk and the chunks it loads before the first render).
 * Exits 1 when a budget is missed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { build } from 'vite';
import { buildPagePreload } from '../../test/e2e/harness/build-preload.ts';
import { launchApp } from '../../test/e2e/harness/launch.ts';
import { RENDERER_ROOT, startRendererServer } from '../../test/e2e/harness/renderer-server.ts';
import { checkInteractive, seedConnection, TASK_LIST_SELECTOR } from './seed.ts';

const BUDGET_RATIO = 2;
const BUDGET_START_KB = 120;
const root = resolve(import.meta.dirname, '..', '..');
const blankOut = resolve(root, '.tmp', 'bench', 'blank');

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } });
const runs = Number(values.runs);

function gzipOf(file: string): number {
  return gzipSync(readFileSync(resolve(RENDERER_ROOT, file))).length;
}

/** Gzip size of every JavaScript chunk of the build, loaded or not. */
function allJsGzip(): number {
  const assets = readdirSync(resolve(RENDERER_ROOT, 'assets'));
  return sum(assets.filter((name) => name.endsWith('.js')).map((name) => gzipOf(`assets/${name}`)));
}

/**
 * Reloads the page and lists the JavaScript files it requests until
 * `selector` shows: the entry, its static imports and the locale chunks
 * loaded before the first render.
 */
async function startScripts(page: Page, selector: string): Promise<string[]> {
  const files = new Set<string>();
  const onRequest = (request: { url(): string }) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith('.js')) {
      files.add(path.replace(/^\//, ''));
    }
  };
  page.on('request', onRequest);
  await timeToReady(page, selector);
  page.off('request', onRequest);
  return [...files].sort();
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function buildBlankPage(): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: resolve(import.meta.dirname, 'blank'),
    base: './',
    build: {
      outDir: blankOut,
      emptyOutDir: true,
      minify: true,
      modulePreload: { polyfill: false },
    },
  });
}

/**
 * Reloads the page and returns the page's own clock (ms since navigation
 * start) at the first animation frame in which `selector` matches.
 */
async function timeToReady(page: Page, selector: string): Promise<number> {
  await page.reload({ waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    (target) => (document.querySelector(target) === null ? false : performance.now()),
    selector,
    { polling: 'raf', timeout: 30_000 },
  );
  return (await handle.jsonValue()) as number;
}

async function measure(page: Page, selector: string): Promise<number[]> {
  await timeToReady(page, selector); // warm-up, not counted
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    times.push(await timeToReady(page, selector));
  }
  return times;
}

async function main(): Promise<void> {
  if (!existsSync(resolve(RENDERER_ROOT, 'index.html'))) {
    throw new Error('Built renderer not found. Run "npm run build" first.');
  }
  await buildBlankPage();
  await buildPagePreload();

  const debianChromium = '/usr/bin/chromium';
  const browser = await chromium.launch({
    executablePath: existsSync(debianChromium) ? debianChromium : undefined,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const blankPage = await browser.newPage();
    const blankServer = await startRendererServer(blankOut);
    await blankPage.goto(`${blankServer.origin}/index.html`);
    const blank = await measure(blankPage, '[data-testid="ready"]');
    await blankServer.close();

    const appPage = await browser.newPage();
    const app = await launchApp(appPage);
    await seedConnection(app);
    const start = await measure(appPage, TASK_LIST_SELECTOR);
    const startFiles = await startScripts(appPage, TASK_LIST_SELECTOR);
    await checkInteractive(app);
    await app.close();

    const ratio = median(start) / median(blank);
    const startKb = sum(startFiles.map(gzipOf)) / 1024;
    const report = {
      runs,
      blankMedianMs: round(median(blank)),
      taskListMedianMs: round(median(start)),
      ratio: round(ratio),
      startJsGzipKb: round(startKb),
      startFiles,
      allJsGzipKb: round(allJsGzip() / 1024),
      budgets: {
        ratio: `<= ${BUDGET_RATIO}: ${ratio <= BUDGET_RATIO ? 'met' : 'MISSED'}`,
        startJs: `<= ${BUDGET_START_KB} KB: ${startKb <= BUDGET_START_KB ? 'met' : 'MISSED'}`,
      },
    };
    console.log(JSON.stringify(report, null, 2));
    if (ratio > BUDGET_RATIO || startKb > BUDGET_START_KB) {
      process.exitCode = 1;
    }
  } finally {
    await browser.close();
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

await main();
