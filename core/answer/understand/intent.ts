/**
 * What a citizen's question asks about a procedure, from everyday Vietnamese phrasing,
 * typed with or without diacritics ("lệ phí bao nhiêu", "le phi bao nhieu").
 */
import { createPhraseMatcher, questionTokens, type PhraseMatch, type QuestionToken } from './phrase-match.ts';
import type { ProcedureIntent } from '../types.ts';

/** A procedure intent other than the `overview` fallback. */
export type FieldIntent = Exclude<ProcedureIntent, 'overview'>;

/** Cue phrases per intent (lower case, NFC). Longer phrases win over shorter ones. */
export const INTENT_CUES: Readonly<Record<FieldIntent, readonly string[]>> = Object.freeze({
  papers: [
    'giấy tờ', 'giấy tờ gì', 'cần giấy tờ gì', 'hồ sơ gồm', 'hồ sơ gồm những gì', 'hồ sơ gồm gì', 'hồ sơ cần',
    'cần hồ sơ', 'hồ sơ gì', 'hồ sơ những gì', 'bộ hồ sơ', 'thành phần hồ sơ', 'chuẩn bị gì', 'chuẩn bị những gì',
    'chuẩn bị hồ sơ', 'cần chuẩn bị', 'mang theo', 'mang gì', 'mẫu đơn', 'tờ khai', 'cần những gì',
    'giấy gì', 'cần giấy gì', 'nộp gì', 'nộp những gì', 'cần nộp gì',
  ],
  fee: [
    'lệ phí', 'phí', 'chi phí', 'miễn phí', 'bao nhiêu tiền', 'mất tiền', 'tốn tiền', 'tốn bao nhiêu',
    'mất bao nhiêu tiền', 'đóng tiền', 'nộp tiền', 'hết bao nhiêu', 'tiền phí', 'mất phí', 'mất lệ phí', 'tốn phí',
  ],
  time: [
    'bao lâu', 'mất bao lâu', 'bao nhiêu lâu', 'lâu', 'mấy ngày', 'bao nhiêu ngày', 'mấy hôm', 'thời hạn',
    'mất mấy ngày', 'mất mấy hôm', 'mất bao nhiêu ngày', 'mất bao nhiêu thời gian', 'mất thời gian',
    'thời gian', 'thời gian giải quyết', 'khi nào có kết quả', 'bao giờ có kết quả', 'khi nào nhận', 'bao giờ nhận',
    'khi nào xong', 'bao giờ xong', 'khi nào được', 'bao giờ được', 'mấy giờ', 'trước mấy giờ', 'chậm nhất',
  ],
  place: [
    'ở đâu', 'nộp ở đâu', 'làm ở đâu', 'đến đâu', 'chỗ nào', 'nơi nào', 'cơ quan nào', 'đơn vị nào', 'nộp tại',
    'địa chỉ', 'nơi nộp', 'nơi tiếp nhận', 'cơ quan thực hiện', 'cơ quan giải quyết', 'ai giải quyết', 'ai cấp',
  ],
  steps: [
    'thủ tục như thế nào', 'như thế nào', 'thế nào', 'các bước', 'trình tự', 'làm thế nào', 'làm sao', 'quy trình',
    'cách làm', 'hướng dẫn', 'ra sao', 'làm như thế nào', 'thực hiện ra sao',
  ],
  channels: [
    'nộp online', 'online', 'trực tuyến', 'qua mạng', 'qua bưu điện', 'bưu điện', 'bưu chính', 'nộp qua',
    'cách thức', 'hình thức nộp', 'nộp trực tiếp', 'dịch vụ công trực tuyến',
  ],
  conditions: ['điều kiện', 'yêu cầu', 'cần đáp ứng', 'đủ điều kiện'],
  legal_basis: [
    'căn cứ', 'căn cứ pháp lý', 'cơ sở pháp lý', 'theo quy định nào', 'quy định nào', 'văn bản nào', 'luật nào',
    'nghị định nào', 'thông tư nào', 'quy định ở đâu', 'theo luật', 'luật số', 'luật gì', 'nghị định số', 'thông tư số',
    'theo nghị định', 'theo thông tư',
  ],
  result: ['được cấp gì', 'kết quả', 'nhận được gì', 'nhận được giấy gì', 'được gì', 'cấp giấy gì', 'là giấy gì', 'nhận giấy gì', 'được cấp giấy gì', 'được cấp lại giấy gì'],
  who: ['ai được', 'đối tượng', 'ai có thể', 'ai phải', 'những ai', 'người nào', 'ai được làm'],
});

/**
 * Phrases that contain a cue word but ask nothing about a procedure field ("kinh phí" is a
 * budget, not a fee; "thời gian tới" is the future, not a deadline). They are consumed so
 * the cue inside them does not fire.
 */
export const NOT_CUES: readonly string[] = Object.freeze([
  'kinh phí', 'phí bảo hiểm', 'thời gian tới', 'thời gian qua', 'kết quả thực hiện', 'kết quả đạt được', 'yêu cầu của',
]);

const MATCHER = createPhraseMatcher<FieldIntent | null>([
  ...(Object.entries(INTENT_CUES) as Array<[FieldIntent, readonly string[]]>).flatMap(([value, phrases]) => phrases.map((phrase) => ({ phrase, value }))),
  ...NOT_CUES.map((phrase) => ({ phrase, value: null })),
]);

/** Intent cue phrases found in already tokenised question text, in question order. */
export function intentCues(tokens: readonly QuestionToken[]): PhraseMatch<FieldIntent>[] {
  return MATCHER.match(tokens).filter((m): m is PhraseMatch<FieldIntent> => m.value !== null);
}

/** Intents of a tokenised question, ordered by where they are first asked; `overview` when none. */
export function intentsOf(tokens: readonly QuestionToken[]): ProcedureIntent[] {
  const out: ProcedureIntent[] = [];
  for (const m of intentCues(tokens)) if (!out.includes(m.value)) out.push(m.value);
  return out.length ? out : ['overview'];
}

/**
 * What a procedure question asks for, ordered by where each is first asked ("lệ phí và
 * thời hạn" → fee, time); `['overview']` when nothing specific is asked.
 */
export function detectIntent(question: string): ProcedureIntent[] {
  return intentsOf(questionTokens(question));
}
