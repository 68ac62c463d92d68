import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildPagePreload } from './build-preload.ts';

export default async function globalSetup(): Promise<void> {
  const renderer = resolve(import.meta.dirname, '..', '..', '..', 'out', 'renderer', 'index.html');
  if (!existsSync(renderer)) {
    throw new Error(`Built renderer not found at ${renderer}. Run "npm run build" first.`);
  }
  await buildPagePreload();
}
