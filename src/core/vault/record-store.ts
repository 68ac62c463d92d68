import Conf from 'conf';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { AppFailure } from '../../shared/result.ts';
import { copyAside, moveAside } from '../files.ts';
import type { Logger } from '../log/logger.ts';
import type { NoticeBoard } from './notices.ts';

type Raw = Record<string, unknown>;
type StoreData = Record<string, Raw>;

export interface RecordStoreOptions<T> {
  /** Folder of the store file (the userData folder in the app). */
  directory: string;
  /** File name without `.json`. */
  name: string;
  /** The top-level key under which the records are kept, by id. */
  key: string;
  /** Current format version of the file. */
  version: number;
  /**
   * Steps that bring a file of an older format to the next one, by the
   * version they produce. Each receives the value under `key` as stored and
   * returns the new value. Entries a step cannot convert are left for the
   * entry check, which drops them with a notice and a copy of the file.
   */
  migrations: Record<number, (stored: unknown) => unknown>;
  entrySchema: z.ZodType<T>;
  log: Logger;
  notices: NoticeBoard;
  now?: () => Date;
}

const recordId = z.uuid();

/**
 * Records by id in one JSON file, written with conf (atomic writes: a temp
 * file renamed over the old one). Opening never fails for bad content:
 *
 * - a file that does not parse, or whose migration fails, is moved aside
 *   and the store starts empty;
 * - entries that fail the schema are dropped from the store after a copy of
 *   the whole file is saved next to it, and every valid entry is kept;
 * - a file written by a newer format is opened read-only, so an older app
 *   never rewrites what it does not understand.
 *
 * Each of these adds a notice for the user.
 */
export class RecordStore<T> {
  readonly #options: RecordStoreOptions<T>;
  readonly #path: string;
  readonly #records = new Map<string, T>();
  /** Invalid entries kept in the file because no copy of it could be saved. */
  #preserved: Record<string, unknown> = {};
  #conf: Conf<StoreData>;
  #readOnly = false;

  constructor(options: RecordStoreOptions<T>) {
    this.#options = options;
    this.#path = join(options.directory, `${options.name}.json`);
    this.#conf = this.#open();
    this.#load();
  }

  get path(): string {
    return this.#path;
  }

  values(): T[] {
    return [...this.#records.values()];
  }

  get(id: string): T | undefined {
    return this.#records.get(id);
  }

  has(id: string): boolean {
    return this.#records.has(id);
  }

  /** Writes a record; the file is replaced atomically before the change is visible. */
  put(id: string, record: T): void {
    const next = new Map(this.#records);
    next.set(id, record);
    this.#write(next);
  }

  delete(id: string): void {
    if (!this.#records.has(id)) {
      return;
    }
    const next = new Map(this.#records);
    next.delete(id);
    this.#write(next);
  }

  #write(next: Map<string, T>): void {
    if (this.#readOnly) {
      throw new AppFailure(
        'vault.store-read-only',
        `${basename(this.#path)} was written by a newer version of the app and is opened read-only. Update the app to change it.`,
        { params: { file: basename(this.#path) } },
      );
    }
    try {
      this.#conf.set(this.#options.key, { ...this.#preserved, ...Object.fromEntries(next) } as Raw);
    } catch (error) {
      this.#options.log.error('Writing a store file failed', { file: this.#path, error });
      throw new AppFailure(
        'vault.write-failed',
        `Saving ${basename(this.#path)} failed. Check that the disk is not full and try again.`,
        { params: { file: basename(this.#path) }, cause: error },
      );
    }
    this.#records.clear();
    for (const [id, record] of next) {
      this.#records.set(id, record);
    }
  }

  #open(): Conf<StoreData> {
    const { version, log, notices, name } = this.#options;
    const recorded = recordedVersion(this.#path);
    if (recorded !== undefined && recorded > version) {
      this.#readOnly = true;
      log.warn('Store file is from a newer version; opened read-only', {
        file: this.#path,
        fileVersion: recorded,
        version,
      });
      notices.add('vault.store-newer', { file: `${name}.json` });
    }
    try {
      return this.#create(this.#readOnly);
    } catch (error) {
      const movedTo = moveAside(this.#path, this.#now());
      log.warn('Store file unreadable; moved aside and starting empty', {
        file: this.#path,
        movedTo,
        error,
      });
      notices.add('vault.store-recovered', {
        file: `${name}.json`,
        movedTo: movedTo === undefined ? '' : basename(movedTo),
      });
      this.#readOnly = false;
      return this.#create(false);
    }
  }

  #create(readOnly: boolean): Conf<StoreData> {
    const { directory, name, key, version, migrations } = this.#options;
    const conf = new Conf<StoreData>({
      cwd: directory,
      configName: name,
      projectName: 'cobra-koppelhulp',
      accessPropertiesByDotNotation: false,
      defaults: { [key]: {} },
      // Only the top level is checked here: a schema error makes conf reject
      // the whole file, while #load checks and drops entries one by one.
      schema: { [key]: { type: 'object' } },
      ...(readOnly
        ? {}
        : {
            projectVersion: semverOf(version),
            migrations: Object.fromEntries(
              Object.entries(migrations).map(([target, step]) => [
                semverOf(Number(target)),
                (store: Conf<StoreData>) => {
                  store.set(key, step(store.get(key)) as Raw);
                },
              ]),
            ),
          }),
    });
    // Reading once makes conf parse and validate the file now, inside the
    // caller's error handling, instead of at the first use.
    void conf.store;
    return conf;
  }

  /** Keeps the entries that validate; drops the rest after saving a copy of the file. */
  #load(): void {
    const { key, entrySchema, log, notices, name } = this.#options;
    const stored = this.#conf.get(key) ?? {};
    const invalid: Record<string, unknown> = {};
    for (const [id, raw] of Object.entries(stored)) {
      const parsed = entrySchema.safeParse(raw);
      if (recordId.safeParse(id).success && parsed.success) {
        this.#records.set(id, parsed.data);
      } else {
        invalid[id] = raw;
      }
    }
    const count = Object.keys(invalid).length;
    if (count === 0 || this.#readOnly) {
      return;
    }
    const copy = copyAside(this.#path, this.#now());
    if (copy === undefined) {
      // Without a copy, dropping them would lose them: keep them in the file.
      this.#preserved = invalid;
      log.warn('Store file has invalid entries; no copy could be saved, so they stay', {
        file: this.#path,
        count,
      });
      notices.add('vault.entries-invalid', { file: `${name}.json`, count });
      return;
    }
    log.warn('Store file has invalid entries; kept a copy and dropped them', {
      file: this.#path,
      count,
      copy,
    });
    notices.add('vault.entries-dropped', { file: `${name}.json`, count, copy: basename(copy) });
    this.#write(new Map(this.#records));
  }

  #now(): Date {
    return this.#options.now?.() ?? new Date();
  }
}

function semverOf(version: number): string {
  return `${version}.0.0`;
}

/** The format version conf recorded in a store file, or undefined when unknown. */
function recordedVersion(path: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = JSON.parse(text) as {
      __internal__?: { migrations?: { version?: unknown } };
    };
    const version = parsed.__internal__?.migrations?.version;
    if (typeof version !== 'string') {
      return undefined;
    }
    const major = Number.parseInt(version, 10);
    return Number.isInteger(major) ? major : undefined;
  } catch {
    return undefined;
  }
}
