/**
 * The assistant use cases behind `/api/search` and `/api/chat` (and the `ask` CLI, eval
 * and the red team): role-aware search, and chat with per-conversation context under the
 * usage policy, every exchange audited. The transports reach chat through
 * server/chat-use-case.ts (time limit, cancellation, metrics, outcome codes).
 */
import { randomUUID } from 'node:crypto';
import type { Audience, Citation } from '../core/model.ts';
import type { Answerer, ConversationContext, RefusalReason, Role } from '../core/answer/types.ts';
import type { Corpus } from '../core/search/types.ts';
import type { AuditRecord, AuditSink } from '../core/audit/types.ts';
import { scopeFor } from '../core/answer/retrieve/scope.ts';
import { vietnamDay } from '../core/inforce/standing.ts';
import { recordingCorpus } from './answer/recording-corpus.ts';
import { dropRelayedInstructions, guardAnswer, guardQuestion, REFERENCE_NOTE } from '../core/guard/guard.ts';

/** `/api/search` request and response (DESIGN.md). */
export interface SearchRequest {
  query: string;
  k?: number;
}
export interface SearchResponse {
  results: Array<{ docId: string; sourceId: string; title: string; section: string; score: number; text: string }>;
}

/** `/api/chat` request and response (DESIGN.md). */
export interface ChatRequest {
  message: string;
  conversationId?: string;
}
export interface ChatResponse {
  answer: string;
  citations: Citation[];
  refused: boolean;
  reason?: RefusalReason;
  conversationId: string;
  notices: string[];
  /** Id of the audit record of this exchange (feedback refers to it). */
  exchangeId: string;
}

/** Which audiences a role may see: citizens only public documents. */
export function audiencesFor(role: Role): Audience[] {
  return scopeFor(role).audiences;
}

/** Conversation contexts kept in memory, least recently used dropped past `max`. */
class Conversations {
  private readonly map = new Map<string, { role: Role; context: ConversationContext }>();
  constructor(private readonly max = 10_000) {}

  get(id: string, role: Role): ConversationContext | undefined {
    const entry = this.map.get(id);
    // A conversation is bound to the role that started it: a citizen cannot continue an official's.
    if (!entry || entry.role !== role) return undefined;
    this.map.delete(id);
    this.map.set(id, entry);
    return entry.context;
  }

  set(id: string, role: Role, context: ConversationContext): void {
    this.map.delete(id);
    this.map.set(id, { role, context });
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }
}

export interface AssistantOptions {
  /** Where every exchange is recorded (the audit trail); none in tests that do not need it. */
  audit?: AuditSink;
  /** Told of every exchange after it is audited (metrics). */
  observe?: (record: AuditRecord) => void;
  now?: () => Date;
}

/** Who is asking: the role and a pseudonymous user id (never a raw token or IP). */
export interface Asker {
  role: Role;
  user?: string;
}

/** One chat exchange: who asks, where the answer streams, and what stops it. */
export interface ChatOptions extends Asker {
  /** Receives the answer as it is produced (filtered like the final answer). */
  onToken?: (text: string) => void;
  /**
   * Stops the answer; the exchange is audited as an error whose reason is the abort
   * reason's `code` (CANCELLED when it has none) and the reason is thrown.
   */
  signal?: AbortSignal;
}

/** The audit reason of an exchange stopped by `signal`. */
function abortCode(signal: AbortSignal): string {
  const code = (signal.reason as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : 'CANCELLED';
}

export class Assistant {
  private readonly conversations = new Conversations();

  private readonly corpusOf: () => Corpus;

  /**
   * `corpus` may be a function returning the index currently served: the server swaps
   * indexes after a re-index while conversations live on. Each exchange reads it once, so
   * one answer never mixes two indexes.
   */
  constructor(
    corpus: Corpus | (() => Corpus),
    private readonly answerer: Answerer,
    private readonly opts: AssistantOptions = {},
  ) {
    this.corpusOf = typeof corpus === 'function' ? corpus : () => corpus;
  }

  async search(req: SearchRequest, role: Role): Promise<SearchResponse> {
    const { question } = guardQuestion(req.query);
    const hits = await this.corpusOf().search(question, { k: Math.min(Math.max(req.k ?? 10, 1), 50), audiences: audiencesFor(role) });
    return { results: hits.map((h) => ({ docId: h.docId, sourceId: h.sourceId, title: h.title, section: h.section, score: h.score, text: h.text })) };
  }

  /**
   * One exchange under the usage policy: redact personal data, refuse what the policy
   * refuses, answer from the role's documents, keep the asker's data out of the answer,
   * add the reference note for citizens, and audit it.
   */
  async chat(req: ChatRequest, opts: ChatOptions): Promise<ChatResponse> {
    const { role, onToken, signal } = opts;
    const started = performance.now();
    const time = (this.opts.now?.() ?? new Date()).toISOString();
    const conversationId = req.conversationId ?? randomUUID();
    const exchangeId = randomUUID();
    const guarded = guardQuestion(req.message);
    const decisions = [...guarded.decisions];
    let response: ChatResponse;
    let answerer: 'extractive' | 'llm' | undefined;
    let retrieved: Array<{ docId: string; score: number }> = [];
    if (guarded.refusal) {
      onToken?.(guarded.refusal.message);
      response = { answer: guarded.refusal.message, citations: [], refused: true, reason: guarded.refusal.reason, conversationId, notices: [], exchangeId };
    } else {
      const context = this.conversations.get(conversationId, role);
      const request = { question: guarded.question, role, asOf: vietnamDay(new Date(time)), ...(context ? { context } : {}) };
      const recorder = recordingCorpus(this.corpusOf());
      // What streams is filtered like the final answer: no relayed document instructions.
      const emit = onToken ? (text: string) => {
        const clean = dropRelayedInstructions(text).answer;
        if (clean) onToken(clean);
      } : undefined;
      let result;
      try {
        result = emit && this.answerer.stream
          ? await this.answerer.stream(request, recorder.corpus, emit, signal)
          : await this.answerer.answer(request, recorder.corpus, signal);
        // An answerer may finish without looking at the signal (the extractive one is CPU work): stopped is stopped.
        signal?.throwIfAborted();
      } catch (err) {
        // A failed or cancelled exchange is audited too, then reported to the caller.
        await this.audit({
          id: exchangeId, time, role, user: opts.user ?? 'anonymous', conversationId, question: guarded.question,
          retrieved: recorder.retrieved(), decisions, outcome: 'error',
          reason: signal?.aborted ? abortCode(signal) : (err as { code?: string }).code ?? 'INTERNAL',
          answerChars: 0, citations: [], latencyMs: Math.round(performance.now() - started),
        });
        throw err;
      }
      retrieved = result.retrieved ?? recorder.retrieved();
      if (emit && !this.answerer.stream) emit(result.answer);
      this.conversations.set(conversationId, role, result.context);
      const relayed = dropRelayedInstructions(result.answer);
      decisions.push(relayed.dropped
        ? { guard: 'document-instructions', action: 'redact', reason: `${relayed.dropped} sentence(s)` }
        : { guard: 'document-instructions', action: 'allow' });
      const citations = relayed.dropped ? result.citations.filter((c) => relayed.usedMarkers.has(c.n)) : result.citations;
      const safe = guardAnswer(relayed.answer, guarded.personalValues);
      decisions.push(safe.decision);
      answerer = result.answerer;
      const notices = role === 'citizen' && !result.refused ? [...result.notices, REFERENCE_NOTE] : result.notices;
      response = {
        answer: safe.answer, citations, refused: result.refused,
        ...(result.reason ? { reason: result.reason } : {}), conversationId, notices, exchangeId,
      };
    }
    const record: AuditRecord = {
      id: exchangeId, time, role, user: opts.user ?? 'anonymous', conversationId,
      question: guarded.question,
      retrieved,
      decisions,
      outcome: response.refused ? 'refused' : 'answered',
      ...(response.reason ? { reason: response.reason } : {}),
      answerChars: response.answer.length,
      citations: response.citations.map((c) => c.docId),
      latencyMs: Math.round(performance.now() - started),
      ...(answerer ? { answerer } : {}),
    };
    await this.audit(record);
    return response;
  }

  private async audit(record: AuditRecord): Promise<void> {
    await this.opts.audit?.append(record);
    this.opts.observe?.(record);
  }
}
