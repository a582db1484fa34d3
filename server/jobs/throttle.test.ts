import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttleLatest } from './throttle.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('throttleLatest', () => {
  it('sends the first value at once, then at most one per interval, always the latest', () => {
    const sent: number[] = [];
    const t = throttleLatest<number>((v) => sent.push(v), 100, () => Date.now());
    for (let i = 1; i <= 50; i++) t.push(i);
    expect(sent).toEqual([1]);
    vi.advanceTimersByTime(99);
    expect(sent).toEqual([1]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([1, 50]);
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual([1, 50]);
    t.push(51);
    expect(sent).toEqual([1, 50, 51]);
  });

  it('flush sends the pending value once and cancels the timer', () => {
    const sent: string[] = [];
    const t = throttleLatest<string>((v) => sent.push(v), 100, () => Date.now());
    t.push('scan');
    t.push('load');
    t.push('done');
    t.flush();
    t.flush();
    vi.advanceTimersByTime(500);
    expect(sent).toEqual(['scan', 'done']);
  });
});
