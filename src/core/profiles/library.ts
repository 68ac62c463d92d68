import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { basename, join } from 'node:path';
import type { ProfileEntry } from '../../shared/ipc/profiles.ts';
import type { Profile } from '../../shared/profile.ts';
import { AppFailure } from '../../shared/result.ts';
import type { Logger } from '../log/logger.ts';
import { BUILT_IN_PROFILES } from './builtin.ts';
import { parseProfileText } from './parse.ts';

/** A profile file larger than this is not a profile; reading stops before parsing. */
const MAX_PROFILE_BYTES = 256 * 1024;

export type { ProfileEntry } from '../../shared/ipc/profiles.ts';

/** Reads and validates one profile file. */
export function readProfileFile(path: string): Profile {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (error) {
    throw new AppFailure('profiles.unreadable', `Cannot read profile file ${path}.`, {
      field: '(file)',
      params: { source: path },
      cause: error,
    });
  }
  // Checked before the size, which a folder also has.
  if (!stats.isFile()) {
    throw new AppFailure('profiles.not-a-file', `${path} is not a regular file.`, {
      field: '(file)',
      params: { source: path },
    });
  }
  const size = stats.size;
  if (size > MAX_PROFILE_BYTES) {
    throw new AppFailure(
      'profiles.too-large',
      `${path} is ${size} bytes; a profile file is at most ${MAX_PROFILE_BYTES} bytes.`,
      { field: '(file)', params: { source: path, size, max: MAX_PROFILE_BYTES } },
    );
  }
  return parseProfileText(readFileSync(path, 'utf8'), basename(path));
}

/**
 * The built-in profiles plus the ones the user imported, which are kept as
 * `<id>.json` in `directory`. An imported file that no longer validates is
 * skipped with a warning, so one bad file never hides the others.
 */
export class ProfileLibrary {
  readonly #directory: string;
  readonly #log: Logger;

  constructor(directory: string, log: Logger) {
    this.#directory = directory;
    this.#log = log;
  }

  list(): ProfileEntry[] {
    const builtIn = BUILT_IN_PROFILES.map((profile) => ({
      profile,
      origin: 'built-in' as const,
    }));
    return [...builtIn, ...this.#readImported()];
  }

  find(id: string): ProfileEntry | undefined {
    return this.list().find((entry) => entry.profile.id === id);
  }

  /**
   * Validates a profile file and stores a copy. Rejects an id that a built-in
   * profile uses; an earlier import with the same id is replaced.
   */
  import(path: string): ProfileEntry {
    const profile = readProfileFile(path);
    if (BUILT_IN_PROFILES.some((builtIn) => builtIn.id === profile.id)) {
      throw new AppFailure(
        'profiles.id-taken',
        `Profile id "${profile.id}" belongs to a built-in profile; give the imported profile another id.`,
        { field: 'id', params: { id: profile.id } },
      );
    }
    mkdirSync(this.#directory, { recursive: true });
    writeFileSync(
      join(this.#directory, `${profile.id}.json`),
      `${JSON.stringify(profile, null, 2)}\n`,
    );
    this.#log.info('Profile imported', { id: profile.id, version: profile.version, from: path });
    return { profile, origin: 'imported' };
  }

  #readImported(): ProfileEntry[] {
    let names: string[];
    try {
      names = readdirSync(this.#directory).filter((name) => name.endsWith('.json'));
    } catch {
      return [];
    }
    const entries: ProfileEntry[] = [];
    for (const name of names.sort()) {
      try {
        entries.push({ profile: readProfileFile(join(this.#directory, name)), origin: 'imported' });
      } catch (error) {
        this.#log.warn('Imported profile skipped: it no longer validates', { file: name, error });
      }
    }
    return entries;
  }
}
