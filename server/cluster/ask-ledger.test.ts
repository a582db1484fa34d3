import { describe, expect, it } from 'vitest';
import { answerOnce, LocalAskLedger, REPLAY_MS } from './ask-ledger.ts';

describe('LocalAskLedger (one process)', () => {
  it('answers a request id once: a resend during the answer waits for it and gets the same response', async () => {
    const ledger = new LocalAskLedger();
    let calls = 0;
    let finish!: (v: string) => void;
    const first = answerOnce(ledger, 'k', () => {
      calls++;
      return new Promise<string>((r) => (finish = r));
    });
    await Promise.resolve();
    const resend = answerOnce(ledger, 'k', () => {
      calls++;
      return Promise.resolve('second');
    });
    finish('first');
    expect(await first).toEqual({ response: 'first', replayed: false });
    expect(await resend).toEqual({ response: 'first', replayed: true });
    expect(calls).toBe(1);
  });

  it('answers anew after a failure, and forgets answers after the replay window', async () => {
    let now = 0;
    const ledger = new LocalAskLedger(() => now);
    await expect(answerOnce(ledger, 'k', () => Promise.reject(new Error('cancelled')))).rejects.toThrow('cancelled');
    expect(await answerOnce(ledger, 'k', () => Promise.resolve('again'))).toEqual({ response: 'again', replayed: false });
    expect(await answerOnce(ledger, 'k', () => Promise.resolve('third'))).toEqual({ response: 'again', replayed: true });
    now += REPLAY_MS + 1;
    expect(await answerOnce(ledger, 'k', () => Promise.resolve('fresh'))).toEqual({ response: 'fresh', replayed: false });
  });

  it('stops waiting when the waiting client goes away', async () => {
    const ledger = new LocalAskLedger();
    expect(await ledger.claim('k')).toEqual({ state: 'claimed' });
    const gone = new AbortController();
    const waiting = ledger.claim('k', gone.signal);
    gone.abort(new Error('client gone'));
    await expect(waiting).rejects.toThrow('client gone');
  });
});
