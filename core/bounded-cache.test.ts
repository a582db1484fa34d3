import { describe, expect, it } from 'vitest';
import { BoundedCache } from './bounded-cache.ts';

function counting(): { make: (k: string) => string; made: string[] } {
  const made: string[] = [];
  return { made, make: (k) => (made.push(k), k.toUpperCase()) };
}

describe('BoundedCache', () => {
  it('computes a value once and returns the remembered one after', () => {
    const cache = new BoundedCache<string, string>(8);
    const { make, made } = counting();
    expect(cache.get('abc', make)).toBe('ABC');
    expect(cache.get('abc', make)).toBe('ABC');
    expect(made).toEqual(['abc']);
  });

  it('drops the least recently used entry first', () => {
    const cache = new BoundedCache<string, string>(2);
    const { make, made } = counting();
    cache.get('a', make);
    cache.get('b', make);
    cache.get('a', make);
    cache.get('c', make);
    expect(cache.size).toBe(2);
    cache.get('a', make);
    cache.get('b', make);
    expect(made).toEqual(['a', 'b', 'c', 'b']);
  });

  it('never holds more than max entries, and drops a tenth of them when full', () => {
    const cache = new BoundedCache<number, number>(50);
    for (let i = 0; i < 1000; i++) {
      cache.get(i, (k) => k * 2);
      expect(cache.size).toBeLessThanOrEqual(50);
    }
    expect(cache.size).toBeGreaterThanOrEqual(45);
  });

  it('keeps an entry used all along while others come and go', () => {
    const cache = new BoundedCache<string, string>(10);
    const { make, made } = counting();
    for (let i = 0; i < 100; i++) {
      cache.get('hot', make);
      cache.get(`cold${i}`, make);
    }
    expect(made.filter((k) => k === 'hot')).toHaveLength(1);
  });

  it('remembers undefined values too', () => {
    const cache = new BoundedCache<number, undefined>(4);
    let calls = 0;
    cache.get(1, () => void (calls += 1));
    cache.get(1, () => void (calls += 1));
    expect(calls).toBe(1);
  });
});
