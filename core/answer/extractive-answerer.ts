/**
 * The embedded answerer: no model, only retrieval and quotation. Procedure questions are
 * answered field by field from the procedure's own chunks; other questions from the best
 * sentences of the top passages; questions nothing covers well enough are refused with a
 * pointer to the one-stop desk (Bộ phận Một cửa) and the national portal.
 *
 * The pipeline, one folder per stage:
 * 1. understand/ — analyse the question (intents, channels, content words, dictionary
 *    terms) and decide whether it follows up on the previous turn;
 * 2. retrieve/ — search within the role's scope, measure how much of the question each
 *    passage covers, choose the procedure the question names;
 * 3. compose/ — write the answer in the shape the question asks for: a procedure's field,
 *    or the best sentences of the passages;
 * 4. ground/ — cite every line to its passage, and add notices about superseded documents.
 * Every weight and threshold is in tuning.ts; cue word lists in prompts/cues/.
 */
import type { DocumentRecord } from '../model.ts';
import type { Corpus } from '../search/types.ts';
import { composePassageAnswer } from './compose/passage-answer.ts';
import { composeProcedureAnswer } from './compose/procedure-answer.ts';
import { CitationList } from './ground/citations.ts';
import { inForceNotices } from './ground/inforce-notices.ts';
import { statusNotices } from './ground/notices.ts';
import { MESSAGES_VI } from './messages.ts';
import { contentUnits, type TermWeight } from './retrieve/coverage.ts';
import { focusCovers, focusPassages, numbersFound, retrieve } from './retrieve/retrieve.ts';
import { visibleTo } from './retrieve/scope.ts';
import { rarityWeight } from './retrieve/term-rarity.ts';
import type { Answerer, AnswerRequest, AnswerResult, ConversationContext, ProcedureIntent, RefusalReason } from './types.ts';
import { resolveFollowUp } from './understand/follow-up.ts';
import { analyzeQuestion } from './understand/question.ts';
import { DEFAULT_K, DEFAULT_MIN_COVERAGE } from './tuning.ts';

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
    // 1. Understand the question.
    const q = analyzeQuestion(req.question);
    if (!q.text) return refusal('EMPTY_QUESTION', MESSAGES_VI.refusal.emptyQuestion, '', req.context);
    const termWeight = this.termWeight ?? rarityWeight(corpus);
    const units = contentUnits(q, termWeight);

    // 2. Retrieve and select.
    const found = units.length > 0 ? await retrieve(q, units, req, corpus, termWeight, this.k) : undefined;
    const candidates = found?.passages ?? [];
    const confident = candidates.filter((c) => c.coverage >= this.minScore);

    // Whether it follows up on the previous turn, knowing what retrieval found for it alone.
    const focusId = req.context?.focusDocIds[0];
    const context = focusId && visibleTo(corpus.document(focusId), req.role) ? req.context : undefined;
    const resolved = resolveFollowUp(q.text, context, {
      analysis: q,
      ...(found ? { confident: found.procedure !== undefined || (found.unseen.length === 0 && confident.some((c) => c.doc.type !== 'thủ tục')) } : {}),
      titleOf: (id) => corpus.document(id)?.title,
      focusCovers: () => focusCovers(corpus, focusId!, units, this.minScore),
    });

    // 3. Compose by answer shape: a procedure's field, or sentences of passages.

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
        lines = composePassageAnswer(q, own, focusPassages(corpus, doc, own, this.minScore, this.k), citations);
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

    // 4. Ground: every line cited, notices for documents no longer in force.
    const answer = lines.join('\n').trim();
    if (!answer || citations.items.length === 0) return refusal('NO_SOURCE', MESSAGES_VI.refusal.noSource, q.text, context);
    const docIds = citations.docIds();
    const docs = docIds.map((id) => corpus.document(id)).filter((d): d is DocumentRecord => d !== undefined);
    return {
      answer, citations: citations.items, refused: false, answerer: 'extractive',
      notices: [...statusNotices(docs, (id) => corpus.document(id)), ...inForceNotices(docs, req.asOf)],
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
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new DOMException('Aborted', 'AbortError');
}

/** The answer in streaming pieces: one per line (each line is one sentence or list item). */
export function pieces(answer: string): string[] {
  return answer.split(/(?<=\n)/u).filter((p) => p.length > 0);
}
