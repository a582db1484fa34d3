import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { keyPseudonym, RateLimitLog } from './rate-limit-log.ts';

function captured(): { logger: pino.Logger; msgs: Array<{ msg: string; count?: number; client?: string; clients?: number }> } {
  const msgs: Array<{ msg: string; count?: number; client?: string; clients?: number }> = [];
  return { logger: pino({ level: 'info' }, { write: (l: string) => void msgs.push(JSON.parse(l) as (typeof msgs)[number]) }), msgs };
}

describe('RateLimitLog', () => {
  const pseudonym = keyPseudonym((k) => `h(${k})`.padEnd(16, '0'));

  it('logs the first refusal per client and window, then one summary with the count', () => {
    const { logger, msgs } = captured();
    let now = 0;
    const log = new RateLimitLog(logger, { pseudonym, now: () => now });
    for (let i = 0; i < 5_000; i++) log.refused('ip:10.0.0.1', { channel: 'rest', code: 'RATE_LIMITED' });
    log.refused('user:abcdef0123456789', { channel: 'socket', code: 'RATE_LIMITED' });
    expect(msgs).toHaveLength(2);
    log.flush();
    expect(msgs).toHaveLength(2); // the window is still open
    now = 60_000;
    log.flush();
    expect(msgs.map((m) => m.msg)).toContain(`rate limited 5000 requests from ${pseudonym('ip:10.0.0.1')} in the last 60 s`);
    // A single refusal needs no summary; token keys are pseudonyms already.
    expect(msgs).toHaveLength(3);
    expect(pseudonym('user:abcdef0123456789')).toBe('user:abcdef0123456789');
    log.close();
  });

  it('bounds the lines of a flood from many clients with one shared summary', () => {
    const { logger, msgs } = captured();
    let now = 0;
    const log = new RateLimitLog(logger, { pseudonym, now: () => now, maxKeys: 10 });
    for (let i = 0; i < 1_000; i++) log.refused(`ip:10.0.${i >> 8}.${i & 255}`, { channel: 'rest', code: 'RATE_LIMITED' });
    now = 60_000;
    log.flush();
    expect(msgs).toHaveLength(11);
    expect(msgs.at(-1)).toMatchObject({ msg: 'rate limited 990 requests from 990 other clients in the last 60 s', count: 990, clients: 990 });
    log.close();
  });
});
