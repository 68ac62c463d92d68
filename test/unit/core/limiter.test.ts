import { describe, expect, it } from 'vitest';
import { AdaptiveLimiter } from '../../../src/core/cobra/limiter.ts';

const never = new AbortController().signal;

describe('AdaptiveLimiter', () => {
  it('lets no more than the limit through at once', async () => {
    const limiter = new AdaptiveLimiter(2);
    await limiter.acquire(never);
    await limiter.acquire(never);
    let third = false;
    const waiting = limiter.acquire(never).then(() => {
      third = true;
    });
    await Promise.resolve();
    expect(third).toBe(false);
    limiter.release(true);
    await waiting;
    expect(third).toBe(true);
    expect(limiter.active).toBe(2);
  });

  it('halves the limit on a 429 and raises it again after successes', async () => {
    let clock = 1_000;
    const limiter = new AdaptiveLimiter(4, () => clock);
    limiter.rateLimited(0);
    expect(limiter.limit).toBe(2);
    limiter.rateLimited(0);
    expect(limiter.limit).toBe(1);
    clock += 1;
    for (let index = 0; index < 1; index += 1) {
      await limiter.acquire(never);
      limiter.release(true);
    }
    expect(limiter.limit).toBe(2);
    limiter.dispose();
  });

  it('holds new requests until Retry-After has passed', async () => {
    const limiter = new AdaptiveLimiter(2);
    limiter.rateLimited(30);
    const started = Date.now();
    await limiter.acquire(never);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    limiter.dispose();
  });

  it('rejects a waiting acquire when the run is cancelled', async () => {
    const limiter = new AdaptiveLimiter(1);
    await limiter.acquire(never);
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    limiter.release(true);
    expect(limiter.active).toBe(0);
  });

  it('rejects a concurrency below 1', () => {
    expect(() => new AdaptiveLimiter(0)).toThrow(RangeError);
  });
});
