import { randomUUID } from 'node:crypto';
import { AppFailure } from '../../shared/result.ts';

/**
 * Values main keeps between two IPC calls of the open screen (a chosen file,
 * a key file, an opened manifest), under random ids that the page passes
 * back. SECURITY: only the ids reach the page; the oldest entries are
 * dropped beyond `capacity`, so secrets do not pile up in memory.
 */
export class SessionStore<Value> {
  readonly #entries = new Map<string, Value>();
  readonly #capacity: number;
  readonly #kind: string;
  readonly #onDrop: ((value: Value) => void) | undefined;

  constructor(kind: string, capacity: number, onDrop?: (value: Value) => void) {
    this.#kind = kind;
    this.#capacity = capacity;
    this.#onDrop = onDrop;
  }

  add(value: Value): string {
    const id = randomUUID();
    this.#entries.set(id, value);
    while (this.#entries.size > this.#capacity) {
      const oldest = this.#entries.keys().next().value as string;
      this.delete(oldest);
    }
    return id;
  }

  /** Returns the value of an id; throws `sealing.session-expired` for an unknown id. */
  get(id: string): Value {
    const value = this.#entries.get(id);
    if (value === undefined) {
      throw new AppFailure(
        'sealing.session-expired',
        `The ${this.#kind} is no longer available. Choose it again.`,
        { params: { kind: this.#kind } },
      );
    }
    return value;
  }

  delete(id: string): void {
    const value = this.#entries.get(id);
    if (value !== undefined) {
      this.#entries.delete(id);
      this.#onDrop?.(value);
    }
  }
}
