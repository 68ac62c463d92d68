import { connectionSchema, type Connection } from '../../shared/connection.ts';
import { STORE_NAMES } from '../../shared/app-identity.ts';
import type { ConnectionPatch } from '../../shared/ipc/connections.ts';
import type { VerificationReport } from '../../shared/report.ts';
import { AppFailure } from '../../shared/result.ts';
import type { Logger } from '../log/logger.ts';
import { migrateConnectionsToV2 } from './migrations.ts';
import type { NoticeBoard } from './notices.ts';
import { RecordStore } from './record-store.ts';

/** Format version of connections.json that this build writes. */
export const CONNECTIONS_FORMAT_VERSION = 2;

/** Changes main may make to a connection: the renderer's fields and the last report. */
export type ConnectionChanges = ConnectionPatch & { lastReport?: VerificationReport | null };

/** The connections of this install, without their secrets. */
export class ConnectionStore {
  readonly #records: RecordStore<Connection>;
  readonly #now: () => Date;

  constructor(options: { directory: string; log: Logger; notices: NoticeBoard; now?: () => Date }) {
    this.#now = options.now ?? (() => new Date());
    this.#records = new RecordStore({
      directory: options.directory,
      name: STORE_NAMES.connections,
      key: 'connections',
      version: CONNECTIONS_FORMAT_VERSION,
      migrations: { 2: migrateConnectionsToV2 },
      entrySchema: connectionSchema,
      log: options.log,
      notices: options.notices,
      now: this.#now,
    });
  }

  /** Returns every connection, oldest first. */
  list(): Connection[] {
    return this.#records
      .values()
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  has(id: string): boolean {
    return this.#records.has(id);
  }

  /** Throws `connections.not-found` for an unknown id. */
  get(id: string): Connection {
    const connection = this.#records.get(id);
    if (connection === undefined) {
      throw new AppFailure('connections.not-found', `No connection with id ${id}.`, {
        params: { id },
      });
    }
    return connection;
  }

  create(input: { name: string; profileId: string }): Connection {
    const now = this.#now().toISOString();
    const connection = connectionSchema.parse({
      id: crypto.randomUUID(),
      name: input.name,
      profileId: input.profileId,
      createdAt: now,
      updatedAt: now,
    });
    this.#records.put(connection.id, connection);
    return connection;
  }

  /**
   * Applies the given fields and keeps the rest. Throws
   * `connections.invalid-dates` when the end date lies before the start date.
   */
  update(id: string, changes: ConnectionChanges): Connection {
    const current = this.get(id);
    const merged = { ...current, ...withoutUndefined(changes) };
    if (
      merged.validFrom !== null &&
      merged.validUntil !== null &&
      merged.validUntil < merged.validFrom
    ) {
      throw new AppFailure(
        'connections.invalid-dates',
        `The end date ${merged.validUntil} lies before the start date ${merged.validFrom}.`,
        {
          field: 'validUntil',
          params: { validFrom: merged.validFrom, validUntil: merged.validUntil },
        },
      );
    }
    merged.companyNumbers = [...new Set(merged.companyNumbers)];
    merged.updatedAt = this.#now().toISOString();
    const connection = connectionSchema.parse(merged);
    this.#records.put(id, connection);
    return connection;
  }

  setChecklistItem(id: string, itemId: string, done: boolean): Connection {
    const current = this.get(id);
    const checklist = { ...current.checklist };
    if (done) {
      checklist[itemId] = true;
    } else {
      delete checklist[itemId];
    }
    const connection = { ...current, checklist, updatedAt: this.#now().toISOString() };
    this.#records.put(id, connection);
    return connection;
  }

  delete(id: string): void {
    this.get(id);
    this.#records.delete(id);
  }
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, item]) => item !== undefined),
  ) as Partial<T>;
}
