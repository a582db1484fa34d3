/**
 * The assistant use cases behind `/api/search` and `/api/chat` (and the `ask` CLI, eval
 * and the red team): role-aware search, and chat with per-conversation context under the
 * usage policy, every exchange audited. The transports reach chat through
 * server/chat-use-case.ts (time limit, cancellation, metrics, outcome codes).
 */
import { randomUUID } from 'node:crypto';
import type { Audience, Citation } from '../core/model.ts';
import type { Answerer, NearestDocument, RefusalReason, Role } from '../core/answer/types.ts';
import type { Corpus } from '../core/search/types.ts';
import type { AuditRecord, AuditSink } from '../core/audit/types.ts';
import { scopeFor } from '../core/answer/retrieve/scope.ts';
import { groupHits } from '../core/search/group-hits.ts';
import { vietnamDay } from '../core/answer/as-of.ts';
import { recordingCorpus } from './answer/recording-corpus.ts';
import { LocalConversations } from './cluster/conversations.ts';
import type { ConversationStore } from './cluster/ports.ts';
import { dropRelayedInstructions, guardAnswer, guardQuestion, PERSONAL_DATA_HIDDEN_NOTICE, REFERENCE_NOTE, refusalAfterDroppedInstructions } from '../core/guard/guard.ts';
import { RelayedInstructionStream } from '../core/guard/relayed-instruction-stream.ts';
import { withoutPlantedInstructions } from '../core/guard/planted-instructions.ts';
import { draftIntent } from '../core/drafting/intent.ts';
import { DRAFT_MESSAGES } from '../core/drafting/rules.ts';

/** `/api/search` request and response (DESIGN.md). */
export interface SearchRequest {
  query: string;
  k?: number;
}
export interface SearchResponse {
  results: Array<{
    docId: string; sourceId: string; title: string; section: string; score: number; text: string;
    /** The source's other passages among the hits, best first. */
    passages?: Array<{ section: string; score: number; text: string }>;
  }>;
}

/** Hits asked of the search per result wanted, so that k sources remain once grouped. Measured on ALQAC (docs/BENCHMARKS.md). */
export const SEARCH_HITS_PER_RESULT = 4;
/** Most further passages shown under one result. */
export const SEARCH_PASSAGES_PER_RESULT = 3;

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
  /** For an official's refusal: the nearest indexed documents, to open and read. */
  nearest?: NearestDocument[];
  /** Id of the audit record of this exchange (feedback refers to it). */
  exchangeId: string;
}

/** Which audiences a role may see: citizens only public documents. */
export function audiencesFor(role: Role): Audience[] {
  return scopeFor(role).audiences;
}

export interface AssistantOptions {
  /** Where every exchange is recorded (the audit trail); none in tests that do not need it. */
  audit?: AuditSink;
  /** Told of every exchange after it is audited (metrics). */
  observe?: (record: AuditRecord) => void;
  /** Where conversation contexts are kept (default: this process; with REDIS_URL, shared by the nodes). */
  conversations?: ConversationStore;
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

/**
 * The citations as `role` may read them: a quoted passage loses its planted instructions
 * (core/guard/planted-instructions.ts) for everyone but admins.
 */
function quotedForRole(citations: readonly Citation[], role: Role): Citation[] {
  if (role === 'admin') return [...citations];
  return citations.map((c) => {
    const { text, removed } = withoutPlantedInstructions(c.quote);
    return removed ? { ...c, quote: text } : c;
  });
}

/** The audit reason of an exchange stopped by `signal`. */
function abortCode(signal: AbortSignal): string {
  const code = (signal.reason as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : 'CANCELLED';
}

export class Assistant {
  private readonly conversations: ConversationStore;

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
    this.conversations = opts.conversations ?? new LocalConversations();
  }

  /**
   * The best `k` sources for a query, each once at the rank of its best passage, with its
   * other passages found (core/search/group-hits.ts): a document or law article that brings
   * several chunks takes one place, so k results are k sources.
   */
  async search(req: SearchRequest, role: Role): Promise<SearchResponse> {
    const { question } = guardQuestion(req.query);
    const k = Math.min(Math.max(req.k ?? 10, 1), 50);
    const corpus = this.corpusOf();
    const found = await corpus.search(question, { k: k * SEARCH_HITS_PER_RESULT, audiences: audiencesFor(role) });
    // Passages planted with instructions are shown to admins only (they see the flags in the document view).
    const hits = role === 'admin' ? found : found
      .map((h) => ({ ...h, text: withoutPlantedInstructions(h.text, corpus.chunk(h.label)?.instructionFlags).text }))
      .filter((h) => h.text !== '');
    return {
      results: groupHits(hits, k, SEARCH_PASSAGES_PER_RESULT).map(({ best: h, others }) => ({
        docId: h.docId, sourceId: h.sourceId, title: h.title, section: h.section, score: h.score, text: h.text,
        ...(others.length > 0 ? { passages: others.map((o) => ({ section: o.section, score: o.score, text: o.text })) } : {}),
      })),
    };
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
      const context = await this.conversations.get(conversationId, role);
      const request = { question: guarded.question, role, ...(context ? { context } : {}), asOf: vietnamDay(new Date(time)) };
      const recorder = recordingCorpus(this.corpusOf());
      // What streams is filtered like the final answer: each sentence is judged before it is
      // shown, so a relayed document instruction is never streamed, then taken back.
      const relayStream = new RelayedInstructionStream();
      const show = onToken ? (text: string) => {
        if (text) onToken(guardAnswer(text, guarded.personalValues).answer);
      } : undefined;
      const emit = show ? (text: string) => show(relayStream.push(text)) : undefined;
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
      await this.conversations.set(conversationId, role, result.context);
      const relayed = dropRelayedInstructions(result.answer);
      const relayRefusal = refusalAfterDroppedInstructions(relayed);
      const kinds = relayed.categories.join(',');
      decisions.push(relayed.dropped
        ? { guard: 'document-instructions', action: relayRefusal ? 'refuse' : 'redact', reason: `${relayed.dropped} sentence(s): ${kinds}` }
        : { guard: 'document-instructions', action: 'allow' });
      answerer = result.answerer;
      if (relayRefusal) {
        // Nothing of this answer was shown (the stream holds back until a kept sentence says something).
        relayStream.end();
        onToken?.(relayRefusal.message);
        response = { answer: relayRefusal.message, citations: [], refused: true, reason: relayRefusal.reason, conversationId, notices: [], exchangeId };
      } else {
        show?.(relayStream.end());
        const citations = quotedForRole(relayed.dropped ? result.citations.filter((c) => relayed.usedMarkers.has(c.n)) : result.citations, role);
        const safe = guardAnswer(relayed.answer, guarded.personalValues);
        decisions.push(safe.decision);
        const notices = role === 'citizen' && !result.refused ? [...result.notices, REFERENCE_NOTE] : [...result.notices];
        if (guarded.personalValues.length > 0) notices.unshift(PERSONAL_DATA_HIDDEN_NOTICE);
        // An official's drafting request sent to chat: say where drafts are made (the widget routes it there itself).
        if (role !== 'citizen' && draftIntent(guarded.question)) notices.push(DRAFT_MESSAGES.draftRequestInChat);
        response = {
          answer: safe.answer, citations, refused: result.refused,
          ...(result.reason ? { reason: result.reason } : {}), conversationId, notices,
          ...(result.nearest?.length ? { nearest: result.nearest } : {}), exchangeId,
        };
      }
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
