import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { buildEntry } from './hash-token.ts';
import { hashToken, TokenStore, type TokenStoreOptions } from './tokens.ts';

const SECRET = 'test-server-secret-0123456789';
const FAST = { N: 1024, r: 8, p: 1 };
const OFFICIAL = 'official-token-AAAAAAAAAAAA';
const ADMIN = 'admin-token-BBBBBBBBBBBBBBBB';
const FILE_OFFICIAL = 'file-official-CCCCCCCCCCCCCC';
const FILE_ADMIN = 'file-admin-DDDDDDDDDDDDDDDDDD';

function configError(opts: Partial<TokenStoreOptions>): AppError {
  try {
    new TokenStore({ serverSecret: SECRET, ...opts });
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a CONFIG_INVALID error');
}

async function fileStore(extra: Partial<TokenStoreOptions> = {}): Promise<TokenStore> {
  const fileEntries = [
    { role: 'official', hash: await hashToken(FILE_OFFICIAL, FAST), name: 'Sở KH&CN – văn thư' },
    { role: 'admin', hash: await hashToken(FILE_ADMIN, FAST), expires: '2030-01-01T00:00:00Z' },
  ];
  return new TokenStore({ serverSecret: SECRET, fileEntries, ...extra });
}

describe('ASSISTANT_TOKENS', () => {
  it('grants each role its token', async () => {
    const store = new TokenStore({ serverSecret: SECRET, envTokens: `official:${OFFICIAL}, admin:${ADMIN}` });
    expect(store.size).toBe(2);
    expect(await store.authenticate(`Bearer ${OFFICIAL}`)).toMatchObject({ role: 'official' });
    expect(await store.authenticate(`Bearer ${ADMIN}`)).toMatchObject({ role: 'admin' });
    expect(await store.authenticate(`Bearer ${OFFICIAL}x`)).toEqual({ error: 'INVALID' });
  });

  it('accepts an empty value as no tokens', () => {
    expect(new TokenStore({ serverSecret: SECRET, envTokens: '' }).size).toBe(0);
  });

  it('lists every problem at once without echoing tokens or roles', () => {
    const err = configError({
      envTokens: `citizen:${OFFICIAL},admin:short,official:${ADMIN},admin:${ADMIN},${OFFICIAL}`,
    });
    expect(err.code).toBe('CONFIG_INVALID');
    expect(err.message).toContain('entry 1: role must be official or admin');
    expect(err.message).toContain('entry 2: token must be at least 16 characters');
    expect(err.message).toContain('entry 4: same token as entry 3');
    expect(err.message).toContain('entry 5: expected role:token');
    for (const secret of [OFFICIAL, ADMIN, 'short']) expect(err.message).not.toContain(secret);
  });

  it('rejects a short server secret', () => {
    expect(configError({ serverSecret: 'short' }).message).toContain('server secret');
  });
});

describe('token file', () => {
  it('verifies file tokens and rejects others', async () => {
    const store = await fileStore();
    expect(await store.authenticate(`Bearer ${FILE_OFFICIAL}`)).toMatchObject({ role: 'official' });
    expect(await store.authenticate(`Bearer ${FILE_ADMIN}`)).toMatchObject({ role: 'admin' });
    expect(await store.authenticate(`Bearer ${OFFICIAL}`)).toEqual({ error: 'INVALID' });
  });

  it('answers EXPIRED after expires, also from the cache', async () => {
    let now = new Date('2029-12-31T23:59:59Z');
    const store = await fileStore({ now: () => now });
    expect(await store.authenticate(`Bearer ${FILE_ADMIN}`)).toMatchObject({ role: 'admin' });
    now = new Date('2030-01-01T00:00:00Z');
    expect(await store.authenticate(`Bearer ${FILE_ADMIN}`)).toEqual({ error: 'EXPIRED' });
    expect(await store.authenticate(`Bearer ${FILE_OFFICIAL}`)).toMatchObject({ role: 'official' });
  });

  it('lists every invalid entry', () => {
    const err = configError({
      fileEntries: [
        { role: 'root', hash: 'scrypt$1024$8$1$c2FsdHNhbHQ=$' },
        { role: 'admin', hash: 'plain-token-EEEEEEEEEEEE', expires: 'soon' },
        { role: 'official', hash: 'scrypt$1000$8$1$c2FsdHNhbHQ=$c2FsdHNhbHRzYWx0c2FsdA==' },
      ],
    });
    expect(err.message).toContain('entry 1: role must be official or admin');
    expect(err.message).toContain('entry 1: hash hash must be 16 to 64 bytes');
    expect(err.message).toContain('entry 2: expires must be an ISO date');
    expect(err.message).toContain('entry 2: hash must look like');
    expect(err.message).toContain('entry 3: hash N must be a power of 2');
    expect(err.message).not.toContain('plain-token');
    expect(configError({ fileEntries: {} }).message).toContain('JSON array');
  });

  it('hashes in the file format with a fresh salt each time', async () => {
    const a = await hashToken(FILE_OFFICIAL, FAST);
    const b = await hashToken(FILE_OFFICIAL, FAST);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(FILE_OFFICIAL);
    await expect(hashToken('short')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('builds the CLI entry with the default cost', async () => {
    const entry = await buildEntry('official', FILE_OFFICIAL, 'Văn thư', '2030-01-01');
    expect(entry).toMatchObject({ role: 'official', name: 'Văn thư', expires: '2030-01-01T00:00:00.000Z' });
    expect(entry.hash.startsWith('scrypt$32768$8$1$')).toBe(true);
    const store = new TokenStore({ serverSecret: SECRET, fileEntries: [entry], now: () => new Date('2029-01-01') });
    expect(await store.authenticate(`Bearer ${FILE_OFFICIAL}`)).toMatchObject({ role: 'official' });
    await expect(buildEntry('citizen', FILE_OFFICIAL)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});

describe('authenticate', () => {
  it('treats a request without a header as an anonymous citizen', async () => {
    const store = await fileStore();
    expect(await store.authenticate(undefined)).toEqual({ role: 'citizen', user: 'anonymous' });
    expect(await store.authenticate('')).toEqual({ error: 'MISSING' });
  });

  it.each([
    ['Basic', `Basic ${Buffer.from(`user:${OFFICIAL}`).toString('base64')}`],
    ['Bearer without token', 'Bearer'],
    ['Bearer with spaces only', 'Bearer   '],
    ['two tokens', `Bearer ${OFFICIAL} ${ADMIN}`],
    ['token without scheme', OFFICIAL],
    ['characters outside b64token', `Bearer ${OFFICIAL}"`],
  ])('answers INVALID to a malformed header (%s)', async (_name, header) => {
    const store = new TokenStore({ serverSecret: SECRET, envTokens: `official:${OFFICIAL},admin:${ADMIN}` });
    expect(await store.authenticate(header)).toEqual({ error: 'INVALID' });
  });

  it('accepts the scheme in any case', async () => {
    const store = new TokenStore({ serverSecret: SECRET, envTokens: `official:${OFFICIAL}` });
    expect(await store.authenticate(`bearer ${OFFICIAL}`)).toMatchObject({ role: 'official' });
  });

  it('gives a stable pseudonym per token that never contains the token', async () => {
    const store = await fileStore({ envTokens: `official:${OFFICIAL},admin:${ADMIN}` });
    const ids = [];
    for (const token of [OFFICIAL, ADMIN, FILE_OFFICIAL, FILE_ADMIN]) {
      const first = await store.authenticate(`Bearer ${token}`);
      const again = await store.authenticate(`Bearer ${token}`);
      if (!('user' in first)) throw new Error('expected a user');
      expect(again).toEqual(first);
      expect(first.user).toMatch(/^[0-9a-f]{16}$/);
      expect(first.user).not.toContain(token);
      expect(token).not.toContain(first.user);
      ids.push(first.user);
    }
    expect(new Set(ids).size).toBe(4);
    const otherSecret = new TokenStore({ serverSecret: `${SECRET}-other`, envTokens: `official:${OFFICIAL}` });
    expect(await otherSecret.authenticate(`Bearer ${OFFICIAL}`)).not.toEqual(await store.authenticate(`Bearer ${OFFICIAL}`));
  });

  it('still rejects wrong tokens once a right one is cached', async () => {
    const store = await fileStore({ cacheSize: 1 });
    expect(await store.authenticate(`Bearer ${FILE_OFFICIAL}`)).toMatchObject({ role: 'official' });
    for (const wrong of [`${FILE_OFFICIAL}x`, FILE_OFFICIAL.slice(0, -1), FILE_OFFICIAL.toLowerCase()]) {
      expect(await store.authenticate(`Bearer ${wrong}`)).toEqual({ error: 'INVALID' });
    }
    // A second token evicts the first (cacheSize 1); both still verify.
    expect(await store.authenticate(`Bearer ${FILE_ADMIN}`)).toMatchObject({ role: 'admin' });
    expect(await store.authenticate(`Bearer ${FILE_OFFICIAL}`)).toMatchObject({ role: 'official' });
    expect(await store.authenticate(`Bearer ${FILE_ADMIN}x`)).toEqual({ error: 'INVALID' });
  });

  it('loads a missing file as CONFIG_INVALID', async () => {
    await expect(TokenStore.load({ serverSecret: SECRET, file: '/nonexistent/tokens.json' })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
    });
  });
});
