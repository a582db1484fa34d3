import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearConversation, fitted, loadConversation, MAX_CHARS, MAX_EXCHANGES, saveConversation, type StoredExchange } from './conversation-store.ts';

/** A sessionStorage for node: what the widget sees in a browser tab. */
class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(k: string): string | null {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    this.items.set(k, String(v));
  }
  removeItem(k: string): void {
    this.items.delete(k);
  }
}

function exchange(i: number, answerChars = 20): StoredExchange {
  return {
    question: `Câu hỏi ${i}?`,
    answer: { requestId: `r${i}`, answer: 'đ'.repeat(answerChars), citations: [], refused: false, conversationId: 'c1', notices: [], exchangeId: `e${i}` },
  };
}

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
  (globalThis as { sessionStorage?: unknown }).sessionStorage = storage;
});
afterEach(() => {
  delete (globalThis as { sessionStorage?: unknown }).sessionStorage;
});

describe('the kept conversation', () => {
  it('comes back as it was saved, and is gone once cleared', () => {
    saveConversation({ conversationId: 'c1', open: true, exchanges: [exchange(1), exchange(2)] });
    expect(loadConversation()).toEqual({ conversationId: 'c1', open: true, exchanges: [exchange(1), exchange(2)] });
    clearConversation();
    expect(loadConversation()).toBeUndefined();
  });

  it('keeps the newest exchanges within the count and size bounds', () => {
    const many = Array.from({ length: MAX_EXCHANGES + 5 }, (_, i) => exchange(i));
    expect(fitted({ open: false, exchanges: many }).exchanges.map((e) => e.question)).toEqual(many.slice(5).map((e) => e.question));
    const big = Array.from({ length: 10 }, (_, i) => exchange(i, MAX_CHARS / 4));
    const kept = fitted({ open: false, exchanges: big }).exchanges;
    expect(kept.map((e) => e.question)).toEqual(['Câu hỏi 7?', 'Câu hỏi 8?', 'Câu hỏi 9?']);
    saveConversation({ open: false, exchanges: big });
    expect([...storage.items.values()].join('').length).toBeLessThanOrEqual(MAX_CHARS);
  });

  it('ignores a value that is not its own and exchanges of the wrong shape', () => {
    storage.setItem('tro-ly-ao.conversation', '{"v":2,"exchanges":[]}');
    expect(loadConversation()).toBeUndefined();
    storage.setItem('tro-ly-ao.conversation', 'không phải JSON');
    expect(loadConversation()).toBeUndefined();
    storage.setItem('tro-ly-ao.conversation', JSON.stringify({ v: 1, open: 'yes', exchanges: [exchange(1), { question: 1 }, { question: 'x', answer: {} }] }));
    expect(loadConversation()).toEqual({ open: false, exchanges: [exchange(1)] });
  });
});
