/**
 * Which answerer the server uses, from the environment: an LLM when `LLM_BASE_URL` is set
 * (with the extractive answerer as its fallback), else the extractive answerer alone.
 */
import { z } from 'zod';
import { ExtractiveAnswerer } from '../../core/answer/extractive-answerer.ts';
import type { Answerer } from '../../core/answer/types.ts';
import { AppError } from '../../core/errors.ts';
import { LlmAnswerer } from './llm-answerer.ts';

/** The LLM settings, validated and frozen. */
export interface LlmConfig {
  /** Base URL ending in `/v1` (added when the URL has no path). */
  baseUrl: string;
  apiKey?: string;
  model: string;
  timeoutMs?: number;
}

/** True for http(s) URLs; unparsable ones pass here because `.url()` already reports them. */
function isHttpOrUnparsable(url: string): boolean {
  try {
    return /^https?:$/.test(new URL(url).protocol);
  } catch {
    return true;
  }
}

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const schema = z.object({
  LLM_BASE_URL: z.preprocess(blankToUndefined, z.string().trim().url('must be an http(s) URL such as http://localhost:8000/v1')
    .refine(isHttpOrUnparsable, 'must use http or https').optional()),
  LLM_API_KEY: z.preprocess(blankToUndefined, z.string().optional()),
  LLM_MODEL: z.preprocess(blankToUndefined, z.string().trim().optional()),
  LLM_TIMEOUT_MS: z.preprocess(blankToUndefined, z.coerce.number({ invalid_type_error: 'must be a number' })
    .int('must be a whole number of milliseconds').min(100, 'must be at least 100').max(600_000, 'must be at most 600000').optional()),
});

function withV1(url: string): string {
  const u = new URL(url);
  if (u.pathname === '/' || u.pathname === '') u.pathname = '/v1';
  return u.toString().replace(/\/+$/, '');
}

/**
 * The LLM settings from `env`, or undefined when `LLM_BASE_URL` is unset (no LLM).
 * Throws AppError CONFIG_INVALID listing every problem at once; the key never appears in it.
 */
export function llmConfigFromEnv(env: Record<string, string | undefined>): Readonly<LlmConfig> | undefined {
  const parsed = schema.safeParse({
    LLM_BASE_URL: env.LLM_BASE_URL, LLM_API_KEY: env.LLM_API_KEY, LLM_MODEL: env.LLM_MODEL, LLM_TIMEOUT_MS: env.LLM_TIMEOUT_MS,
  });
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
  // Checked apart from the schema so it is reported even when another field is invalid.
  if (env.LLM_BASE_URL?.trim() && !env.LLM_MODEL?.trim()) problems.push('LLM_MODEL is required when LLM_BASE_URL is set');
  if (!parsed.success || problems.length > 0) throw new AppError('CONFIG_INVALID', problems.join('; '));
  const { LLM_BASE_URL, LLM_API_KEY, LLM_MODEL, LLM_TIMEOUT_MS } = parsed.data;
  if (!LLM_BASE_URL || !LLM_MODEL) return undefined;
  return Object.freeze({
    baseUrl: withV1(LLM_BASE_URL),
    model: LLM_MODEL,
    ...(LLM_API_KEY ? { apiKey: LLM_API_KEY } : {}),
    ...(LLM_TIMEOUT_MS !== undefined ? { timeoutMs: LLM_TIMEOUT_MS } : {}),
  });
}

/**
 * The answerer `env` asks for: an {@link LlmAnswerer} falling back to the extractive
 * answerer when `LLM_BASE_URL` is set, else the extractive answerer alone. Throws AppError
 * CONFIG_INVALID as {@link llmConfigFromEnv} does.
 */
export function createAnswerer(env: Record<string, string | undefined>): Answerer {
  const extractive = new ExtractiveAnswerer();
  const llm = llmConfigFromEnv(env);
  return llm ? new LlmAnswerer({ ...llm, fallback: extractive }) : extractive;
}
