import { describe, expect, it } from 'vitest';
import { hashToken, TokenStore } from '../auth/tokens.ts';
import { HttpError } from './errors.ts';
import { AUTH_FAILURES_PER_MINUTE, resolveCaller } from './middleware.ts';
import { RateLimiter } from './rate-limit.ts';

const FAST = { N: 1024, r: 8, p: 1 };
const FILE_TOKEN = 'file-official-token-0123456789';
const ENV_TOKEN = 'env-admin-token-0123456789';

async function store(): Promise<TokenStore> {
  return new TokenStore({
    serverSecret: 'server-secret-0123456789',
    fileEntries: [{ role: 'official', hash: await hashToken(FILE_TOKEN, FAST) }],
    envTokens: `admin:${ENV_TOKEN}`,
  });
}

describe('resolveCaller', () => {
  it('makes callers without a token citizens, and known tokens their role', async () => {
    const tokens = await store();
    const failures = new RateLimiter(AUTH_FAILURES_PER_MINUTE, AUTH_FAILURES_PER_MINUTE);
    expect(await resolveCaller(tokens, failures, undefined, '10.0.0.1')).toMatchObject({ role: 'citizen', user: 'anonymous' });
    expect(await resolveCaller(tokens, failures, `Bearer ${FILE_TOKEN}`, '10.0.0.1')).toMatchObject({ role: 'official' });
    expect(await resolveCaller(tokens, failures, `Bearer ${ENV_TOKEN}`, '10.0.0.1')).toMatchObject({ role: 'admin' });
    failures.close();
  });

  it('refuses every token from a client that keeps failing, a correct one too, until the budget refills', async () => {
    const tokens = await store();
    let now = 0;
    const failures = new RateLimiter(AUTH_FAILURES_PER_MINUTE, AUTH_FAILURES_PER_MINUTE, () => now);
    const outcomes: number[] = [];
    for (let i = 0; i < AUTH_FAILURES_PER_MINUTE + 3; i++) {
      const r = await resolveCaller(tokens, failures, `Bearer unknown-token-${i}-0123456789`, '10.0.0.2');
      outcomes.push(r instanceof HttpError ? r.status : 200);
    }
    expect(outcomes.slice(0, AUTH_FAILURES_PER_MINUTE).every((s) => s === 401)).toBe(true);
    expect(outcomes.slice(AUTH_FAILURES_PER_MINUTE)).toEqual([429, 429, 429]);
    // A correct token from the locked address is not told apart from a wrong one (env and file tokens alike).
    for (const token of [FILE_TOKEN, ENV_TOKEN]) {
      const locked = await resolveCaller(tokens, failures, `Bearer ${token}`, '10.0.0.2');
      expect(locked instanceof HttpError && [locked.status, locked.code, locked.extra.retryAfterSec]).toEqual([429, 'TOO_MANY_AUTH_FAILURES', 6]);
    }
    // No token at all is still a citizen; other addresses are unaffected.
    expect(await resolveCaller(tokens, failures, undefined, '10.0.0.2')).toMatchObject({ role: 'citizen' });
    const other = await resolveCaller(tokens, failures, 'Bearer unknown-token-x-0123456789', '10.0.0.3');
    expect(other instanceof HttpError && other.status).toBe(401);
    // One check comes back after 60 / AUTH_FAILURES_PER_MINUTE seconds.
    now += 6_000;
    expect(await resolveCaller(tokens, failures, `Bearer ${ENV_TOKEN}`, '10.0.0.2')).toMatchObject({ role: 'admin' });
    failures.close();
  });
});
