import { describe, expect, it } from 'vitest';
import { ConnectionCounter, RateLimiter } from './rate-limit.ts';

describe('RateLimiter', () => {
  it('allows a burst, then refuses with the wait until the next token, refilling over time', () => {
    let now = 0;
    const limiter = new RateLimiter(60, 5, () => now);
    const burst = Array.from({ length: 6 }, () => limiter.take('ip:a'));
    expect(burst.slice(0, 5).every((d) => d.allowed)).toBe(true);
    expect(burst[5]).toEqual({ allowed: false, retryAfterSec: 1, remaining: 0 });
    now += 1000; // one token per second at 60/min
    expect(limiter.take('ip:a').allowed).toBe(true);
    expect(limiter.take('ip:a').allowed).toBe(false);
    // Other keys have their own bucket.
    expect(limiter.take('ip:b').allowed).toBe(true);
    limiter.close();
  });

  it('forgets clients whose bucket has refilled', () => {
    let now = 0;
    const limiter = new RateLimiter(60, 5, () => now);
    limiter.take('ip:a');
    limiter.take('ip:b');
    expect(limiter.size).toBe(2);
    now += 10_000;
    limiter.sweep();
    expect(limiter.size).toBe(0);
    limiter.close();
  });
});

describe('ConnectionCounter', () => {
  it('holds at most max slots per key and frees them on release', () => {
    const c = new ConnectionCounter(2);
    expect([c.acquire('a'), c.acquire('a'), c.acquire('a')]).toEqual([true, true, false]);
    expect(c.acquire('b')).toBe(true);
    c.release('a');
    expect(c.acquire('a')).toBe(true);
  });
});
