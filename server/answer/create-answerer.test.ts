import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.ts';
import { createAnswerer } from './create-answerer.ts';

describe('createAnswerer', () => {
  it('uses the extractive answerer when no LLM is configured', () => {
    expect(createAnswerer(loadConfig({}).llm).name).toBe('extractive');
  });

  it('uses the LLM answerer when LLM_BASE_URL is set', () => {
    expect(createAnswerer(loadConfig({ LLM_BASE_URL: 'http://127.0.0.1:9/v1', LLM_MODEL: 'm' }).llm).name).toBe('llm');
  });
});
