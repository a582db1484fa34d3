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
import { vietnamDay, isIsoDay } from './as-of.ts';
import { composeProcedure } from './compose/procedure-answer.ts';
import { CitationList } from './ground/citations.ts';
import { groundedLines } from './ground/line-check.ts';
import { renumberCitations, splitAnswerSentences } from './ground/validate.ts';
import { inForceNotices } from './ground/inforce-notices.ts';
import { statusNotices } from './ground/notices.ts';
import { MESSAGES_VI } from './messages.ts';
import { answerFromDocuments, type DocumentPathOutcome } from './official-answer.ts';
import { officialRefusal } from './ground/official-refusal.ts';
import { sourceKind } from './retrieve/document-kind.ts';
import { analyzeDocumentQuestion } from './understand/document-question.ts';
import type { QuestionAnalysis } from './understand/question.ts';
import { contentUnits, type TermWeight } from './retrieve/coverage.ts';
import { focusCovers, focusPassages, numbersFound, retrieve } from './retrieve/retrieve.ts';
import { visibleTo } from './retrieve/scope.ts';
import { rarityWeight } from './retrieve/term-rarity.ts';
import { findProvincialFee } from './retrieve/provincial-fee.ts';
import type { Answerer, AnswerRequest, AnswerResult, ChecklistItem, ConversationContext, ProcedureIntent, RefusalReason, Suggestion } from './types.ts';
import { askedPeriod, withoutPeriod } from './understand/asked-period.ts';
import { resolveFollowUp, withUnansweredTopic } from './understand/follow-up.ts';
import { intentsOutsideTitle } from './understand/intent.ts';
import { analyzeQuestion } from './understand/question.ts';
import { isOutOfScope } from './understand/out-of-scope.ts';
import { COVERED_PROCEDURE_RECALL, DEFAULT_K, DEFAULT_MIN_COVERAGE, MIN_DOCUMENT_EVIDENCE, OFFICIAL_PROCEDURE_RECALL } from './tuning.ts';

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
  /**
   * Least evidence of a province document for an official's answer from it
   * (official-answer.ts). Default {@link MIN_DOCUMENT_EVIDENCE}.
   */
  minEvidence?: number;
}

/** The refusal result, keeping the previous focus so a later follow-up still has a subject. */
export function refusal(reason: RefusalReason, message: string, question: string, context?: ConversationContext): AnswerResult {
  return {
    answer: message, citations: [], refused: true, reason, notices: [], answerer: 'extractive',
    context: {
      focusDocIds: context?.focusDocIds ?? [], ...(question ? { lastQuestion: question, unanswered: true } : {}), ...(context?.lastIntent ? { lastIntent: context.lastIntent } : {}),
    },
  };
}

/** Extractive answers grounded in the corpus; see the module comment. */
export class ExtractiveAnswerer implements Answerer {
  readonly name = 'extractive' as const;
  readonly minScore: number;
  readonly k: number;
  readonly minEvidence: number;
  private readonly termWeight: TermWeight | undefined;

  constructor(options: ExtractiveAnswererOptions = {}) {
    this.minScore = options.minScore ?? DEFAULT_MIN_COVERAGE;
    this.k = options.k ?? DEFAULT_K;
    this.termWeight = options.termWeight;
    this.minEvidence = options.minEvidence ?? MIN_DOCUMENT_EVIDENCE;
  }

  async answer(req: AnswerRequest, corpus: Corpus): Promise<AnswerResult> {
    // 1. Understand the question; when it says it is asked for ("đầu năm 2027"), that is the day of its fee.
    const own = analyzeQuestion(req.question);
    if (!own.text) return refusal('EMPTY_QUESTION', MESSAGES_VI.refusal.emptyQuestion, '', req.context);
    // "mấy ngày thì xong?" after a question that went unanswered is about that one's subject.
    const asked = withUnansweredTopic(own, req.context) ?? own;
    const today = req.asOf && isIsoDay(req.asOf) ? req.asOf : vietnamDay(new Date());
    // Only a fee or time question is read for a day: "Năm 2030 lương cơ sở tăng bao nhiêu?" asks about 2030 itself.
    const period = asked.intents.some((i) => i === 'fee' || i === 'time') ? askedPeriod(asked, today) : { tokens: new Set<number>() };
    const q = withoutPeriod(asked, period);
    const asOf = period.from ?? today;
    const termWeight = this.termWeight ?? rarityWeight(corpus);
    return req.role === 'citizen' ? this.answerGeneral(req, corpus, q, termWeight, asOf) : this.answerOfficial(req, corpus, q, termWeight, asOf);
  }

  /**
   * Officials: the province's own documents first (official-answer.ts), then procedures and
   * laws; the other way round when the question is about a procedure or a law. A refusal
   * offers the nearest documents to open, in the officials' wording.
   */
  private async answerOfficial(req: AnswerRequest, corpus: Corpus, q: QuestionAnalysis, termWeight: TermWeight | undefined, asOf: string): Promise<AnswerResult> {
    const dq = analyzeDocumentQuestion(q);
    const documentsFirst = !(dq.procedureCue || dq.lawCue);
    let outcome: DocumentPathOutcome | undefined;
    if (documentsFirst) {
      outcome = await answerFromDocuments(req, corpus, q, termWeight, this.minEvidence);
      if (outcome.result) return outcome.result;
    }
    // A procedure answers an official who names one or asks one of its fields ("nộp gì", "mất
    // phí không", "làm thế nào"), or whose question its title says most of. When the
    // province's documents cover the question but hold no sentence that answers it, only a
    // question about a procedure or a law goes on to them, or a procedure whose title says
    // nearly all of it.
    const covered = outcome !== undefined && outcome.evidence >= this.minEvidence;
    const asksProcedure = dq.procedureCue || (!covered && q.intents.some((i) => i !== 'overview'));
    const minRecall = asksProcedure ? 0 : covered ? COVERED_PROCEDURE_RECALL : OFFICIAL_PROCEDURE_RECALL;
    const general = await this.answerGeneral(req, corpus, q, termWeight, asOf, { skipProvincial: true, skipLaws: covered && !dq.lawCue, minProcedureRecall: minRecall });
    if (!general.refused) return general;
    outcome ??= await answerFromDocuments(req, corpus, q, termWeight, this.minEvidence);
    if (outcome.result) return outcome.result;
    const message = contentUnits(q, termWeight).length === 0 ? MESSAGES_VI.refusal.official.needDocument : MESSAGES_VI.refusal.official.noSource;
    return officialRefusal(outcome.nearest, q.text, req.context, message);
  }

  /**
   * Procedures by name, else passages of laws, plans and reports; for an official the
   * province's documents are left to the document path (`skipProvincial`), laws may be left
   * out too (`skipLaws`), and a procedure must match well enough (`minProcedureRecall`).
   */
  private async answerGeneral(
    req: AnswerRequest, corpus: Corpus, q: QuestionAnalysis, termWeight: TermWeight | undefined, asOf: string,
    { skipProvincial = false, skipLaws = false, minProcedureRecall = 0 }: { skipProvincial?: boolean; skipLaws?: boolean; minProcedureRecall?: number } = {},
  ): Promise<AnswerResult> {
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
    let procedureDoc: DocumentRecord | undefined;
    let checklist: ChecklistItem[] | undefined;
    const composeFor = async (doc: DocumentRecord): Promise<string> => {
      procedureDoc = doc;
      // "kiểm tra kết quả tập sự …": a cue inside the procedure's own name names it, not a field.
      if (!resolved.carriedIntent) intents = intentsOutsideTitle(q, intents, doc.title);
      const provincialFee = asksFee(intents) && doc.procedure?.fees.entries.some((e) => e.decidedBy) ? await findProvincialFee(corpus, doc, req.role) : undefined;
      const composed = composeProcedure({
        doc, chunks: corpus.chunksOf(doc.id), intents, channels: q.channels, citations, question: q, asOf, ...(provincialFee ? { provincialFee } : {}),
      });
      checklist = composed.checklist;
      return composed.text;
    };
    if (resolved.isFollowUp && resolved.focusDocId) {
      const doc = corpus.document(resolved.focusDocId)!;
      if (doc.type === 'thủ tục') {
        // "nộp online thì sao?" after a deadline or fee question: that field, for that channel.
        const channelOnly = intents.length === 1 && intents[0] === 'channels' && q.channels.length > 0;
        if (channelOnly && (context?.lastIntent === 'fee' || context?.lastIntent === 'time')) intents = [context.lastIntent];
        lines = [await composeFor(doc)];
      } else if (skipProvincial && sourceKind(doc) === 'provincial') {
        return refusal('NO_SOURCE', MESSAGES_VI.refusal.noSource, q.text, context);
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
      // An official's question that names no procedure is answered from one only when its title says most of it.
      const procedure = found?.procedure && found.procedure.recall >= minProcedureRecall ? found.procedure : undefined;
      // Passages of laws, plans and reports; a procedure is answered only through its name.
      const others = confident.filter((c) => {
        const kind = sourceKind(c.doc);
        return kind !== 'procedure' && !(skipProvincial && kind === 'provincial') && !(skipLaws && kind === 'law');
      });
      const asksField = !(q.intents.length === 1 && q.intents[0] === 'overview');
      const lawFirst = !asksField && others[0] !== undefined && procedure !== undefined && others[0].coverage > procedure.recall;
      if (procedure && !lawFirst) {
        lines = [await composeFor(procedure.doc)];
      } else if (others.length > 0 && found!.unseen.length === 0 && numbersFound(q, others[0]!)) {
        intents = q.intents;
        lines = composePassageAnswer(q, units, others, citations);
      } else if (req.role === 'citizen' && isOutOfScope(q, Math.max(0, ...candidates.map((c) => c.coverage)))) {
        return refusal('OUT_OF_SCOPE', MESSAGES_VI.refusal.outOfScope, q.text, context);
      } else {
        return refusal('NO_SOURCE', MESSAGES_VI.refusal.noSource, q.text, context);
      }
    }

    // 4. Ground: every line cited, its facts in its quotes, notices for documents no longer in force.
    let answer = lines.join('\n').trim();
    let cited = citations.items;
    if (procedureDoc) {
      // Typed fields come from ingest: a figure their cited text does not state is dropped, not shown.
      const grounded = groundedLines(answer.split('\n'), cited, { names: false });
      if (grounded.dropped.length > 0) ({ text: answer, citations: cited } = renumberCitations(grounded.kept.join('\n'), cited));
    }
    if (!answer || cited.length === 0) return refusal('NO_SOURCE', MESSAGES_VI.refusal.noSource, q.text, context);
    const docIds = [...new Set(cited.map((c) => c.docId))];
    const docs = docIds.map((id) => corpus.document(id)).filter((d): d is DocumentRecord => d !== undefined);
    const suggestions = procedureDoc ? suggestionsAfter(intents) : [];
    return {
      answer, citations: cited, refused: false, answerer: 'extractive',
      notices: [...statusNotices(docs, (id) => corpus.document(id)), ...inForceNotices(docs, req.asOf)],
      context: { focusDocIds: docIds, lastQuestion: resolved.question, lastIntent: intents[0] ?? 'overview' },
      ...(suggestions.length > 0 ? { suggestions } : {}),
      ...(checklist && checklist.length > 0 ? { checklist } : {}),
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

/** Whether the fee is part of what is answered (asked, or in an overview). */
function asksFee(intents: readonly ProcedureIntent[]): boolean {
  return intents.includes('fee') || (intents.length === 1 && intents[0] === 'overview');
}

/** The fields a citizen asks about most, offered after a procedure answer. */
const SUGGESTED: ReadonlyArray<keyof typeof MESSAGES_VI.suggestions> = ['papers', 'fee', 'place', 'time'];

/** Follow-up questions on the same procedure for the fields this answer did not give in full. */
export function suggestionsAfter(intents: readonly ProcedureIntent[]): Suggestion[] {
  return SUGGESTED.filter((i) => !intents.includes(i)).map((i) => ({ ...MESSAGES_VI.suggestions[i] }));
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new DOMException('Aborted', 'AbortError');
}

/**
 * The answer in streaming pieces, one per sentence (a line's break stays with its last
 * sentence, the space after a sentence goes with the next): a reader sees a long line of
 * several sentences grow sentence by sentence. The pieces join to the answer exactly.
 */
export function pieces(answer: string): string[] {
  const out: string[] = [];
  for (const line of answer.split(/(?<=\n)/u)) {
    let at = 0;
    for (const sentence of splitAnswerSentences(line).slice(0, -1)) {
      const found = line.indexOf(sentence, at);
      if (found < 0) break;
      const end = found + sentence.length;
      out.push(line.slice(at, end));
      at = end;
    }
    out.push(line.slice(at));
  }
  return out.filter((p) => p.length > 0);
}
