/**
 * Which answerer serves: an LLM when one is configured (LLM_BASE_URL, with the extractive
 * answerer as its fallback), else the extractive answerer alone.
 */
import { ExtractiveAnswerer } from '../../core/answer/extractive-answerer.ts';
import type { Answerer } from '../../core/answer/types.ts';
import type { LlmConfig } from '../../config/config.ts';
import { LlmAnswerer } from './llm-answerer.ts';

/** An {@link LlmAnswerer} falling back to the extractive answerer when `llm` is given, else the extractive answerer. */
export function createAnswerer(llm: Readonly<LlmConfig> | undefined): Answerer {
  const extractive = new ExtractiveAnswerer();
  return llm ? new LlmAnswerer({ ...llm, fallback: extractive }) : extractive;
}
