/**
 * The LangChain client for the configured OpenAI-compatible server (vLLM, llama.cpp
 * server, Ollama), shared by the answerer and the drafter, and the text of its replies.
 */
import { ChatOpenAI } from '@langchain/openai';
import type { BaseMessageChunk } from '@langchain/core/messages';
import type { LlmConfig } from '../../config/config.ts';

export interface ChatModelOptions extends Pick<LlmConfig, 'baseUrl' | 'model' | 'apiKey'> {
  temperature?: number;
  maxTokens?: number;
}

export function createChatModel(opts: ChatModelOptions): ChatOpenAI {
  return new ChatOpenAI({
    model: opts.model,
    // OpenAI's client insists on a key; local servers ignore it. Never read from OPENAI_API_KEY.
    apiKey: opts.apiKey ?? 'no-key',
    configuration: { baseURL: opts.baseUrl },
    temperature: opts.temperature ?? 0,
    ...(opts.maxTokens !== undefined ? { maxTokens: opts.maxTokens } : {}),
    // Callers fall back to the extractive path on failure: a retry would only push past their timeout.
    maxRetries: 0,
    // Older llama.cpp and vLLM builds reject `stream_options`.
    streamUsage: false,
  });
}

/** The text of a reply or stream chunk (string content or text parts). */
export function chunkText(content: BaseMessageChunk['content']): string {
  if (typeof content === 'string') return content;
  return content.map((part) => (typeof part === 'object' && part.type === 'text' && typeof part.text === 'string' ? part.text : '')).join('');
}
