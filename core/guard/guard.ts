/**
 * The usage-policy guardrails around one exchange (prompts/policy.vi.md): personal data
 * is redacted before anything else sees the question, state-secret, injection, abusive
 * and out-of-scope questions are refused with a polite Vietnamese message, and answers
 * never echo the asker's personal data.
 */
import type { GuardDecision } from '../audit/types.ts';
import { checkInput } from './input-checks.ts';
import type { RefusalReason as InputRefusal } from './input-rules.ts';
import { redactPersonalData } from './pii.ts';
import { asksPersonalLookup } from './personal-lookup.ts';
import { mapForDetection } from './pii-text.ts';
import { plantedInstructionIn, type PlantedCategory } from './planted-instructions.ts';
import { markerNumbers, splitAnswerSentences } from '../answer/ground/validate.ts';

/** Every guard the policy text may name; a test checks each is named and enforced. */
export const POLICY_GUARDS = ['STATE_SECRET', 'PERSONAL_DATA', 'PROMPT_INJECTION', 'OUT_OF_SCOPE', 'ABUSIVE', 'NO_SOURCE', 'AUDIENCE', 'AUDIT'] as const;
export type PolicyGuard = (typeof POLICY_GUARDS)[number];

/** What the assistant says when a guard refuses: plain, polite, and what it can do instead. */
export const GUARD_REFUSALS: Record<InputRefusal, string> = {
  STATE_SECRET:
    'Xin lỗi, trợ lý ảo không tiếp nhận và không trả lời nội dung thuộc bí mật nhà nước (tài liệu có dấu MẬT, TỐI MẬT, TUYỆT MẬT). Vui lòng xử lý các tài liệu này theo quy định về bảo vệ bí mật nhà nước.',
  PROMPT_INJECTION:
    'Xin lỗi, tôi không thể thực hiện yêu cầu này. Tôi chỉ hỗ trợ tra cứu thủ tục hành chính và văn bản của tỉnh, theo đúng quy định sử dụng.',
  OUT_OF_SCOPE:
    'Xin lỗi, câu hỏi này nằm ngoài phạm vi hỗ trợ. Tôi có thể giúp bạn tra cứu thủ tục hành chính (cần giấy tờ gì, nộp ở đâu, mất bao lâu, lệ phí bao nhiêu) và các văn bản của tỉnh.',
  ABUSIVE:
    'Xin vui lòng sử dụng ngôn ngữ lịch sự. Tôi sẵn sàng hỗ trợ bạn tra cứu thủ tục hành chính và văn bản của tỉnh.',
};

/** A question that asks to look up the asker's own file (personal-lookup.ts): nothing to look it up in here. */
export const PERSONAL_LOOKUP_REFUSAL = {
  hidden: 'Để bảo vệ thông tin cá nhân của bạn, các số giấy tờ, số điện thoại và thông tin cá nhân khác trong câu hỏi đã được ẩn đi và không được lưu lại.',
  cannot: 'Trợ lý ảo không tra cứu được hồ sơ của từng người. Bạn có thể tra cứu tình trạng hồ sơ trên Cổng Dịch vụ công quốc gia (dichvucong.gov.vn, mục “Tra cứu hồ sơ”) bằng mã hồ sơ ghi trên giấy tiếp nhận, hoặc hỏi trực tiếp Bộ phận Một cửa nơi bạn đã nộp hồ sơ.',
} as const;

/** Said beside an answer when the question carried personal data that was hidden. */
export const PERSONAL_DATA_HIDDEN_NOTICE = 'Thông tin cá nhân trong câu hỏi của bạn đã được ẩn đi để bảo vệ bạn và không được lưu lại.';

/** The note citizens see with every answer. */
export const REFERENCE_NOTE = 'Thông tin chỉ mang tính tham khảo; văn bản được trích dẫn là căn cứ chính thức.';

export interface GuardedQuestion {
  /** The question with personal data replaced by placeholders: the only form used further. */
  question: string;
  /** The personal values found in the question, so the answer can be kept free of them. */
  personalValues: string[];
  decisions: GuardDecision[];
  refusal?: { reason: InputRefusal | 'PERSONAL_DATA'; message: string };
}

/** Redact, then check a question. */
export function guardQuestion(text: string): GuardedQuestion {
  const { text: question, matches } = redactPersonalData(text);
  const personalValues = matches.map((m) => text.slice(m.start, m.end));
  const decisions: GuardDecision[] = [
    matches.length
      ? { guard: 'personal-data', action: 'redact', reason: [...new Set(matches.map((m) => m.kind))].join(',') }
      : { guard: 'personal-data', action: 'allow' },
  ];
  const verdict = checkInput(question);
  if (verdict.action === 'refuse') {
    decisions.push({ guard: 'input-policy', action: 'refuse', reason: `${verdict.reason}: ${verdict.detail}` });
    return { question, personalValues, decisions, refusal: { reason: verdict.reason, message: GUARD_REFUSALS[verdict.reason] } };
  }
  decisions.push({ guard: 'input-policy', action: 'allow' });
  if (asksPersonalLookup(question, matches.length > 0)) {
    decisions.push({ guard: 'personal-lookup', action: 'refuse', reason: 'asks to look up a personal file' });
    const message = matches.length ? `${PERSONAL_LOOKUP_REFUSAL.hidden} ${PERSONAL_LOOKUP_REFUSAL.cannot}` : PERSONAL_LOOKUP_REFUSAL.cannot;
    return { question, personalValues, decisions, refusal: { reason: 'PERSONAL_DATA', message } };
  }
  return { question, personalValues, decisions };
}

/**
 * Keep the asker's personal data out of the answer. Only the values the asker typed are
 * removed (compared digit by digit, so "0912 345 678" also matches "0912.345.678"): public
 * data quoted from documents, such as an office's hotline, stays.
 */
export function guardAnswer(answer: string, personalValues: readonly string[]): { answer: string; decision: GuardDecision } {
  let out = answer;
  let removed = 0;
  for (const value of personalValues) {
    const digits = mapForDetection(value).text.replace(/\D/g, '');
    // A name or an address is removed as whole words ("Lan" never inside "lan truyền"); an e-mail in any case.
    const pattern = digits.length >= 6
      ? new RegExp(digits.split('').join('[\\s.\\-]?'), 'g')
      : new RegExp(`(?<![\\p{L}\\p{N}])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, value.includes('@') ? 'giu' : 'gu');
    out = out.replace(pattern, () => {
      removed++;
      return '[thông tin cá nhân]';
    });
  }
  return {
    answer: out,
    decision: removed ? { guard: 'answer-personal-data', action: 'redact', reason: `${removed} echoed value(s)` } : { guard: 'answer-personal-data', action: 'allow' },
  };
}

/** What {@link dropRelayedInstructions} did to an answer. */
export interface RelayedInstructions {
  /** The answer without the sentences that carried an instruction. */
  answer: string;
  /** How many sentences were dropped. */
  dropped: number;
  /** Citation numbers still used by the answer. */
  usedMarkers: Set<number>;
  /** The kinds of instruction dropped, once each, for the audit. */
  categories: PlantedCategory[];
}

const MARKERS = /\s*\[\d+(?:\s*[,;]\s*\d+)*\]/g;

/**
 * Text inside documents is data: a sentence of an answer that carries an instruction
 * planted in an indexed document (to the assistant, or to the reader: paying into a private
 * account, sending ID papers over a chat app, calling a number to be served faster; see
 * planted-instructions.ts) is removed, whichever answerer produced it. Returns the cleaned
 * text, how many sentences went, the citation numbers still used and the kinds dropped.
 */
export function dropRelayedInstructions(answer: string): RelayedInstructions {
  let dropped = 0;
  const categories = new Set<PlantedCategory>();
  const emptied = new Set<number>();
  const lines = answer.split('\n').map((line, n) => {
    const sentences = splitAnswerSentences(line);
    const kept = sentences.filter((sentence, i) => {
      const next = sentences[i + 1];
      const verdict = plantedInstructionIn(sentence.replace(MARKERS, ''), next?.replace(MARKERS, ''));
      if (verdict) {
        dropped++;
        categories.add(verdict.category);
      }
      return !verdict;
    });
    if (kept.length === 0 && sentences.length > 0) emptied.add(n);
    return kept.join(' ');
  });
  // A line all of whose sentences went is removed; the answer's own blank lines stay.
  const text = dropped ? lines.filter((_, n) => !emptied.has(n)).join('\n').trim() : answer;
  return { answer: text, dropped, usedMarkers: new Set(markerNumbers(text)), categories: [...categories] };
}

/** What the assistant says when every sentence of substance of an answer carried a planted instruction. */
export const DOCUMENT_INSTRUCTION_REFUSAL =
  'Xin lỗi, đoạn văn bản tìm được có nội dung không phù hợp để trích dẫn (ví dụ yêu cầu chuyển tiền vào tài khoản cá nhân hoặc gửi giấy tờ qua ứng dụng nhắn tin), nên tôi không trả lời từ đoạn này. Vui lòng liên hệ Bộ phận Một cửa hoặc Cổng Dịch vụ công quốc gia để được hướng dẫn chính thức; không chuyển tiền hay gửi giấy tờ cá nhân theo những hướng dẫn như vậy.';

/**
 * Whether a sentence of an answer says something: not empty, not only markers or bullets,
 * not a lead-in ending with ":" ("Theo Quyết định số 12 [1]:").
 */
export function saysSomething(sentence: string): boolean {
  const plain = sentence.replace(MARKERS, '').replace(/^[\s\-–+*•·]+/u, '').trim();
  if (!plain || /:\s*$/u.test(plain)) return false;
  return (plain.match(/\p{L}+/gu) ?? []).length >= 2;
}

/**
 * Whether an answer must become a refusal after {@link dropRelayedInstructions}: something
 * was dropped and no sentence left says something (see {@link saysSomething}: what is left
 * is empty, or only a lead-in such as "Theo Quyết định số 12 [1]:"). Then the exchange is
 * refused with reason `PROMPT_INJECTION` and {@link DOCUMENT_INSTRUCTION_REFUSAL}, no
 * citations, and audited as refused.
 */
export function refusalAfterDroppedInstructions(relayed: Pick<RelayedInstructions, 'answer' | 'dropped'>):
  { reason: 'PROMPT_INJECTION'; message: string } | undefined {
  if (relayed.dropped === 0) return undefined;
  if (relayed.answer.split('\n').some((line) => splitAnswerSentences(line).some(saysSomething))) return undefined;
  return { reason: 'PROMPT_INJECTION', message: DOCUMENT_INSTRUCTION_REFUSAL };
}
