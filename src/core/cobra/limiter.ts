/**
 * Limits how many requests are in flight and adapts to rate limiting. A 429
 * halves the limit and pauses new requests until its Retry-After has passed.
 * After as many successes in a row as the current limit, the limit rises by
 * one again, up to the configured maximum.
 */
export class AdaptiveLimiter {
  readonly #max: number;
  readonly #now: () => number;
  #limit: number;
  #active = 0;
  #successStreak = 0;
  #pausedUntil = 0;
  #resumeTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #waiting: (() => void)[] = [];

  constructor(max: number, now: () => number = Date.now) {
    if (!Number.isInteger(max) || max < 1) {
      throw new RangeError(`Concurrency must be a whole number of at least 1, got ${max}`);
    }
    this.#max = max;
    this.#limit = max;
    this.#now = now;
  }

  get limit(): number {
    return this.#limit;
  }

  get active(): number {
    return this.#active;
  }

  /** Waits for a free slot; rejects with the signal's reason when it aborts first. */
  async acquire(signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    while (!this.#canStart()) {
      await new Promise<void>((resolve, reject) => {
        const wake = (): void => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        };
        const onAbort = (): void => {
          const index = this.#waiting.indexOf(wake);
          if (index >= 0) {
            this.#waiting.splice(index, 1);
          }
          reject(signal.reason);
        };
        this.#waiting.push(wake);
        signal.addEventListener('abort', onAbort, { once: true });
      });
    }
    this.#active += 1;
  }

  /** Frees a slot; `succeeded` counts towards raising a lowered limit. */
  release(succeeded: boolean): void {
    this.#active -= 1;
    if (succeeded && this.#limit < this.#max) {
      this.#successStreak += 1;
      if (this.#successStreak >= this.#limit) {
        this.#limit += 1;
        this.#successStreak = 0;
      }
    }
    this.#wakeWaiting();
  }

  /** Records a 429: lowers the limit and pauses new requests for `retryAfterMs`. */
  rateLimited(retryAfterMs: number): void {
    this.#limit = Math.max(1, Math.floor(this.#limit / 2));
    this.#successStreak = 0;
    const until = this.#now() + Math.max(0, retryAfterMs);
    if (until > this.#pausedUntil) {
      this.#pausedUntil = until;
      this.#scheduleResume();
    }
  }

  #scheduleResume(): void {
    clearTimeout(this.#resumeTimer);
    this.#resumeTimer = setTimeout(
      () => this.#wakeWaiting(),
      Math.max(1, this.#pausedUntil - this.#now()),
    );
  }

  /** Stops the pause timer, so a cancelled run leaves no timer behind. */
  dispose(): void {
    clearTimeout(this.#resumeTimer);
  }

  #canStart(): boolean {
    return this.#active < this.#limit && this.#now() >= this.#pausedUntil;
  }

  #wakeWaiting(): void {
    if (this.#now() < this.#pausedUntil) {
      // Timers may fire a millisecond early; try again rather than strand the waiters.
      if (this.#waiting.length > 0) {
        this.#scheduleResume();
      }
      return;
    }
    let free = this.#limit - this.#active;
    while (free > 0 && this.#waiting.length > 0) {
      this.#waiting.shift()?.();
      free -= 1;
    }
  }
}
