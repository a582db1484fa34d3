import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.ts';
import { REPO_ROOT } from '../eval/paths.ts';
import { CONFIG_VARIABLES, loadConfig } from './config.ts';

describe('server configuration', () => {
  it('has working defaults for a fresh machine', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, HOST: '127.0.0.1', INDEX_DIR: 'data/index', CORS_ORIGINS: [], RATE_LIMIT_PER_IP: 60, SKIP_START_INGEST: false, EMBEDDER: 'lsa' });
    expect(c.llm).toBeUndefined();
  });

  it('parses lists, numbers and booleans; blank values mean the default', () => {
    const c = loadConfig({ PORT: '8080', CORS_ORIGINS: 'https://a.gov.vn, https://b.gov.vn', CORPUS_PATHS: ' x.jsonl ,, y ', SKIP_START_INGEST: '1', RATE_LIMIT_PER_IP: '' });
    expect(c.PORT).toBe(8080);
    expect(c.CORS_ORIGINS).toEqual(['https://a.gov.vn', 'https://b.gov.vn']);
    expect(c.CORPUS_PATHS).toEqual(['x.jsonl', 'y']);
    expect(c.SKIP_START_INGEST).toBe(true);
    expect(c.RATE_LIMIT_PER_IP).toBe(60);
  });

  it('names every bad variable at once and never echoes a secret', () => {
    let err: unknown;
    try {
      loadConfig({ PORT: 'abc', CORS_ORIGINS: 'not an origin', SERVER_SECRET: 'short-secret', LLM_BASE_URL: 'http://llm:8000', LOG_LEVEL: 'loud' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    const e = err as AppError;
    expect(e.code).toBe('CONFIG_INVALID');
    for (const name of ['PORT', 'CORS_ORIGINS', 'SERVER_SECRET', 'LOG_LEVEL', 'LLM_MODEL']) expect(e.message).toContain(name);
    expect(e.message).not.toContain('short-secret');
  });

  it('is fully documented in .env.example', () => {
    const example = readFileSync(join(REPO_ROOT, '.env.example'), 'utf8');
    const listed = new Set([...example.matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    for (const name of [...CONFIG_VARIABLES, 'LLM_BASE_URL', 'LLM_API_KEY', 'LLM_MODEL', 'LLM_TIMEOUT_MS']) expect(listed, name).toContain(name);
  });
});
