import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.ts';
import { loadConfig, type Environment } from './config.ts';

function problemsOf(env: Environment): AppError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('loadConfig accepted a bad environment');
}

describe('loadConfig', () => {
  it('has working defaults for a fresh machine', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      PORT: 3000, HOST: '127.0.0.1', INDEX_DIR: 'data/index', CORS_ORIGINS: [], RATE_LIMIT_PER_IP: 60, SKIP_START_INGEST: false,
      AUDIT_DIR: 'data/audit', AUDIT_RETENTION_DAYS: 365, embedder: { kind: 'lsa' },
    });
    expect(c.llm).toBeUndefined();
    expect(c.SHARED_DIR).toBeUndefined();
  });

  it('parses lists, numbers and booleans; blank values mean the default', () => {
    const c = loadConfig({ PORT: '8080', CORS_ORIGINS: 'https://a.gov.vn, https://b.gov.vn', CORPUS_PATHS: ' x.jsonl ,, y ', SKIP_START_INGEST: '1', RATE_LIMIT_PER_IP: '' });
    expect(c.PORT).toBe(8080);
    expect(c.CORS_ORIGINS).toEqual(['https://a.gov.vn', 'https://b.gov.vn']);
    expect(c.CORPUS_PATHS).toEqual(['x.jsonl', 'y']);
    expect(c.SKIP_START_INGEST).toBe(true);
    expect(c.RATE_LIMIT_PER_IP).toBe(60);
  });

  it('freezes what it returns, nested settings included', () => {
    const c = loadConfig({ LLM_BASE_URL: 'http://h/v1', LLM_MODEL: 'm', CORS_ORIGINS: 'https://a.gov.vn' });
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.llm)).toBe(true);
    expect(Object.isFrozen(c.embedder)).toBe(true);
    expect(Object.isFrozen(c.CORS_ORIGINS)).toBe(true);
  });

  it('ignores variables it does not know', () => {
    expect(loadConfig({ PATH: '/usr/bin', HOME: '/root', PORT: '4000' }).PORT).toBe(4000);
    expect(loadConfig({ PATH: '/usr/bin' })).not.toHaveProperty('PATH');
  });

  it('names every bad variable at once and never echoes a secret', () => {
    const e = problemsOf({ PORT: 'abc', CORS_ORIGINS: 'not an origin', SERVER_SECRET: 'short-secret', LLM_BASE_URL: 'http://llm:8000', LOG_LEVEL: 'loud', EMBEDDER: 'hashing' });
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.category).toBe('system');
    for (const name of ['PORT', 'CORS_ORIGINS', 'SERVER_SECRET', 'LOG_LEVEL', 'LLM_MODEL', 'EMBEDDER']) expect(e.message).toContain(name);
    expect(e.message).not.toContain('short-secret');
  });
});

describe('loadConfig: the LLM settings', () => {
  it('means no LLM when LLM_BASE_URL is unset or blank', () => {
    expect(loadConfig({}).llm).toBeUndefined();
    expect(loadConfig({ LLM_BASE_URL: '  ', LLM_MODEL: 'qwen2.5' }).llm).toBeUndefined();
  });

  it('gathers every LLM variable', () => {
    const c = loadConfig({ LLM_BASE_URL: 'http://10.0.0.5:8000/v1', LLM_API_KEY: 'sk-local', LLM_MODEL: 'qwen2.5-7b-instruct', LLM_TIMEOUT_MS: '15000' });
    expect(c.llm).toEqual({ baseUrl: 'http://10.0.0.5:8000/v1', apiKey: 'sk-local', model: 'qwen2.5-7b-instruct', timeoutMs: 15000 });
    expect(c).not.toHaveProperty('LLM_API_KEY');
  });

  it('adds /v1 to a bare host URL and leaves other paths alone', () => {
    expect(loadConfig({ LLM_BASE_URL: 'http://localhost:11434/', LLM_MODEL: 'llama3' }).llm?.baseUrl).toBe('http://localhost:11434/v1');
    expect(loadConfig({ LLM_BASE_URL: 'http://llm.local/openai/v1/', LLM_MODEL: 'm' }).llm?.baseUrl).toBe('http://llm.local/openai/v1');
  });

  it('lists every problem at once, without the key', () => {
    const e = problemsOf({ LLM_BASE_URL: 'ftp://x', LLM_API_KEY: 'sk-very-secret', LLM_TIMEOUT_MS: 'soon' });
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toContain('LLM_BASE_URL must use http or https');
    expect(e.message).toContain('LLM_TIMEOUT_MS must be a number');
    expect(e.message).toContain('LLM_MODEL is required when LLM_BASE_URL is set');
    expect(e.message).not.toContain('sk-very-secret');
  });

  it('reports a base URL that is not a URL', () => {
    expect(problemsOf({ LLM_BASE_URL: 'localhost 8000', LLM_MODEL: 'm' }).message).toMatch(/LLM_BASE_URL must be an http\(s\) URL/);
  });

  it('rejects a timeout that is not a whole positive number of milliseconds', () => {
    expect(problemsOf({ LLM_BASE_URL: 'http://h/v1', LLM_MODEL: 'm', LLM_TIMEOUT_MS: '2.5' }).message).toMatch(/LLM_TIMEOUT_MS must be a whole number/);
    expect(problemsOf({ LLM_BASE_URL: 'http://h/v1', LLM_MODEL: 'm', LLM_TIMEOUT_MS: '0' }).message).toMatch(/at least 100/);
  });
});

describe('loadConfig: the embedder', () => {
  it('builds new indexes with the transformers model EMBEDDING_MODEL names', () => {
    expect(loadConfig({ EMBEDDER: 'transformers', EMBEDDING_MODEL: '/models/e5-small' }).embedder).toEqual({ kind: 'transformers', model: '/models/e5-small' });
  });

  it('requires a model for the transformers embedder', () => {
    expect(problemsOf({ EMBEDDER: 'transformers' }).message).toContain('EMBEDDING_MODEL is required when EMBEDDER=transformers');
  });

  it('accepts only the embedders the registry can build', () => {
    expect(problemsOf({ EMBEDDER: 'hashing' }).message).toMatch(/^CONFIG_INVALID: EMBEDDER /);
  });
});
