/**
 * The embedded answerer: no model, only retrieval and quotation. Procedure questions are
 * answered field by field from the procedure's own chunks; other questions from the best
 * sentences of the top passages; questions nothing covers well enough are refused with a
 * pointer to the one-stop desk (Bộ phận Một cửa) and the national portal.
 */
import type { Chunk, DocumentRecord } from '../model.ts';
import type { Corpus, SearchHit } from '../search/types.ts';
import { expandTerms } from '../text/dictionary.ts';
import { CitationList } from './ground/citations.ts';
import { contentUnits, coverage, DEFAULT_MIN_COVERAGE, type ContentUnit, type TermSet, type TermWeight } from './retrieve/coverage.ts';
import { resolveFollowUp } from './understand/follow-up.ts';
import { MESSAGES_VI } from './messages.ts';
import { statusNotices } from './ground/notices.ts';
import { composePassageAnswer, type Passage } from './compose/passage-answer.ts';
import { composeProcedureAnswer } from './compose/procedure-answer.ts';
import { acceptsProcedure, chooseProcedure, PROCEDURE_CANDIDATES, unseenWords, type ProcedureChoice } from './retrieve/procedure-choice.ts';
import { analyzeQuestion, type QuestionAnalysis } from './understand/question.ts';
import { preferenceAdjustment, preferenceCues } from './retrieve/procedure-preference.ts';
import { scopeFor, visibleTo } from './retrieve/scope.ts';
import { titleFocusQuery, TITLE_FOCUS_CANDIDATES } from './retrieve/title-focus.ts';
import { rarityWeight, rareWordsMissing } from './retrieve/term-rarity.ts';
import { chunkTerms, indexedTerms, titleTerms, unionOf } from './retrieve/term-sets.ts';
import type { Answerer, AnswerRequest, AnswerResult, ConversationContext, ProcedureIntent, RefusalReason } from './types.ts';

/** Passages retrieved per question by default. */
export const DEFAULT_K = 10;
/** Most passages per document, so that several procedures compete for a procedure question. */
export const PER_DOC = 2;
/** Least coverage of the question by a whole procedure that lacks a rare word of it. */
export const RARE_MISS_MIN_COVERAGE = 0.5;
/** Most chunks of a followed-up (non-procedure) document read to answer from it. */
const FOCUS_CHUNK_LIMIT = 200;

export interface ExtractiveAnswererOptions {
  /**
   * Least coverage (share of the question's weighted content found in one passage, see
   * retrieve/coverage.ts) for an answer to be attempted. Default {@link DEFAULT_MIN_COVERAGE}.
   */
  minScore?: number;
  /** Passages retrieved per question. Default {@link DEFAULT_K}. */
  k?: number;
  /**
   * Weights of question terms for coverage, e.g. the index's BM25 idf of folded terms.
   * Default: the idf of each term from `corpus.termStats` when the corpus has statistics,
   * else every word and word pair 1, numbers 2.
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
    const termWeight = this.termWeight ?? rarityWeight(corpus);
    const units = contentUnits(q, termWeight);
    const found = units.length > 0 ? await this.retrieve(q, units, req, corpus, termWeight) : undefined;
    const candidates = found?.passages ?? [];
    const confident = candidates.filter((c) => c.coverage >= this.minScore);

    const focusId = req.context?.focusDocIds[0];
    const context = focusId && visibleTo(corpus.document(focusId), req.role) ? req.context : undefined;
    const resolved = resolveFollowUp(q.text, context, {
      analysis: q,
      ...(found ? { confident: found.procedure !== undefined || (found.unseen.length === 0 && confident.some((c) => c.doc.type !== 'thủ tục')) } : {}),
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
        lines = [composeProcedureAnswer({ doc, chunks: corpus.chunksOf(doc.id), intents, channels: q.channels, citations, question: q })];
      } else {
        const asksField = !(intents.length === 1 && intents[0] === 'overview');
        // A procedure field asked of a plan or report ("lệ phí bao nhiêu?") has nothing to go on.
        if (units.length === 0 && asksField) return refusal('NO_SOURCE', MESSAGES_VI.refusal.needSubject, q.text, context);
        const own = units.length > 0 ? units : contentUnits(analyzeQuestion(context?.lastQuestion ?? ''), termWeight);
        const passages = corpus.chunksOf(doc.id).slice(0, FOCUS_CHUNK_LIMIT)
          .map((chunk) => ({ chunk, doc, coverage: coverage(own, indexedTerms(doc, chunk)) }))
          .filter((p) => p.coverage >= this.minScore)
          .sort((a, b) => b.coverage - a.coverage)
          .slice(0, this.k);
        lines = composePassageAnswer(q, own, passages, citations);
      }
    } else {
      if (units.length === 0) return refusal('NO_SOURCE', MESSAGES_VI.refusal.needSubject, q.text, context);
      if (q.asksStatus) return refusal('NO_SOURCE', MESSAGES_VI.refusal.noSource, q.text, context);
      const procedure = found?.procedure;
      // Passages of laws, plans and reports; a procedure is answered only through its name.
      const others = confident.filter((c) => c.doc.type !== 'thủ tục');
      const asksField = !(q.intents.length === 1 && q.intents[0] === 'overview');
      const lawFirst = !asksField && others[0] !== undefined && procedure !== undefined && others[0].coverage > procedure.recall;
      if (procedure && !lawFirst) {
        const doc = procedure.doc;
        lines = [composeProcedureAnswer({ doc, chunks: corpus.chunksOf(doc.id), intents, channels: q.channels, citations, question: q })];
      } else if (others.length > 0 && found!.unseen.length === 0 && numbersFound(q, others[0]!)) {
        intents = q.intents;
        lines = composePassageAnswer(q, units, others, citations);
      } else {
        return refusal('NO_SOURCE', MESSAGES_VI.refusal.noSource, q.text, context);
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
    if (doc.type === 'thủ tục') return coverage(units, titleTerms(doc)) >= this.minScore;
    return corpus.chunksOf(docId).slice(0, FOCUS_CHUNK_LIMIT).some((c) => coverage(units, chunkTerms(c)) >= this.minScore);
  }

  /**
   * Search within the role's scope: passages with their coverage of the question, and the
   * procedure the question names (a wider search, one chunk per procedure, joined by a
   * search for the question's rare words and official phrases, title-focus.ts), if any.
   */
  private async retrieve(
    q: QuestionAnalysis, units: readonly ContentUnit[], req: AnswerRequest, corpus: Corpus, weight: TermWeight | undefined,
  ): Promise<Retrieved> {
    const scope = scopeFor(req.role);
    const expansions = expandTerms(q.text);
    const query = expansions.length ? `${q.text} ${expansions.join(' ')}` : q.text;
    const filters = { audiences: scope.audiences, statuses: scope.statuses };
    const focus = weight ? titleFocusQuery(q, weight) : undefined;
    const [hits, wideHits, focusHits] = await Promise.all([
      corpus.search(query, { k: this.k, perDoc: PER_DOC, ...filters }),
      corpus.search(query, { k: PROCEDURE_CANDIDATES, perDoc: 1, types: ['thủ tục'], ...filters }),
      focus && focus !== query ? corpus.search(focus, { k: TITLE_FOCUS_CANDIDATES, perDoc: 1, types: ['thủ tục'], ...filters }) : [],
    ]);
    // Procedures only the focus search found join the candidates after the wide ones.
    const wide = new Set(wideHits.map((h) => h.docId));
    const procedureHits = [...wideHits, ...focusHits.filter((h) => !wide.has(h.docId))];
    const passages: Candidate[] = [];
    for (const hit of hits) {
      const doc = corpus.document(hit.docId);
      // The scope is enforced here too: an adapter ignoring the filter must not leak a document.
      if (!doc || !visibleTo(doc, req.role)) continue;
      const chunk = corpus.chunk(hit.label) ?? chunkOfHit(hit);
      passages.push({ chunk, doc, rank: passages.length, coverage: coverage(units, indexedTerms(doc, chunk)) });
    }
    const visible = (id: string): DocumentRecord | undefined => {
      const doc = corpus.document(id);
      return doc && visibleTo(doc, req.role) ? doc : undefined;
    };
    // As indexed: a passage with its document's title and number ("114/TB-SKHCN").
    const indexed = [...hits, ...wideHits].map((h): TermSet => {
      const doc = visible(h.docId);
      return doc ? indexedTerms(doc, corpus.chunk(h.label) ?? chunkOfHit(h)) : NO_TERMS;
    });
    const unseen = unseenWords(q, indexed);
    const cues = preferenceCues(q, req.role);
    const choice = chooseProcedure(q, units, procedureHits, visible, {
      ...(weight ? { weight } : {}),
      adjust: (doc) => preferenceAdjustment(cues, doc, corpus.chunksOf(doc.id)),
      fieldTerms: (hit) => chunkTerms(corpus.chunk(hit.label) ?? chunkOfHit(hit)),
    });
    const accepted = acceptsProcedure(choice, unseen) && (!weight || coversRareWords(q, units, weight, procedureTerms(corpus, choice.doc)));
    return { passages, unseen, ...(accepted ? { procedure: choice } : {}) };
  }
}

/**
 * Whether a procedure may answer a question with a rare word it never mentions ("làm thẻ
 * căn cước cho chó mèo"): only when it still covers at least
 * {@link RARE_MISS_MIN_COVERAGE} of the question's weighted content (the neighbour in "hòa
 * giải tranh chấp đất với hàng xóm" is a side detail of a question the procedure answers).
 */
function coversRareWords(q: QuestionAnalysis, units: readonly ContentUnit[], weight: TermWeight, terms: TermSet): boolean {
  return rareWordsMissing(q, weight, terms).length === 0 || coverage(units, terms) >= RARE_MISS_MIN_COVERAGE;
}

/** Folded words and pairs of a procedure's title and every one of its chunks. */
function procedureTerms(corpus: Corpus, doc: DocumentRecord): TermSet {
  return unionOf([titleTerms(doc), ...corpus.chunksOf(doc.id).map(chunkTerms)]);
}

const NO_TERMS: TermSet = new Set<string>();

/** What retrieval found for a question. */
interface Retrieved {
  passages: Candidate[];
  /** The procedure the question names, when one is named well enough. */
  procedure?: ProcedureChoice;
  /** Content words of the question that no retrieved passage contains. */
  unseen: string[];
}

/** Whether every number the question states (a year, an amount) is in the passage. */
function numbersFound(q: QuestionAnalysis, passage: Candidate): boolean {
  const numbers = q.content.map((i) => q.tokens[i]!.folded).filter((t) => /^\d+$/u.test(t));
  if (numbers.length === 0) return true;
  const terms = indexedTerms(passage.doc, passage.chunk);
  return numbers.every((n) => terms.has(n));
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
