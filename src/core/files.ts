import { copyFileSync, renameSync } from 'node:fs';

function asideName(path: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return `${path}.corrupt-${stamp}`;
}

/**
 * Renames a damaged file to `<name>.corrupt-<timestamp>` so that it is kept
 * for inspection and a fresh file can be written. Returns the new path, or
 * undefined when the file could not be moved (for example, it is gone).
 */
export function moveAside(path: string, now: Date = new Date()): string | undefined {
  const target = asideName(path, now);
  try {
    renameSync(path, target);
    return target;
  } catch {
    return undefined;
  }
}

/**
 * Copies a file that is about to be repaired to `<name>.corrupt-<timestamp>`,
 * so that the parts the repair drops are kept. Returns the copy's path, or
 * undefined when the copy failed.
 */
export function copyAside(path: string, now: Date = new Date()): string | undefined {
  const target = asideName(path, now);
  try {
    copyFileSync(path, target);
    return target;
  } catch {
    return undefined;
  }
}
