/**
 * Grounded answers from an LLM served on premises (any OpenAI-compatible endpoint: vLLM,
 * llama.cpp server, Ollama). Retrieval decides what the model may see; the reply is
 * checked sentence by sentence against those passages (core/answer/ground/validate.ts); when the
 * model is slow, down or says nothing usable, the injected fallback answers instead.
 */
import type { ChatOpenAI } from '@langchain/openai';
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import type { AnswerRequest, AnswerResult, Answerer } from '../../core/answer/types.ts';
import { statusNotices } from '../../core/answer/ground/notices.ts';
import { inForceNotices } from '../../core/answer/ground/inforce-notices.ts';
import { StreamingValidator } from '../../core/answer/ground/validate.ts';
import { MESSAGES } from '../../core/errors.ts';
import type { Corpus } from '../../core/search/types.ts';
import { audiencesFor } from '../assistant.ts';
import { loadPromptTemplate, renderPrompt, type PromptTemplate } from './prompt.ts';
import { offerSources } from './sources.ts';
import { chunkText, createChatModel } from './chat-model.ts';

/** Why the fallback answered; for logs (no question text, no key). */
export type FallbackReason = 'timeout' | 'http_error' | 'error' | 'empty' | 'invalid';

/** A log entry: ids, counts and reasons only. */
export type LlmAnswerEvent =
  | { event: 'llm_answer'; ms: number; sources: number; cited: number; dropped: number; invalidMarkers: number }
  | { event: 'llm_fallback'; reason: FallbackReason; ms: number; status?: number };

export interface LlmAnswererOptions {
  /** OpenAI-compatible base URL including `/v1`, e.g. `http://localhost:8000/v1`. */
  baseUrl: string;
  apiKey?: string;
  model: string;
  /** Whole-request limit, streaming included. Default 20000. */
  timeoutMs?: number;
  /** Default 0: the answer should repeat the sources, not vary them. */
  temperature?: number;
  maxTokens?: number;
  /** Passages offered to the model. Default 5. */
  k?: number;
  /** Answers when retrieval finds nothing, or the model fails. */
  fallback: Answerer;
  /** Hits scoring below this are not offered. Default: every hit is. */
  minScore?: number;
  /** The prompt; default prompts/answer.vi.md. */
  prompt?: PromptTemplate;
  /** Receives one event per answer. */
  log?: (entry: LlmAnswerEvent) => void;
}

class ModelFailure extends Error {
  constructor(readonly reason: FallbackReason, readonly status?: number, options?: { cause?: unknown }) {
    super(reason, options);
  }
}

function httpStatus(err: unknown): number | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const status = (e as { status?: unknown }).status;
    if (typeof status === 'number') return status;
  }
  return undefined;
}

/** Short follow-ups (`Còn lệ phí thì sao?`) are searched together with the previous question. */
function retrievalQuery(req: AnswerRequest): string {
  const question = req.question.trim();
  const last = req.context?.lastQuestion?.trim();
  return last && question.split(/\s+/).length <= 6 ? `${last} ${question}` : question;
}

/** Whether `answer` repeats a line of the system prompt (30+ characters, spacing and case ignored). */
export function leaksPrompt(answer: string, system: string): boolean {
  const flat = (t: string) => t.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
  const text = flat(answer);
  return system.split(/\n+/).map((line) => flat(line.replace(/^\d+\.\s*/, ''))).filter((line) => line.length >= 30)
    .some((line) => text.includes(line.slice(0, 60)));
}

/**
 * Answers with an LLM over the passages retrieval allows the asker's role to see. Each
 * sentence is validated (unsupported facts and unknown markers dropped, markers
 * renumbered) before it is streamed to `onToken`, so the streamed text is the answer.
 */
export class LlmAnswerer implements Answerer {
  readonly name = 'llm' as const;
  private readonly chat: ChatOpenAI;
  private readonly prompt: PromptTemplate;
  private readonly k: number;
  private readonly timeoutMs: number;

  constructor(private readonly opts: LlmAnswererOptions) {
    this.k = opts.k ?? 5;
    this.timeoutMs = opts.timeoutMs ?? 20_000;
    this.prompt = opts.prompt ?? loadPromptTemplate();
    this.chat = createChatModel(opts);
  }

  answer(req: AnswerRequest, corpus: Corpus, signal?: AbortSignal): Promise<AnswerResult> {
    return this.run(req, corpus, undefined, signal);
  }

  stream(req: AnswerRequest, corpus: Corpus, onToken: (text: string) => void, signal?: AbortSignal): Promise<AnswerResult> {
    return this.run(req, corpus, onToken, signal);
  }

  private async run(req: AnswerRequest, corpus: Corpus, onToken?: (text: string) => void, signal?: AbortSignal): Promise<AnswerResult> {
    signal?.throwIfAborted();
    const question = req.question.trim();
    if (!question) return this.delegate(req, corpus, onToken, signal);
    const hits = (await corpus.search(retrievalQuery(req), { k: this.k, audiences: audiencesFor(req.role) }))
      .filter((h) => this.opts.minScore === undefined || h.score >= this.opts.minScore)
      .slice(0, this.k);
    signal?.throwIfAborted();
    // Nothing to ground an answer on: the fallback refuses in its own words.
    if (hits.length === 0) return this.delegate(req, corpus, onToken, signal);

    const sources = offerSources(hits, corpus);
    const messages = renderPrompt(this.prompt, sources.prompt, question);
    const started = Date.now();
    // Every sentence is checked before anyone sees it, streamed or not.
    const gate = new StreamingValidator(sources.citations, sources.texts);
    let leaked = false;
    let raw: string;
    try {
      raw = await this.complete(messages.system, messages.user, onToken ? (piece) => {
        const checkedPiece = gate.push(piece);
        // Nothing more is shown once a sentence repeats the system prompt (a fallback follows).
        if (leaked || !checkedPiece) return;
        if (leaksPrompt(checkedPiece, messages.system)) leaked = true;
        else onToken(checkedPiece);
      } : undefined, signal);
    } catch (err) {
      if (signal?.aborted) throw signal.reason;
      const failure = err instanceof ModelFailure ? err : new ModelFailure('error');
      return this.fallBack(req, corpus, failure, Date.now() - started, onToken, signal);
    }
    if (!raw.trim()) return this.fallBack(req, corpus, new ModelFailure('empty'), Date.now() - started, onToken, signal);
    if (onToken) {
      const rest = gate.end();
      if (rest && !leaked && !leaksPrompt(rest, messages.system)) onToken(rest);
    } else {
      gate.push(raw);
      gate.end();
    }
    // An answer that repeats the system prompt is a leak, whatever it cites.
    if (!gate.text || leaksPrompt(gate.text, messages.system)) return this.fallBack(req, corpus, new ModelFailure('invalid'), Date.now() - started, onToken, signal);
    const text = gate.text;
    const citations = gate.cited;
    const checked = { ok: gate.ok, droppedSentences: gate.droppedSentences, invalidMarkers: [...gate.invalidMarkers] };
    this.opts.log?.({
      event: 'llm_answer', ms: Date.now() - started, sources: hits.length, cited: citations.length,
      dropped: checked.droppedSentences.length, invalidMarkers: checked.invalidMarkers.length,
    });
    const focusDocIds = [...new Set(citations.map((c) => c.docId))];
    const cited = focusDocIds.map((id) => corpus.document(id)).filter((d) => d !== undefined);
    const result: AnswerResult = {
      answer: text,
      citations,
      refused: false,
      notices: [...(checked.ok ? [] : [MESSAGES.LLM_SENTENCES_DROPPED]), ...statusNotices(cited, (id) => corpus.document(id)), ...inForceNotices(cited, req.asOf)],
      // A refusal keeps the previous focus, so a later follow-up still has a subject.
      context: { focusDocIds: focusDocIds.length > 0 ? focusDocIds : (req.context?.focusDocIds ?? []), lastQuestion: question, ...(req.context?.lastIntent ? { lastIntent: req.context.lastIntent } : {}) },
      answerer: 'llm',
    };
    // A reply citing nothing is the model saying the sources do not answer the question.
    if (citations.length === 0) {
      result.refused = true;
      result.reason = 'NO_SOURCE';
    }
    return result;
  }

  /** The model's reply, streamed to `onToken` when given; throws ModelFailure. */
  private async complete(system: string, user: string, onToken: ((text: string) => void) | undefined, signal?: AbortSignal): Promise<string> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const messages = [new SystemMessage(system), new HumanMessage(user)];
    try {
      if (!onToken) return chunkText((await this.chat.invoke(messages, { signal: combined })).content);
      let text = '';
      for await (const chunk of await this.chat.stream(messages, { signal: combined })) {
        const piece = chunkText(chunk.content);
        if (!piece) continue;
        text += piece;
        onToken(piece);
      }
      return text;
    } catch (err) {
      if (timeout.aborted && !signal?.aborted) throw new ModelFailure('timeout', undefined, { cause: err });
      const status = httpStatus(err);
      throw new ModelFailure(status ? 'http_error' : 'error', status, { cause: err });
    }
  }

  private async fallBack(
    req: AnswerRequest, corpus: Corpus, failure: ModelFailure, ms: number,
    onToken?: (text: string) => void, signal?: AbortSignal,
  ): Promise<AnswerResult> {
    this.opts.log?.({ event: 'llm_fallback', reason: failure.reason, ms, ...(failure.status ? { status: failure.status } : {}) });
    const result = await this.delegate(req, corpus, onToken, signal);
    const notice = failure.reason === 'invalid' ? MESSAGES.LLM_OUTPUT_REJECTED : MESSAGES.LLM_UNAVAILABLE;
    return { ...result, notices: [notice, ...result.notices] };
  }

  private async delegate(req: AnswerRequest, corpus: Corpus, onToken?: (text: string) => void, signal?: AbortSignal): Promise<AnswerResult> {
    const { fallback } = this.opts;
    if (!onToken) return fallback.answer(req, corpus);
    if (fallback.stream) return fallback.stream(req, corpus, onToken, signal);
    const result = await fallback.answer(req, corpus);
    onToken(result.answer);
    return result;
  }
}
