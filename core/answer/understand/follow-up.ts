/**
 * Whether a question continues the previous turn. A short follow-up ("còn lệ phí thì
 * sao?", "thế nộp ở đâu?", "mất bao lâu") names nothing of its own and is answered about
 * the document the previous answer was about; a question that names a subject starts fresh.
 *
 * Signals, in order:
 * - residual: the content tokens left once question words, function words, intent cues,
 *   request words and follow-up markers are removed (see question.ts);
 * - a dictionary term among them (CCCD, sổ đỏ …) names a subject;
 * - three or more residual tokens form a content noun phrase: a subject, unless the
 *   question opens as a follow-up ("thế còn …") and retrieval for it alone is not confident;
 * - one or two residual tokens name a subject only if retrieval for the question alone is
 *   confident and the focus document does not cover them itself (or, when retrieval
 *   confidence is unknown, for two tokens without a follow-up marker);
 * - no residual, or only generic document words ("giấy", "giấy chứng nhận", "kết quả",
 *   "hồ sơ", see {@link GENERIC_DOCUMENT_WORDS}): a follow-up ("mấy ngày thì có giấy chứng
 *   nhận?" asks about the paper of the procedure just discussed).
 *
 * The markers and generic document words are in prompts/cues/follow-up.vi.json.
 */
import cues from '../../../prompts/cues/follow-up.vi.json' with { type: 'json' };
import { createPhraseMatcher } from './phrase-match.ts';
import { analyzeQuestion, type QuestionAnalysis } from './question.ts';
import type { ConversationContext, ProcedureIntent } from '../types.ts';

/**
 * Words for the papers and results of any procedure, and for receiving them: alone they
 * name no procedure, so a question made only of them asks about the current one.
 */
export const GENERIC_DOCUMENT_WORDS: readonly string[] = Object.freeze(cues.genericDocumentWords);

const GENERIC_DOCUMENTS = createPhraseMatcher(GENERIC_DOCUMENT_WORDS.map((phrase) => ({ phrase, value: true as const })));

/** Whether every content token of the question lies in a generic document phrase. */
function onlyGenericDocuments(q: QuestionAnalysis): boolean {
  const generic = new Set<number>();
  for (const m of GENERIC_DOCUMENTS.match(q.tokens)) for (let i = m.start; i < m.end; i += 1) generic.add(i);
  return q.content.every((i) => generic.has(i));
}

/**
 * Whether a question names no subject of its own: no dictionary term, and no content word
 * outside the generic document words ("mấy ngày thì xong?", "được nhận giấy gì?").
 */
export function namesNoSubject(q: QuestionAnalysis): boolean {
  return q.terms.length === 0 && onlyGenericDocuments(q);
}

/**
 * A question that names nothing, asked right after one that went unanswered
 * ({@link ConversationContext.unanswered}), read together with that one: its subject, this
 * question's intents (or the earlier ones when this one asks no field). Undefined when the
 * question stands on its own or there is nothing to read it with.
 */
export function withUnansweredTopic(q: QuestionAnalysis, context?: ConversationContext): QuestionAnalysis | undefined {
  if (!context?.unanswered || !context.lastQuestion || !namesNoSubject(q)) return undefined;
  const merged = analyzeQuestion(`${context.lastQuestion} ${q.text}`);
  if (merged.content.length === 0) return undefined;
  const asksField = !(q.intents.length === 1 && q.intents[0] === 'overview');
  if (!asksField) return merged;
  // This question's cues, at their places in the merged tokens (this question comes last).
  const shift = merged.tokens.length - q.tokens.length;
  return { ...merged, intents: q.intents, cues: q.cues.map((c) => ({ ...c, start: c.start + shift, end: c.end + shift })) };
}

/** Extra evidence the caller may have about the question. */
export interface FollowUpSignals {
  /** Whether retrieval for the question alone found a confident answer. */
  confident?: boolean;
  /**
   * Whether the focus document itself covers the question's few content words (asked only
   * for one or two residual words): "còn kinh phí thì sao?" stays with a plan that has a
   * budget, "còn hộ chiếu thì sao?" leaves a procedure whose title has no passport.
   */
  focusCovers?: () => boolean;
  /** Title of a document, to make a follow-up self-contained for retrieval and logs. */
  titleOf?: (docId: string) => string | undefined;
  /** The question already analysed (saves a pass). */
  analysis?: QuestionAnalysis;
}

/** How a question relates to the conversation so far. */
export interface ResolvedQuestion {
  /** The question to answer: as asked, or with the focus document's title appended. */
  question: string;
  /** The document a follow-up is about. */
  focusDocId?: string;
  isFollowUp: boolean;
  /**
   * For a fresh question that only swaps the subject ("còn thẻ ABTC thì sao?") and asks
   * nothing itself: the previous turn's intent.
   */
  carriedIntent?: ProcedureIntent;
}

/** Decide whether `question` follows up on `context`; see the module comment for the rule. */
export function resolveFollowUp(question: string, context?: ConversationContext, signals: FollowUpSignals = {}): ResolvedQuestion {
  const q = signals.analysis ?? analyzeQuestion(question);
  const focus = context?.focusDocIds[0];
  if (!focus) return { question: q.text, isFollowUp: false };
  const residual = q.content.length;
  const marked = q.markers.length > 0;
  let namesSubject: boolean;
  if (q.terms.length > 0) namesSubject = true;
  else if (onlyGenericDocuments(q)) namesSubject = false;
  else if (residual >= 3) namesSubject = !(marked && signals.confident === false);
  else if (residual >= 1) namesSubject = (signals.confident ?? (residual >= 2 && !marked)) && !(signals.focusCovers?.() ?? false);
  else namesSubject = false;
  if (namesSubject) {
    const asksNothing = q.intents.length === 1 && q.intents[0] === 'overview';
    return marked && asksNothing && context?.lastIntent && context.lastIntent !== 'overview'
      ? { question: q.text, isFollowUp: false, carriedIntent: context.lastIntent }
      : { question: q.text, isFollowUp: false };
  }
  const title = signals.titleOf?.(focus);
  return { question: title ? `${q.text} (${title})` : q.text, focusDocId: focus, isFollowUp: true };
}
