/**
 * The embedded answerer: no model, only retrieval and quotation. Procedure questions are
 * answered field by field from the procedure's own chunks; other questions from the best
 * sentences of the top passages; questions nothing covers well enough are refused with a
 * pointer to the one-stop desk (Bộ phận Một cửa) and the national portal.
 */
import type { Chunk, DocumentRecord } from '../model.ts';
import { indexTextOf } from '../search/index-text.ts';
import type { Corpus, SearchHit } from '../search/types.ts';
import { expandTerms } from '../text/dictionary.ts';
import { CitationList } from './citations.ts';
import { contentUnits, coverage, DEFAULT_MIN_COVERAGE, passageTerms, type ContentUnit, type TermWeight } from './coverage.ts';
import { resolveFollowUp } from './follow-up.ts';
import { MESSAGES_VI } from './messages.ts';
import { statusNotices } from './notices.ts';
import { composePassageAnswer, type Passage } from './passage-answer.ts';
import { composeProcedureAnswer } from './procedure-answer.ts';
import { analyzeQuestion, type QuestionAnalysis } from './question.ts';
import { scopeFor, visibleTo } from './scope.ts';
import type { Answerer, AnswerRequest, AnswerResult, ConversationContext, ProcedureIntent, RefusalReason } from './types.ts';

/** Passages retrieved per question by default. */
export const DEFAULT_K = 10;
/** Most passages per document, so that several procedures compete for a procedure question. */
export const PER_DOC = 2;
/** Most chunks of a followed-up (non-procedure) document read to answer from it. */
const FOCUS_CHUNK_LIMIT = 200;
/** How much a lower retrieval rank costs a procedure when choosing by title match. */
const RANK_PENALTY = 0.05;
/** Weight of the share of the title the question names, against its coverage of the question. */
const TITLE_PRECISION_WEIGHT = 0.3;

export interface ExtractiveAnswererOptions {
  /**
   * Least coverage (share of the question's weighted content found in one passage, see
   * coverage.ts) for an answer to be attempted. Default {@link DEFAULT_MIN_COVERAGE}.
   */
  minScore?: number;
  /** Passages retrieved per question. Default {@link DEFAULT_K}. */
  k?: number;
  /**
   * Weights of question terms for coverage, e.g. the index's BM25 idf of folded terms.
   * Default: every word and word pair 1, numbers 2.
   */
  termWeight?: TermWeight;
}

/** A retrieved passage with how much of the question it covers. */
interface Candidate extends Passage {
  rank: number;
  coverage: number;
}

/** The refusal result, keeping the previous focus so a later follow-up still has a subject. */
export function refusal(reason: RefusalReason, message: string, question: string, context?: ConversationContext): AnswerResult {
  return {
    answer: message, citations: [], refused: true, reason, notices: [], answerer: 'extractive',
    context: { focusDocIds: context?.focusDocIds ?? [], ...(question ? { lastQuestion: question } : {}), ...(context?.lastIntent ? { lastIntent: context.lastIntent } : {}) },
  };
}

/** Extractive answers grounded in the corpus; see the module comment. */
export class ExtractiveAnswerer implements Answerer {
  readonly name = 'extractive' as const;
  readonly minScore: number;
  readonly k: number;
  private readonly termWeight: TermWeight | undefined;

  constructor(options: ExtractiveAnswererOptions = {}) {
    this.minScore = options.minScore ?? DEFAULT_MIN_COVERAGE;
    this.k = options.k ?? DEFAULT_K;
    this.termWeight = options.termWeight;
  }

  async answer(req: AnswerRequest, corpus: Corpus): Promise<AnswerResult> {
    const q = analyzeQuestion(req.question);
    if (!q.text) return refusal('EMPTY_QUESTION', MESSAGES_VI.refusal.emptyQuestion, '', req.context);
    const units = contentUnits(q, this.termWeight);
    const candidates = units.length > 0 ? await this.retrieve(q, units, req, corpus) : [];
    const confident = candidates.filter((c) => c.coverage >= this.minScore);

    const focusId = req.context?.focusDocIds[0];
    const context = focusId && visibleTo(corpus.document(focusId), req.role) ? req.context : undefined;
    const resolved = resolveFollowUp(q.text, context, {
      analysis: q,
      ...(units.length > 0 ? { confident: confident.length > 0 } : {}),
      titleOf: (id) => corpus.document(id)?.title,
      focusCovers: () => this.focusCovers(corpus, focusId!, units),
    });

    const citations = new CitationList();
    let intents: ProcedureIntent[] = resolved.carriedIntent ? [resolved.carriedIntent] : q.intents;
    let lines: string[];
    if (resolved.isFollowUp && resolved.focusDocId) {
      const doc = corpus.document(resolved.focusDocId)!;
      if (doc.type === 'thủ tục') {
        // "nộp online thì sao?" after a deadline or fee question: that field, for that channel.
        const channelOnly = intents.length === 1 && intents[0] === 'channels' && q.channels.length > 0;
        if (channelOnly && (context?.lastIntent === 'fee' || context?.lastIntent === 'time')) intents = [context.lastIntent];
        lines = [composeProcedureAnswer({ doc, chunks: corpus.chunksOf(doc.id), intents, channels: q.channels, citations })];
      } else {
        const asksField = !(intents.length === 1 && intents[0] === 'overview');
        // A procedure field asked of a plan or report ("lệ phí bao nhiêu?") has nothing to go on.
        if (units.length === 0 && asksField) return refusal('NO_SOURCE', MESSAGES_VI.refusal.needSubject, q.text, context);
        const own = units.length > 0 ? units : contentUnits(analyzeQuestion(context?.lastQuestion ?? ''), this.termWeight);
        const passages = corpus.chunksOf(doc.id).slice(0, FOCUS_CHUNK_LIMIT)
          .map((chunk) => ({ chunk, doc, coverage: coverage(own, passageTerms(indexTextOf(doc, chunk))) }))
          .filter((p) => p.coverage >= this.minScore)
          .sort((a, b) => b.coverage - a.coverage)
          .slice(0, this.k);
        lines = composePassageAnswer(q, own, passages, citations);
      }
    } else {
      if (units.length === 0) return refusal('NO_SOURCE', MESSAGES_VI.refusal.needSubject, q.text, context);
      if (confident.length === 0) return refusal('NO_SOURCE', MESSAGES_VI.refusal.noSource, q.text, context);
      const best = confident[0]!;
      if (best.doc.type === 'thủ tục') {
        const doc = pickProcedure(q, confident, units);
        lines = [composeProcedureAnswer({ doc, chunks: corpus.chunksOf(doc.id), intents, channels: q.channels, citations })];
      } else {
        intents = q.intents;
        lines = composePassageAnswer(q, units, candidates, citations);
      }
    }
    const answer = lines.join('\n').trim();
    if (!answer || citations.items.length === 0) return refusal('NO_SOURCE', MESSAGES_VI.refusal.noSource, q.text, context);
    const docIds = citations.docIds();
    const docs = docIds.map((id) => corpus.document(id)).filter((d): d is DocumentRecord => d !== undefined);
    return {
      answer, citations: citations.items, refused: false, answerer: 'extractive',
      notices: statusNotices(docs, (id) => corpus.document(id)),
      context: { focusDocIds: docIds, lastQuestion: resolved.question, lastIntent: intents[0] ?? 'overview' },
    };
  }

  async stream(req: AnswerRequest, corpus: Corpus, onToken: (text: string) => void, signal?: AbortSignal): Promise<AnswerResult> {
    throwIfAborted(signal);
    const result = await this.answer(req, corpus);
    for (const piece of pieces(result.answer)) {
      throwIfAborted(signal);
      onToken(piece);
      // Let an abort (client gone) land between pieces.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    throwIfAborted(signal);
    return result;
  }

  /** Whether the focus document covers the question: a procedure by its title, another document by one of its passages. */
  private focusCovers(corpus: Corpus, docId: string, units: readonly ContentUnit[]): boolean {
    const doc = corpus.document(docId);
    if (!doc || units.length === 0) return false;
    if (doc.type === 'thủ tục') return coverage(units, passageTerms(doc.title)) >= this.minScore;
    return corpus.chunksOf(docId).slice(0, FOCUS_CHUNK_LIMIT).some((c) => coverage(units, passageTerms(c.text)) >= this.minScore);
  }

  /** Search within the role's scope and measure each passage's coverage of the question. */
  private async retrieve(q: QuestionAnalysis, units: readonly ContentUnit[], req: AnswerRequest, corpus: Corpus): Promise<Candidate[]> {
    const scope = scopeFor(req.role);
    const expansions = expandTerms(q.text);
    const query = expansions.length ? `${q.text} ${expansions.join(' ')}` : q.text;
    const hits = await corpus.search(query, { k: this.k, perDoc: PER_DOC, audiences: scope.audiences, statuses: scope.statuses });
    const out: Candidate[] = [];
    for (const hit of hits) {
      const doc = corpus.document(hit.docId);
      // The scope is enforced here too: an adapter ignoring the filter must not leak a document.
      if (!doc || !visibleTo(doc, req.role)) continue;
      const chunk = corpus.chunk(hit.label) ?? chunkOfHit(hit);
      out.push({ chunk, doc, rank: out.length, coverage: coverage(units, passageTerms(indexTextOf(doc, chunk))) });
    }
    return out;
  }
}

/**
 * The procedure whose title best matches the question: coverage of the question by the
 * title, plus how much of the title the question names (so "đăng ký khai sinh" prefers
 * "Thủ tục đăng ký khai sinh" to "… khai sinh lưu động"); earlier retrieval ranks win near-ties.
 */
function pickProcedure(q: QuestionAnalysis, confident: readonly Candidate[], units: readonly ContentUnit[]): DocumentRecord {
  const asked = new Set(q.tokens.map((t) => t.folded));
  let best: { doc: DocumentRecord; score: number } | undefined;
  const seen = new Set<string>();
  for (const c of confident) {
    if (c.doc.type !== 'thủ tục' || seen.has(c.doc.id)) continue;
    seen.add(c.doc.id);
    const title = analyzeQuestion(c.doc.title);
    const named = title.content.filter((i) => asked.has(title.tokens[i]!.folded)).length / Math.max(1, title.content.length);
    const score = coverage(units, passageTerms(c.doc.title)) + TITLE_PRECISION_WEIGHT * named - RANK_PENALTY * seen.size;
    if (!best || score > best.score) best = { doc: c.doc, score };
  }
  return best!.doc;
}

function chunkOfHit(hit: SearchHit): Chunk {
  return { id: hit.chunkId, docId: hit.docId, sectionPath: [], sectionLabel: hit.section, headingTrail: [], text: hit.text };
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new DOMException('Aborted', 'AbortError');
}

/** The answer in streaming pieces: one per line (each line is one sentence or list item). */
export function pieces(answer: string): string[] {
  return answer.split(/(?<=\n)/u).filter((p) => p.length > 0);
}
