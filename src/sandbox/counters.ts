/** One request as the sandbox saw it; status 0 means the connection closed without a response. */
export interface RequestRecord {
  method: string;
  path: string;
  status: number;
}

/** Most request records kept; the counts keep counting past it. */
const MAX_RECORDS = 100_000;

/** Counts requests per method and path, for tests and benchmarks that assert call counts. */
export class RequestCounters {
  private records: RequestRecord[] = [];
  private readonly counts = new Map<string, { method: string; path: string; count: number }>();

  record(entry: RequestRecord): void {
    if (this.records.length >= MAX_RECORDS) {
      this.records.shift();
    }
    this.records.push(entry);
    const key = `${entry.method} ${entry.path}`;
    const current = this.counts.get(key);
    if (current === undefined) {
      this.counts.set(key, { method: entry.method, path: entry.path, count: 1 });
    } else {
      current.count += 1;
    }
  }

  /**
   * Counts requests whose method and path match, compared without case. A
   * path is relative to the base URL: with prefix /v3, '/OAuth/Token' and
   * '/v3/OAuth/Token' both mean /v3/OAuth/Token.
   */
  count(filter: { path?: string; method?: string } = {}, pathPrefix = ''): number {
    let total = 0;
    for (const entry of this.counts.values()) {
      if (filter.method !== undefined && entry.method !== filter.method.toUpperCase()) {
        continue;
      }
      if (filter.path !== undefined && !samePath(entry.path, filter.path, pathPrefix)) {
        continue;
      }
      total += entry.count;
    }
    return total;
  }

  /** Counts per "METHOD path", for the admin endpoint. */
  summary(): Record<string, number> {
    return Object.fromEntries([...this.counts].map(([key, entry]) => [key, entry.count]));
  }

  list(): RequestRecord[] {
    return this.records.map((entry) => ({ ...entry }));
  }

  reset(): void {
    this.records = [];
    this.counts.clear();
  }
}

/** Checks whether a recorded path is the expected one, read relative to the base URL unless it has the prefix. */
function samePath(recorded: string, expected: string, pathPrefix: string): boolean {
  const prefix = pathPrefix.toLowerCase();
  const target = expected.toLowerCase();
  const full = prefix === '' || target.startsWith(`${prefix}/`) ? target : `${prefix}${target}`;
  return recorded.toLowerCase() === full;
}
