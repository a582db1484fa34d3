import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { leadingWords, StreamReveal, TICK_MS } from './stream-reveal.ts';

describe('leadingWords', () => {
  it('takes whole words with the spaces after them, and everything when there are fewer', () => {
    expect(leadingWords('Hồ sơ gồm tờ khai [1].\n- Giấy', 2)).toBe('Hồ sơ ');
    expect(leadingWords('  Nộp trực tuyến', 1)).toBe('  Nộp ');
    expect(leadingWords('một hai', 5)).toBe('một hai');
  });
});

describe('StreamReveal', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows a burst over several steps, in order and whole, and says when it is drained', async () => {
    const shown: string[] = [];
    const reveal = new StreamReveal((t) => shown.push(t));
    const answer = 'Để đăng ký khai sinh, bạn cần chuẩn bị hồ sơ gồm [1]:\n- Tờ khai đăng ký khai sinh theo mẫu;\n- Giấy chứng sinh.\n';
    for (const piece of answer.split(/(?<=\n)/)) reveal.push(piece);
    let drained = false;
    void reveal.drained().then(() => {
      drained = true;
    });
    expect(shown).toEqual([]);
    await vi.advanceTimersByTimeAsync(0);
    expect(shown.length).toBe(1);
    expect(answer.startsWith(shown[0]!)).toBe(true);
    expect(drained).toBe(false);
    await vi.advanceTimersByTimeAsync(TICK_MS * 40);
    expect(shown.length).toBeGreaterThan(4);
    expect(shown.join('')).toBe(answer);
    expect(drained).toBe(true);
  });

  it('shows a long burst within about 40 steps', async () => {
    const shown: string[] = [];
    const reveal = new StreamReveal((t) => shown.push(t));
    reveal.push('từ '.repeat(2000));
    await vi.advanceTimersByTimeAsync(TICK_MS * 42);
    expect(reveal.pending).toBe('');
    expect(shown.length).toBeLessThanOrEqual(42);
  });

  it('shows the rest at once when flushed, and everything at once when instant', async () => {
    const shown: string[] = [];
    const reveal = new StreamReveal((t) => shown.push(t));
    reveal.push('một hai ba bốn năm sáu bảy tám chín mười');
    await vi.advanceTimersByTimeAsync(0);
    reveal.flush();
    expect(shown.join('')).toBe('một hai ba bốn năm sáu bảy tám chín mười');
    await expect(reveal.drained()).resolves.toBeUndefined();

    const instant: string[] = [];
    const now = new StreamReveal((t) => instant.push(t), true);
    now.push('một hai ba');
    expect(instant).toEqual(['một hai ba']);
  });
});
