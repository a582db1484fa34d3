/**
 * Every option the product reads from the environment, in one table: its zod schema (with
 * its default) and the description written to `.env.example`. The server, the ingest and
 * ask CLIs, eval, bench and the tests all read these and no others (config/config.ts parses
 * them; config/env-example.ts documents them).
 */
import { z } from 'zod';

/** Index versions kept on disk, the active one included (INDEX_KEEP_VERSIONS's default; also ingest's). */
export const DEFAULT_KEEP_VERSIONS = 3;

/** Groups of `.env.example`, in its order. */
export const SECTIONS = {
  server: 'Server',
  limits: 'Limits',
  roles: 'Roles',
  index: 'Index and documents',
  llm: 'Optional LLM',
  audit: 'Audit',
  cluster: 'Several nodes (Redis)',
  tools: 'Tests, eval and bench',
} as const;

export type Section = keyof typeof SECTIONS;

/** One option: where `.env.example` lists it, what it means, and how it is parsed. */
export interface OptionSpec<S extends z.ZodTypeAny = z.ZodTypeAny> {
  section: Section;
  /** English prose for `.env.example` (wrapped there); say what the default means when it is not shown. */
  description: string;
  schema: S;
}

// Blank variables are dropped before parsing (config/config.ts), so defaults apply to them.
const int = (min: number, max: number) => z.coerce.number({ invalid_type_error: 'must be a number' })
  .int('must be a whole number').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);
const text = () => z.string().trim();
const list = () => z.string().optional().transform((s) => (s ?? '').split(',').map((x) => x.trim()).filter(Boolean));
const bool = () => z.enum(['true', 'false', '1', '0']).optional().transform((v) => v === 'true' || v === '1');
const secret = () => z.string().min(16, 'must be at least 16 characters');
const share = () => z.coerce.number({ invalid_type_error: 'must be a number' }).min(0, 'must be at least 0').max(1, 'must be at most 1');

/** True for http(s) URLs; unparsable ones pass here because `.url()` already reports them. */
function isHttpOrUnparsable(url: string): boolean {
  try {
    return /^https?:$/.test(new URL(url).protocol);
  } catch {
    return true;
  }
}

/** True for redis(s) URLs; unparsable ones pass here because `.url()` already reports them. */
function isRedisOrUnparsable(url: string): boolean {
  try {
    return /^rediss?:$/.test(new URL(url).protocol);
  } catch {
    return true;
  }
}

const option = <S extends z.ZodTypeAny>(section: Section, schema: S, description: string): OptionSpec<S> => ({ section, schema, description });

/** The options, in the order `.env.example` lists them within each section. */
export const OPTIONS = {
  PORT: option('server', int(0, 65_535).default(3000), 'Port the server listens on (0: any free port).'),
  HOST: option('server', text().default('127.0.0.1'),
    'Interface the server listens on. 127.0.0.1 serves this machine only; use 0.0.0.0 behind a proxy or in a container.'),
  CORS_ORIGINS: option('server', list().pipe(z.array(z.string().url('must be origins such as https://dichvucong.quangngai.gov.vn'))),
    'Origins of the portals that embed the widget, comma-separated (exact scheme://host[:port]). Same-origin pages are always allowed.'),
  TRUST_PROXY: option('server', int(0, 10).default(0),
    'Number of reverse proxies in front, so rate limits see the client address (0: none, use the socket address).'),
  REQUEST_TIMEOUT_MS: option('server', int(1000, 600_000).default(30_000),
    'Whole-request limit in milliseconds, slow clients included; an answer past it ends with 504 TIMEOUT.'),
  SHUTDOWN_GRACE_MS: option('server', int(0, 600_000).default(10_000), 'How long a shutdown (SIGTERM) waits for answers in flight, in milliseconds.'),
  LOG_LEVEL: option('server', z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    'Level of the JSON logs on stdout: fatal, error, warn, info, debug, trace or silent.'),
  METRICS_TOKEN: option('server', secret().optional(), 'When set, /metrics requires `Authorization: Bearer <METRICS_TOKEN>` (16+ characters).'),

  RATE_LIMIT_PER_IP: option('limits', int(1, 10_000_000).default(60), 'Questions and searches per minute per client IP for anonymous citizens (chat over REST and socket.io, search, feedback).'),
  RATE_LIMIT_READ_PER_IP: option('limits', int(1, 10_000_000).default(120),
    'Document reads per minute per client IP for anonymous citizens (GET /api/documents…: the source panel and the source view), a budget apart from questions.'),
  RATE_LIMIT_PER_TOKEN: option('limits', int(1, 10_000_000).default(600), 'Requests per minute per bearer token (officials, admins), questions and document reads each.'),
  SOCKET_MAX_PER_IP: option('limits', int(1, 1_000_000).default(20), 'Concurrent socket.io connections per client IP.'),
  JSON_BODY_LIMIT_KB: option('limits', int(1, 1024).default(32), 'Largest JSON request body, in KB.'),
  MAX_UPLOAD_MB: option('limits', int(1, 500).default(50), 'Largest uploaded file, in MB.'),
  MAX_UPLOAD_FILES: option('limits', int(1, 100).default(20), 'Files per upload request.'),

  TOKENS_FILE: option('roles', text().optional(), 'Production: a JSON file of scrypt-hashed tokens (npx tsx server/auth/hash-token.ts).'),
  ASSISTANT_TOKENS: option('roles', z.string().optional(), 'Development and tests: comma-separated role:token pairs (admin:…,official:…).'),
  SERVER_SECRET: option('roles', secret().optional(),
    'Key of the pseudonymous user ids in the audit trail and of rate-limit keys (16+ characters). Without it a random key is made at each start, so pseudonyms change across restarts.'),

  INDEX_DIR: option('index', text().default('data/index'), 'Index directory (npm start, npm run ingest, npm run ask).'),
  CORPUS_PATHS: option('index', list(),
    'Extra sources indexed besides corpora/ and the uploads, comma-separated (e.g. the national TTHC catalog export).'),
  UPLOAD_DIR: option('index', text().default('data/uploads'), 'Where admin uploads are stored (indexed with corpora/).'),
  STATE_DIR: option('index', text().default('data/state'), 'Re-index job history, admin metadata overrides and drafts.'),
  REINDEX_TIMEOUT_MS: option('index', int(10_000, 24 * 3_600_000).default(3_600_000), 'Longest a re-index job may run, in milliseconds.'),
  ANSWER_WORKERS: option('index', int(0, 16).default(0),
    'Worker threads answering beside the main thread with the extractive answerer (uses more cores; they share one copy of the index with the main thread and each adds about 160 MB for the full TTHC catalog: its HNSW graph and document records). 0: answer on the main thread. Not used with an LLM.'),
  SKIP_START_INGEST: option('index', bool(),
    'true: serve the index as it is at start, without the background re-index of the corpora (a job a restart interrupted is still resumed).'),
  INDEX_MAX_REMOVAL_SHARE: option('index', share().default(0.25),
    'Largest share of the documents (0 to 1) a run may remove without an explicit removal (--remove, the admin removal, an admin delete); a run that would remove more stops and reports, and the active version keeps serving. 1: no limit.'),
  INDEX_KEEP_VERSIONS: option('index', int(1, 1000).default(DEFAULT_KEEP_VERSIONS),
    'Index versions kept on disk for rollback, the active one included (unchanged files are hard-linked between versions).'),
  UPLOAD_CHECK_TIMEOUT_MS: option('index', int(1000, 600_000).default(20_000),
    'How long an upload is checked by the real loaders before 201 (in a worker thread); a file whose check takes longer (a long scan to OCR) is kept and checked by the re-index job.'),
  EMBEDDER: option('index', z.enum(['lsa', 'transformers']).default('lsa'),
    'Embedder of new indexes, for `npm run ingest` and the server\'s re-index jobs alike: lsa (built in, no download) or transformers.'),
  EMBEDDING_MODEL: option('index', text().optional(),
    'For EMBEDDER=transformers (required then): a local model directory (config.json, tokenizer.json, onnx/model.onnx), e.g. /models/multilingual-e5-small. Nothing is downloaded.'),

  LLM_BASE_URL: option('llm', text().url('must be an http(s) URL such as http://localhost:8000/v1').refine(isHttpOrUnparsable, 'must use http or https').optional(),
    'Any OpenAI-compatible server (vLLM, llama.cpp server, Ollama); /v1 is added to a bare host. Without it the embedded extractive answerer answers.'),
  LLM_API_KEY: option('llm', z.string().optional(), 'Key sent to the LLM server, if it needs one.'),
  LLM_MODEL: option('llm', text().optional(), 'Model name on the LLM server (required with LLM_BASE_URL).'),
  LLM_TIMEOUT_MS: option('llm', int(100, 600_000).optional(),
    'Whole-request limit of one model call in milliseconds (default 20000 for answers, 30000 for draft bodies); past it the extractive answer or the template body is used instead.'),

  AUDIT_DIR: option('audit', text().default('data/audit'), 'Audit trail directory (one JSONL file per day, Vietnam time).'),
  AUDIT_RETENTION_DAYS: option('audit', int(1, 36_500).default(365), 'Audit files older than this many days are deleted.'),

  REDIS_URL: option('cluster', text().url('must be a URL such as redis://127.0.0.1:6379').refine(isRedisOrUnparsable, 'must use redis or rediss').optional(),
    'Unset: one process, nothing shared, no Redis needed. Set: every process started with the same REDIS_URL and the same INDEX_DIR, UPLOAD_DIR, STATE_DIR and AUDIT_DIR (a shared volume) is a node of one service: rate limits, connection caps, conversations, socket.io events and index changes are shared through this Redis (docs/SCALING.md).'),
  REDIS_PREFIX: option('cluster', z.string().trim().regex(/^[A-Za-z0-9_.-]{1,40}$/, 'must be letters, digits, _ . or - (at most 40)').default('tro-ly-ao'),
    'Prefix of the service\'s Redis keys and channels (two services may share one Redis with different prefixes).'),
  NODE_ID: option('cluster', z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/, 'must be letters, digits, _ . or - (at most 63), starting with a letter or digit').optional(),
    'Name of this node in a cluster: its audit files (audit-DAY.NODE_ID.jsonl) and metrics carry it; each running node needs its own. Default: host name and PORT.'),
  CONVERSATION_TTL_MIN: option('cluster', int(1, 7 * 24 * 60).default(120),
    'With REDIS_URL: a conversation\'s context is kept this many minutes after its last exchange.'),
  JOB_LOCK_MS: option('cluster', int(1_000, 600_000).default(10_000),
    'With REDIS_URL: how long a re-index job\'s lock in the queue lives without renewal (renewed every half of it); the job of a node that died is taken over by another node within about 1.5 times this.'),

  SHARED_DIR: option('tools', text().optional(), 'Where the shared datasets live (TTHC catalog, ALQAC). Default: ../shared beside the checkout.'),
  CHROMIUM_PATH: option('tools', text().optional(),
    'The Chromium the browser tests drive. Default: the first of /usr/bin/chromium, chromium-browser, google-chrome, google-chrome-stable.'),
} satisfies Record<string, OptionSpec>;

export type OptionName = keyof typeof OPTIONS;

/** Every variable the product reads, in `.env.example` order within sections. */
export const OPTION_NAMES = Object.keys(OPTIONS) as OptionName[];

/** The schema of the whole environment, one field per option. */
export const environmentSchema = z.object(
  Object.fromEntries(OPTION_NAMES.map((name) => [name, OPTIONS[name].schema])) as { [K in OptionName]: (typeof OPTIONS)[K]['schema'] },
);

export type ParsedEnvironment = z.infer<typeof environmentSchema>;
