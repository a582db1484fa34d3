/**
 * The server's configuration, parsed once from the environment with zod (`.env.example`
 * lists every variable). Invalid values stop the start with one message naming every bad
 * variable; secrets (tokens, keys) never appear in it.
 */
import { z } from 'zod';
import { AppError } from '../core/errors.ts';
import { llmConfigFromEnv, type LlmConfig } from './answer/config.ts';

// Blank variables are dropped before parsing (see loadConfig), so defaults apply to them.
const int = (min: number, max: number) => z.coerce.number({ invalid_type_error: 'must be a number' })
  .int('must be a whole number').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);
const text = () => z.string().trim();
const list = () => z.string().optional().transform((s) => (s ?? '').split(',').map((x) => x.trim()).filter(Boolean));
const bool = () => z.enum(['true', 'false', '1', '0']).optional().transform((v) => v === 'true' || v === '1');

const schema = z.object({
  PORT: int(0, 65_535).default(3000),
  HOST: text().default('127.0.0.1'),
  INDEX_DIR: text().default('data/index'),
  /** Extra ingest inputs besides corpora/ and the uploads directory. */
  CORPUS_PATHS: list(),
  UPLOAD_DIR: text().default('data/uploads'),
  /** Job history and metadata overrides. */
  STATE_DIR: text().default('data/state'),
  AUDIT_DIR: text().default('data/audit'),
  AUDIT_RETENTION_DAYS: int(1, 36_500).default(365),
  TOKENS_FILE: text().optional(),
  ASSISTANT_TOKENS: z.string().optional(),
  /** Key of the pseudonym HMAC (user ids in the audit trail and rate-limit keys). */
  SERVER_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Origins of the portals that embed the widget (exact `scheme://host[:port]`). */
  CORS_ORIGINS: list().pipe(z.array(z.string().url('must be origins such as https://dichvucong.quangngai.gov.vn'))),
  /** How many reverse proxies sit in front (0: use the socket address). */
  TRUST_PROXY: int(0, 10).default(0),
  JSON_BODY_LIMIT_KB: int(1, 1024).default(32),
  MAX_UPLOAD_MB: int(1, 500).default(50),
  MAX_UPLOAD_FILES: int(1, 100).default(20),
  /** Requests per minute per client IP for anonymous callers (chat, search, documents). */
  RATE_LIMIT_PER_IP: int(1, 10_000_000).default(60),
  /** Requests per minute per bearer token (officials, admins). */
  RATE_LIMIT_PER_TOKEN: int(1, 10_000_000).default(600),
  /** Concurrent socket.io connections per client IP. */
  SOCKET_MAX_PER_IP: int(1, 1_000_000).default(20),
  /** Whole-request limit, slow clients included. */
  REQUEST_TIMEOUT_MS: int(1000, 600_000).default(30_000),
  /** How long a shutdown waits for answers in flight. */
  SHUTDOWN_GRACE_MS: int(0, 600_000).default(10_000),
  REINDEX_TIMEOUT_MS: int(10_000, 24 * 3_600_000).default(3_600_000),
  /** When set, `/metrics` requires `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Embedder for new indexes (the re-index jobs read these too). */
  EMBEDDER: z.enum(['lsa', 'transformers', 'hashing']).default('lsa'),
  EMBEDDING_MODEL: text().optional(),
  /**
   * Worker threads that answer with the extractive answerer beside the main thread (each
   * holds a copy of the index in memory). 0: answer on the main thread.
   */
  ANSWER_WORKERS: int(0, 16).default(0),
  /** Skip the incremental ingest of the configured corpora at start (serve the index as is). */
  SKIP_START_INGEST: bool(),
});

export type ServerConfig = Readonly<z.infer<typeof schema> & { llm?: Readonly<LlmConfig>; env: Readonly<Record<string, string | undefined>> }>;

/** Every variable the server reads (for `.env.example` and the docs test). */
export const CONFIG_VARIABLES = Object.keys(schema.shape);

/**
 * Parse and validate `env`. Throws AppError CONFIG_INVALID naming every bad variable;
 * values are never echoed (one of them may be a secret).
 */
export function loadConfig(env: Record<string, string | undefined>): ServerConfig {
  // A blank variable (`PORT=` in a copied .env.example) means "use the default".
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = schema.safeParse(given);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
  let llm: Readonly<LlmConfig> | undefined;
  try {
    llm = llmConfigFromEnv(env);
  } catch (err) {
    problems.push(err instanceof AppError ? err.message.replace(/^CONFIG_INVALID: /, '') : String(err));
  }
  if (!parsed.success || problems.length > 0) throw new AppError('CONFIG_INVALID', problems.join('; '));
  return Object.freeze({ ...parsed.data, ...(llm ? { llm } : {}), env: Object.freeze({ ...env }) });
}
