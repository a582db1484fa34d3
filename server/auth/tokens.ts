/**
 * Bearer tokens for officials and admins (DESIGN.md, "Roles"). Tokens come from a JSON
 * file of scrypt hashes (production) and/or `ASSISTANT_TOKENS` (`role:token` pairs, for
 * development and tests). A request without `Authorization` is an anonymous citizen.
 * Raw tokens are never stored, logged or put in error messages; callers see only the
 * role and a pseudonymous user id (HMAC-SHA256 of the token with a server secret).
 */
import { createHash, createHmac, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Role } from '../../core/answer/types.ts';
import { AppError } from '../../core/errors.ts';

/** Roles a token can grant; citizens need none. */
export type TokenRole = Exclude<Role, 'citizen'>;
const TOKEN_ROLES: readonly string[] = ['official', 'admin'] satisfies TokenRole[];

/** Outcome of `authenticate`: who is asking, or why the caller must answer 401. */
export type AuthResult = { role: Role; user: string } | { error: 'MISSING' | 'INVALID' | 'EXPIRED' | 'THROTTLED' };

/** Options of `authenticate`. */
export interface AuthenticateOptions {
  /**
   * Asked before the slow path (scrypt against the token file for a token not verified
   * before); false → THROTTLED without any hashing. Known and env tokens never ask.
   */
  mayVerifySlowly?: () => boolean;
}

/** One entry of the token file. `hash` is `scrypt$N$r$p$<salt b64>$<hash b64>`. */
export interface TokenFileEntry {
  role: TokenRole;
  hash: string;
  name?: string;
  expires?: string;
}

/** scrypt cost parameters written by `hashToken`. */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** OWASP's scrypt minimum (N=2^17 is better but costs 128 MiB per verification). */
export const DEFAULT_SCRYPT: Readonly<ScryptParams> = Object.freeze({ N: 2 ** 15, r: 8, p: 1 });
export const MIN_TOKEN_LENGTH = 16;
const MAX_TOKEN_LENGTH = 512;
/** RFC 6750 b64token: the characters a Bearer credential may contain. */
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;
const BEARER = /^Bearer +(\S+) *$/i;
const SALT_BYTES = 16;
const KEY_BYTES = 32;

export interface TokenStoreOptions {
  /** Key of the pseudonym HMAC; at least 16 characters, kept out of the token file. */
  serverSecret: string;
  /** Entries of the token file, as parsed JSON (validated here). */
  fileEntries?: unknown;
  /** The `ASSISTANT_TOKENS` value (`role:token,role:token`). */
  envTokens?: string;
  /** Successful scrypt verifications kept in memory (default 1000). */
  cacheSize?: number;
  now?: () => Date;
}

interface FileToken {
  role: TokenRole;
  params: ScryptParams;
  salt: Buffer;
  key: Buffer;
  expiresAt?: number;
}

interface EnvToken {
  role: TokenRole;
  digest: Buffer;
}

/** Verifies bearer tokens against the file and env entries; see the module comment. */
export class TokenStore {
  private readonly fileTokens: readonly FileToken[];
  private readonly envTokens: readonly EnvToken[];
  private readonly secret: string;
  private readonly cacheSize: number;
  private readonly now: () => Date;
  /** SHA-256 of a verified token → its file entry, in least-recently-used order. */
  private readonly verified = new Map<string, FileToken>();

  /** Validate everything at once; throws AppError CONFIG_INVALID listing every problem. */
  constructor(opts: TokenStoreOptions) {
    const problems: string[] = [];
    if (typeof opts.serverSecret !== 'string' || opts.serverSecret.length < 16) {
      problems.push('server secret: must be at least 16 characters');
    }
    const file = opts.fileEntries === undefined ? { tokens: [], problems: [] } : parseTokenFile(opts.fileEntries);
    const env = opts.envTokens === undefined ? { tokens: [], problems: [] } : parseEnvTokens(opts.envTokens);
    problems.push(...file.problems, ...env.problems);
    if (problems.length > 0) throw new AppError('CONFIG_INVALID', `tokens: ${problems.join('; ')}`);
    this.fileTokens = file.tokens;
    this.envTokens = env.tokens;
    this.secret = opts.serverSecret;
    this.cacheSize = Math.max(0, opts.cacheSize ?? 1000);
    this.now = opts.now ?? (() => new Date());
  }

  /** Build from a token file path (production) and/or the env value; both optional. */
  static async load(opts: Omit<TokenStoreOptions, 'fileEntries'> & { file?: string }): Promise<TokenStore> {
    let fileEntries: unknown;
    if (opts.file !== undefined) {
      try {
        fileEntries = JSON.parse(await readFile(opts.file, 'utf8'));
      } catch (err) {
        // The file holds only hashes, but keep its content out of the message anyway.
        throw new AppError('CONFIG_INVALID', `tokens: cannot read token file ${opts.file} as JSON`, { cause: err });
      }
    }
    return new TokenStore({ ...opts, fileEntries });
  }

  /** Number of configured tokens (file + env), for a start-up log line. */
  get size(): number {
    return this.fileTokens.length + this.envTokens.length;
  }

  /**
   * Who sends this `Authorization` header: no header → anonymous citizen; an empty one →
   * MISSING; anything but `Bearer <b64token>` or an unknown token → INVALID; a file token
   * past its `expires` → EXPIRED. The caller answers 401 to every error.
   */
  async authenticate(authorizationHeader: string | undefined, opts: AuthenticateOptions = {}): Promise<AuthResult> {
    if (authorizationHeader === undefined) return { role: 'citizen', user: 'anonymous' };
    if (authorizationHeader.trim() === '') return { error: 'MISSING' };
    const token = BEARER.exec(authorizationHeader.trim())?.[1];
    if (token === undefined || token.length > MAX_TOKEN_LENGTH || !B64TOKEN.test(token)) return { error: 'INVALID' };

    const digest = sha256(token);
    const envRole = this.matchEnv(digest);
    if (envRole) return { role: envRole, user: this.pseudonym(token) };

    const entry = await this.matchFile(token, digest, opts.mayVerifySlowly);
    if (entry === 'throttled') return { error: 'THROTTLED' };
    if (!entry) return { error: 'INVALID' };
    if (entry.expiresAt !== undefined && this.now().getTime() >= entry.expiresAt) return { error: 'EXPIRED' };
    return { role: entry.role, user: this.pseudonym(token) };
  }

  /** Pseudonymous user id: first 16 hex characters of HMAC-SHA256(serverSecret, token). */
  pseudonym(token: string): string {
    return createHmac('sha256', this.secret).update(token, 'utf8').digest('hex').slice(0, 16);
  }

  private matchEnv(digest: Buffer): TokenRole | undefined {
    let role: TokenRole | undefined;
    // Compare against every entry, without stopping early.
    for (const t of this.envTokens) if (timingSafeEqual(t.digest, digest)) role = t.role;
    return role;
  }

  private async matchFile(token: string, digest: Buffer, mayVerifySlowly?: () => boolean): Promise<FileToken | undefined | 'throttled'> {
    const cacheKey = digest.toString('hex');
    const cached = this.verified.get(cacheKey);
    if (cached) {
      this.verified.delete(cacheKey);
      this.verified.set(cacheKey, cached);
      return cached;
    }
    if (this.fileTokens.length === 0) return undefined;
    if (mayVerifySlowly && !mayVerifySlowly()) return 'throttled';
    // Each entry has its own salt, so an unknown token costs one scrypt per entry;
    // rate-limit 401s in front of this (docs/OPERATIONS.md).
    const matches = await Promise.all(
      this.fileTokens.map(async (t) => timingSafeEqual(await derive(token, t.salt, t.params, t.key.length), t.key)),
    );
    const entry = this.fileTokens[matches.indexOf(true)];
    if (entry && this.cacheSize > 0) {
      if (this.verified.size >= this.cacheSize) {
        const oldest = this.verified.keys().next().value;
        if (oldest !== undefined) this.verified.delete(oldest);
      }
      this.verified.set(cacheKey, entry);
    }
    return entry;
  }
}

/** Hash a token for the token file: `scrypt$N$r$p$<salt b64>$<hash b64>`. */
export async function hashToken(token: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const problem = tokenProblem(token) ?? paramsProblem(params);
  if (problem) throw new AppError('INVALID_ARGUMENT', `hashToken: ${problem}`);
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(token, salt, params, KEY_BYTES);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Parse `ASSISTANT_TOKENS`; problems name entries by position, never by content. */
function parseEnvTokens(value: string): { tokens: EnvToken[]; problems: string[] } {
  const tokens: EnvToken[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  const parts = value.split(',').map((s) => s.trim());
  if (parts.length === 1 && parts[0] === '') return { tokens, problems };
  parts.forEach((part, i) => {
    const where = `ASSISTANT_TOKENS entry ${i + 1}`;
    const colon = part.indexOf(':');
    if (colon < 0) {
      problems.push(`${where}: expected role:token`);
      return;
    }
    const role = part.slice(0, colon).trim();
    const token = part.slice(colon + 1).trim();
    const roleOk = TOKEN_ROLES.includes(role);
    if (!roleOk) problems.push(`${where}: role must be official or admin`);
    const problem = tokenProblem(token);
    if (problem) problems.push(`${where}: ${problem}`);
    const key = sha256(token).toString('hex');
    const first = seen.get(key);
    if (first !== undefined) problems.push(`${where}: same token as entry ${first}`);
    else seen.set(key, i + 1);
    if (roleOk && !problem && first === undefined) tokens.push({ role: role as TokenRole, digest: sha256(token) });
  });
  return { tokens, problems };
}

/** Validate the parsed token file (an array of TokenFileEntry). */
function parseTokenFile(json: unknown): { tokens: FileToken[]; problems: string[] } {
  const tokens: FileToken[] = [];
  const problems: string[] = [];
  if (!Array.isArray(json)) return { tokens, problems: ['token file: must be a JSON array of entries'] };
  const seen = new Map<string, number>();
  json.forEach((raw: unknown, i) => {
    const where = `token file entry ${i + 1}`;
    const before = problems.length;
    if (typeof raw !== 'object' || raw === null) {
      problems.push(`${where}: must be an object`);
      return;
    }
    const e = raw as Record<string, unknown>;
    if (typeof e.role !== 'string' || !TOKEN_ROLES.includes(e.role)) problems.push(`${where}: role must be official or admin`);
    if (e.name !== undefined && typeof e.name !== 'string') problems.push(`${where}: name must be a string`);
    let expiresAt: number | undefined;
    if (e.expires !== undefined) {
      expiresAt = typeof e.expires === 'string' ? Date.parse(e.expires) : NaN;
      if (Number.isNaN(expiresAt)) problems.push(`${where}: expires must be an ISO date`);
    }
    const hash = typeof e.hash === 'string' ? parseHash(e.hash) : 'must be a string';
    if (typeof hash === 'string') problems.push(`${where}: hash ${hash}`);
    else {
      const first = seen.get(e.hash as string);
      if (first !== undefined) problems.push(`${where}: same hash as entry ${first}`);
      else seen.set(e.hash as string, i + 1);
    }
    if (problems.length === before && typeof hash !== 'string') {
      tokens.push({ role: e.role as TokenRole, ...hash, ...(expiresAt === undefined ? {} : { expiresAt }) });
    }
  });
  return { tokens, problems };
}

/** `scrypt$N$r$p$salt$hash` → parts, or a description of what is wrong. */
function parseHash(s: string): Pick<FileToken, 'params' | 'salt' | 'key'> | string {
  const parts = s.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return 'must look like scrypt$N$r$p$<salt b64>$<hash b64>';
  const [N, r, p] = parts.slice(1, 4).map((x) => (/^\d+$/.test(x) ? Number(x) : NaN)) as [number, number, number];
  const problem = paramsProblem({ N, r, p });
  if (problem) return problem;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const key = Buffer.from(parts[5] ?? '', 'base64');
  if (salt.length < 8) return 'salt must be at least 8 bytes';
  if (key.length < 16 || key.length > 64) return 'hash must be 16 to 64 bytes';
  return { params: { N, r, p }, salt, key };
}

function paramsProblem({ N, r, p }: ScryptParams): string | undefined {
  // Bounds keep a bad file from asking for gigabytes of memory per request.
  if (!Number.isInteger(N) || N < 2 ** 10 || N > 2 ** 20 || (N & (N - 1)) !== 0) return 'N must be a power of 2 from 1024 to 2^20';
  if (!Number.isInteger(r) || r < 1 || r > 32) return 'r must be 1 to 32';
  if (!Number.isInteger(p) || p < 1 || p > 16) return 'p must be 1 to 16';
  return undefined;
}

function tokenProblem(token: string): string | undefined {
  if (token.length < MIN_TOKEN_LENGTH) return `token must be at least ${MIN_TOKEN_LENGTH} characters`;
  if (token.length > MAX_TOKEN_LENGTH) return `token must be at most ${MAX_TOKEN_LENGTH} characters`;
  if (!B64TOKEN.test(token)) return 'token may only contain A-Z a-z 0-9 - . _ ~ + / (and trailing =)';
  return undefined;
}

function derive(token: string, salt: Buffer, { N, r, p }: ScryptParams, keylen: number): Promise<Buffer> {
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(token, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

function sha256(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}
