import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { createAnswerer, llmConfigFromEnv } from './config.ts';

describe('llmConfigFromEnv', () => {
  it('means no LLM when LLM_BASE_URL is unset or blank', () => {
    expect(llmConfigFromEnv({})).toBeUndefined();
    expect(llmConfigFromEnv({ LLM_BASE_URL: '  ', LLM_MODEL: 'qwen2.5' })).toBeUndefined();
  });

  it('reads every variable and freezes the result', () => {
    const config = llmConfigFromEnv({
      LLM_BASE_URL: 'http://10.0.0.5:8000/v1', LLM_API_KEY: 'sk-local', LLM_MODEL: 'qwen2.5-7b-instruct', LLM_TIMEOUT_MS: '15000',
    });
    expect(config).toEqual({ baseUrl: 'http://10.0.0.5:8000/v1', apiKey: 'sk-local', model: 'qwen2.5-7b-instruct', timeoutMs: 15000 });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('adds /v1 to a bare host URL and leaves other paths alone', () => {
    expect(llmConfigFromEnv({ LLM_BASE_URL: 'http://localhost:11434/', LLM_MODEL: 'llama3' })?.baseUrl).toBe('http://localhost:11434/v1');
    expect(llmConfigFromEnv({ LLM_BASE_URL: 'http://llm.local/openai/v1/', LLM_MODEL: 'm' })?.baseUrl).toBe('http://llm.local/openai/v1');
  });

  it('lists every problem at once, without the key', () => {
    let caught: unknown;
    try {
      llmConfigFromEnv({ LLM_BASE_URL: 'ftp://x', LLM_API_KEY: 'sk-very-secret', LLM_TIMEOUT_MS: 'soon' });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AppError);
    const err = caught as AppError;
    expect(err.code).toBe('CONFIG_INVALID');
    expect(err.category).toBe('system');
    expect(err.message).toContain('LLM_BASE_URL must use http or https');
    expect(err.message).toContain('LLM_TIMEOUT_MS must be a number');
    expect(err.message).toContain('LLM_MODEL is required when LLM_BASE_URL is set');
    expect(err.message).not.toContain('sk-very-secret');
  });

  it('reports a base URL that is not a URL', () => {
    expect(() => llmConfigFromEnv({ LLM_BASE_URL: 'localhost 8000', LLM_MODEL: 'm' })).toThrow(/LLM_BASE_URL must be an http\(s\) URL/);
  });

  it('rejects a timeout that is not a whole positive number of milliseconds', () => {
    expect(() => llmConfigFromEnv({ LLM_BASE_URL: 'http://h/v1', LLM_MODEL: 'm', LLM_TIMEOUT_MS: '2.5' })).toThrow(/LLM_TIMEOUT_MS must be a whole number/);
    expect(() => llmConfigFromEnv({ LLM_BASE_URL: 'http://h/v1', LLM_MODEL: 'm', LLM_TIMEOUT_MS: '0' })).toThrow(/at least 100/);
  });
});

describe('createAnswerer', () => {
  it('uses the extractive answerer when no LLM is configured', () => {
    expect(createAnswerer({}).name).toBe('extractive');
  });

  it('uses the LLM answerer when LLM_BASE_URL is set', () => {
    expect(createAnswerer({ LLM_BASE_URL: 'http://127.0.0.1:9/v1', LLM_MODEL: 'm' }).name).toBe('llm');
  });
});
