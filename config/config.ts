/**
 * The configuration of one process, parsed once from its environment (config/options.ts
 * lists every variable) and frozen. Entry points get it from config/environment.ts and
 * pass it down; nothing else reads the environment. Invalid values stop the process with
 * one CONFIG_INVALID naming every bad variable, never its value (one may be a secret).
 */
import { AppError } from '../core/errors.ts';
import { environmentSchema, OPTION_NAMES, type ParsedEnvironment } from './options.ts';

/** The LLM settings, when an LLM is configured (LLM_BASE_URL and LLM_MODEL). */
export interface LlmConfig {
  /** Base URL ending in `/v1` (added when the URL has no path). */
  baseUrl: string;
  apiKey?: string;
  model: string;
  /** Whole-request limit of one call; each user has its own default when unset. */
  timeoutMs?: number;
}

/** The embedder new indexes are built with (EMBEDDER, EMBEDDING_MODEL). */
export type EmbedderChoice = { kind: 'lsa' } | { kind: 'transformers'; model: string };

/** Options read through a derived field instead of their own. */
type Derived = 'LLM_BASE_URL' | 'LLM_API_KEY' | 'LLM_MODEL' | 'LLM_TIMEOUT_MS' | 'EMBEDDER' | 'EMBEDDING_MODEL';

/**
 * Every option, parsed (numbers, lists, booleans, defaults), with the LLM and embedder
 * settings gathered in `llm` and `embedder`.
 */
export type Config = Readonly<Omit<ParsedEnvironment, Derived> & {
  /** Absent: no LLM, the extractive answerer answers. */
  llm?: Readonly<LlmConfig>;
  embedder: Readonly<EmbedderChoice>;
}>;

/** A process environment, or a test's stand-in for one. */
export type Environment = Readonly<Record<string, string | undefined>>;

function withV1(url: string): string {
  const u = new URL(url);
  if (u.pathname === '/' || u.pathname === '') u.pathname = '/v1';
  return u.toString().replace(/\/+$/, '');
}

/** Problems that involve two variables, checked on the raw values so they show beside any other. */
function crossProblems(env: Environment): string[] {
  const problems: string[] = [];
  if (env.LLM_BASE_URL && !env.LLM_MODEL) problems.push('LLM_MODEL is required when LLM_BASE_URL is set');
  if (env.EMBEDDER === 'transformers' && !env.EMBEDDING_MODEL) problems.push('EMBEDDING_MODEL is required when EMBEDDER=transformers');
  return problems;
}

/**
 * Parse and validate `env` (variables this product does not know are ignored). Blank
 * variables take their defaults. Throws AppError CONFIG_INVALID naming every bad variable;
 * values are never echoed.
 */
export function loadConfig(env: Environment): Config {
  // A blank variable (`PORT=` in a copied .env.example) means "use the default".
  const given: Record<string, string> = {};
  for (const name of OPTION_NAMES) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '') given[name] = value;
  }
  const parsed = environmentSchema.safeParse(given);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
  problems.push(...crossProblems(given));
  if (!parsed.success || problems.length > 0) throw new AppError('CONFIG_INVALID', problems.join('; '));
  const { LLM_BASE_URL, LLM_API_KEY, LLM_MODEL, LLM_TIMEOUT_MS, EMBEDDER, EMBEDDING_MODEL, ...rest } = parsed.data;
  const llm = LLM_BASE_URL && LLM_MODEL
    ? Object.freeze({
      baseUrl: withV1(LLM_BASE_URL),
      model: LLM_MODEL,
      ...(LLM_API_KEY ? { apiKey: LLM_API_KEY } : {}),
      ...(LLM_TIMEOUT_MS !== undefined ? { timeoutMs: LLM_TIMEOUT_MS } : {}),
    })
    : undefined;
  const embedder: EmbedderChoice = EMBEDDER === 'transformers' ? { kind: 'transformers', model: EMBEDDING_MODEL! } : { kind: 'lsa' };
  Object.freeze(rest.CORS_ORIGINS);
  Object.freeze(rest.CORPUS_PATHS);
  return Object.freeze({ ...rest, ...(llm ? { llm } : {}), embedder: Object.freeze(embedder) });
}
