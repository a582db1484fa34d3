/**
 * The answering contract: what an Answerer is asked and what it returns. The result is
 * the `/api/chat` shape (DESIGN.md) plus what the next turn of the conversation needs.
 */
import type { Citation } from '../model.ts';
import type { Corpus } from '../search/types.ts';

export type Role = 'citizen' | 'official' | 'admin';

/** What a procedure question asks for (thủ tục hành chính fields). */
export type ProcedureIntent =
  | 'papers' // thành phần hồ sơ
  | 'fee' // phí, lệ phí
  | 'time' // thời hạn giải quyết
  | 'place' // cơ quan thực hiện, địa chỉ tiếp nhận
  | 'steps' // trình tự thực hiện
  | 'channels' // cách thức thực hiện
  | 'conditions' // yêu cầu, điều kiện
  | 'legal_basis' // căn cứ pháp lý
  | 'result' // kết quả thực hiện
  | 'who' // đối tượng thực hiện
  | 'overview';

/** What the previous turns leave for the next one. */
export interface ConversationContext {
  /** Documents the previous answer was about, most relevant first. */
  focusDocIds: string[];
  /** The previous question (after follow-up resolution). */
  lastQuestion?: string;
  lastIntent?: ProcedureIntent;
  /**
   * The previous question went unanswered (refused, or asked to name its subject): a
   * follow-up that names nothing of its own ("mấy ngày thì xong?") is read together with it,
   * since the conversation still has its topic although no document was cited.
   */
  unanswered?: boolean;
}

export interface AnswerRequest {
  question: string;
  role: Role;
  context?: ConversationContext;
  /**
   * The day the question is asked (`YYYY-MM-DD`, Vietnam time): decides which dated fee
   * applies (a reduction that has ended, one still running), which texts are in force on it
   * (a citizen's passages are ordered by it) and how the notices are worded. Default: today.
   */
  asOf?: string;
}

/** A follow-up question offered after a procedure answer (`Lệ phí?`), for the widget to show as a button. */
export interface Suggestion {
  /** The button's short text. */
  label: string;
  /** The question sent when it is chosen (a follow-up on the same procedure). */
  question: string;
}

/** One paper of a printable checklist of a dossier. */
export interface ChecklistItem {
  /** The paper as the catalogue names it (form and file name left out). */
  paper: string;
  /** Originals (bản chính) and copies (bản sao) to hand in. */
  original: number;
  copies: number;
  /** The case it belongs to (`Trường hợp …`), when the dossier has cases. */
  note?: string;
}

/** Why an answer was refused. */
export type RefusalReason = 'NO_SOURCE' | 'EMPTY_QUESTION' | 'STATE_SECRET' | 'PROMPT_INJECTION' | 'OUT_OF_SCOPE' | 'ABUSIVE' | 'PERSONAL_DATA';

/** A document a refusal offers to open: the nearest the search found, though it does not answer. */
export interface NearestDocument {
  docId: string;
  sourceId: string;
  title: string;
  /** How the document is named: "Thông báo số 114/TB-SKHCN ngày 04/6/2026". */
  label?: string;
  /** The source viewer. */
  link: string;
}

export interface AnswerResult {
  /** Plain Vietnamese text with `[n]` markers referring to `citations`. */
  answer: string;
  citations: Citation[];
  refused: boolean;
  reason?: RefusalReason;
  /** Short notices shown with the answer (superseded document cited, fallback used …). */
  notices: string[];
  /** Context for the next turn. */
  context: ConversationContext;
  /** For an official's refusal: the nearest indexed documents, to open and read. */
  nearest?: NearestDocument[];
  /** Which answerer produced the text. */
  answerer: 'extractive' | 'llm';
  /**
   * Documents retrieved while answering (best score per document, best first), when the
   * answer was computed away from the caller's corpus (an answer worker); callers that
   * pass their own corpus observe it there instead.
   */
  retrieved?: Array<{ docId: string; score: number }>;
  /** For a procedure answer: follow-up questions on the same procedure (papers, fee, place, time) not yet asked. */
  suggestions?: Suggestion[];
  /** For an answer about a procedure's papers: every paper to hand in, for printing. */
  checklist?: ChecklistItem[];
}

/** Answers a question from the corpus, citing what it uses. */
export interface Answerer {
  readonly name: 'extractive' | 'llm';
  /** `signal` stops the work when the asker has gone or the time is up (an LLM call). */
  answer(req: AnswerRequest, corpus: Corpus, signal?: AbortSignal): Promise<AnswerResult>;
  /**
   * Same as answer, calling `onToken` with text as it is produced. Answerers that cannot
   * stream emit the whole answer once.
   */
  stream?(req: AnswerRequest, corpus: Corpus, onToken: (text: string) => void, signal?: AbortSignal): Promise<AnswerResult>;
}
