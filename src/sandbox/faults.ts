/**
 * Faults the sandbox can inject, per target or for every request. A target is
 * `token` (the token endpoint), `odata` (the service document and $metadata),
 * `pages` (the HTML documentation pages) or a resource name such as `Person`.
 */
export type FaultRule = (
  | { kind: 'latency'; /** Added delay in milliseconds. */ ms: number }
  | {
      kind: 'status';
      /** Any status from 400 to 599, such as 500, 502 or 503, with an error body; 407 adds Proxy-Authenticate. */
      status: number;
    }
  | {
      kind: 'rate-limit';
      /** Value of the Retry-After header, in seconds. */ retryAfterSeconds: number;
    }
  | {
      kind: 'html';
      /** 200 (a proxy or login page) or a 5xx (a gateway error page). */ status:
        200 | 500 | 502 | 503;
    }
  | { kind: 'reset' }
  | {
      kind: 'slow-body';
      /** Pause between the eight parts of the body, in milliseconds. */ chunkDelayMs: number;
    }
  | { kind: 'truncated-body' }
  | { kind: 'invalid-json' }
  | { kind: 'token-missing' }
) & {
  /** Where the fault applies, compared case-insensitively; omitted: every request. */
  target?: string;
  /** Applies to the first N matching requests only; omitted: to every one. */
  times?: number;
};

/** Faults that change how an otherwise normal response is delivered. */
export type DeliveryFault = Extract<
  FaultRule,
  { kind: 'slow-body' | 'truncated-body' | 'invalid-json' }
>;

/** Faults that replace the response before the request is handled. */
export type ReplacingFault = Extract<
  FaultRule,
  { kind: 'status' | 'rate-limit' | 'html' | 'reset' | 'token-missing' }
>;

/** The faults that one request gets. */
export interface FaultPlan {
  latencyMs: number;
  replace?: ReplacingFault;
  delivery?: DeliveryFault;
}

interface ActiveRule {
  rule: FaultRule;
  remaining: number;
}

/** The fault rules in force, with how many more requests each applies to. */
export class FaultTable {
  private rules: ActiveRule[] = [];

  set(rules: readonly FaultRule[]): void {
    this.rules = rules.map((rule) => ({ rule, remaining: rule.times ?? Number.POSITIVE_INFINITY }));
  }

  /** Rules in force, with `times` set to the number of requests each still applies to. */
  list(): FaultRule[] {
    return this.rules.map(({ rule, remaining }) =>
      Number.isFinite(remaining) ? { ...rule, times: remaining } : { ...rule },
    );
  }

  /**
   * Picks the faults for a request to `target` and counts them as used.
   * Latencies add up; of the other kinds the first matching rule wins.
   */
  take(target: string): FaultPlan {
    const plan: FaultPlan = { latencyMs: 0 };
    for (const active of this.rules) {
      const { rule } = active;
      if (active.remaining <= 0 || !this.matches(rule, target)) {
        continue;
      }
      if (rule.kind === 'latency') {
        plan.latencyMs += rule.ms;
      } else if (
        rule.kind === 'slow-body' ||
        rule.kind === 'truncated-body' ||
        rule.kind === 'invalid-json'
      ) {
        if (plan.delivery !== undefined || plan.replace !== undefined) {
          continue;
        }
        plan.delivery = rule;
      } else {
        if (plan.replace !== undefined || plan.delivery !== undefined) {
          continue;
        }
        plan.replace = rule;
      }
      active.remaining -= 1;
    }
    return plan;
  }

  private matches(rule: FaultRule, target: string): boolean {
    if (rule.kind === 'token-missing') {
      return target === 'token';
    }
    return rule.target === undefined || rule.target.toLowerCase() === target.toLowerCase();
  }
}
