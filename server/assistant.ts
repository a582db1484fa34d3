/**
 * The assistant use cases behind `/api/search` and `/api/chat` (and the `ask` CLI until
 * the server exists): role-aware search, and chat with per-conversation context.
 */
import { randomUUID } from 'node:crypto';
import type { Audience, Citation } from '../core/model.ts';
import type { Answerer, ConversationContext, RefusalReason, Role } from '../core/answer/types.ts';
import type { Corpus } from '../core/search/types.ts';

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
}

/** Which audiences a role may see: citizens only public documents. */
export function audiencesFor(role: Role): Audience[] {
  return role === 'citizen' ? ['public'] : ['public', 'internal'];
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

export class Assistant {
  private readonly conversations = new Conversations();

  constructor(
    private readonly corpus: Corpus,
    private readonly answerer: Answerer,
  ) {}

  async search(req: SearchRequest, role: Role): Promise<SearchResponse> {
    const hits = await this.corpus.search(req.query, { k: Math.min(Math.max(req.k ?? 10, 1), 50), audiences: audiencesFor(role) });
    return { results: hits.map((h) => ({ docId: h.docId, sourceId: h.sourceId, title: h.title, section: h.section, score: h.score, text: h.text })) };
  }

  async chat(req: ChatRequest, role: Role, onToken?: (text: string) => void, signal?: AbortSignal): Promise<ChatResponse> {
    const conversationId = req.conversationId ?? randomUUID();
    const context = this.conversations.get(conversationId, role);
    const request = { question: req.message, role, ...(context ? { context } : {}) };
    const result = onToken && this.answerer.stream
      ? await this.answerer.stream(request, this.corpus, onToken, signal)
      : await this.answerer.answer(request, this.corpus);
    if (onToken && !this.answerer.stream) onToken(result.answer);
    this.conversations.set(conversationId, role, result.context);
    return {
      answer: result.answer, citations: result.citations, refused: result.refused,
      ...(result.reason ? { reason: result.reason } : {}), conversationId, notices: result.notices,
    };
  }
}
