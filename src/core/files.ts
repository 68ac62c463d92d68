import { renameSync } from 'node:fs';

/**
 * Renames a damaged file to `<name>.corrupt-<timestamp>` so that it is kept
 * for inspection and a fresh file can be written. Returns the new path, or
 * undefined when the file could not be moved (for example, it is gone).
 */
export function moveAside(path: string, now: Date = new Date()): string | undefined {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = `${path}.corrupt-${stamp}`;
  try {
    renameSync(path, target);
    return target;
  } catch {
    return undefined;
  }
}
