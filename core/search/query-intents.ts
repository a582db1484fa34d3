/**
 * What a question asks for, recognised from its question words, and the official section
 * names where the answer is written: Vietnamese legal documents define their terms in an
 * article "Giải thích từ ngữ" and their scope in "Phạm vi điều chỉnh" / "Đối tượng áp
 * dụng"; a procedure lists "Thành phần hồ sơ", "Thời hạn giải quyết", "Lệ phí", "Cơ quan
 * thực hiện". The question words themselves are damped (see query.ts); these phrases put
 * their meaning back as down-weighted extra terms.
 */
import { createTermMatcher, type DictionaryEntry } from '../text/dictionary.ts';

/** Cue phrases of one intent and the section vocabulary they point to. */
export interface QueryIntent {
  readonly name: string;
  readonly cues: readonly string[];
  readonly official: readonly string[];
}

export const QUERY_INTENTS: readonly QueryIntent[] = Object.freeze([
  {
    name: 'definition',
    cues: ['là gì', 'nghĩa là gì', 'định nghĩa', 'được hiểu', 'hiểu như thế nào', 'khái niệm'],
    official: ['giải thích từ ngữ', 'được hiểu là'],
  },
  {
    name: 'scope',
    cues: ['áp dụng cho', 'áp dụng đối với', 'đối tượng nào', 'những ai', 'ai được'],
    official: ['phạm vi điều chỉnh', 'đối tượng áp dụng', 'đối tượng thực hiện'],
  },
  {
    name: 'rights',
    cues: ['quyền gì', 'những quyền nào', 'quyền nào', 'nghĩa vụ gì', 'nghĩa vụ nào'],
    official: ['quyền và nghĩa vụ', 'quyền, nghĩa vụ'],
  },
  {
    name: 'documents',
    cues: ['cần giấy tờ gì', 'giấy tờ gì', 'cần những gì', 'cần mang gì', 'hồ sơ gồm', 'hồ sơ cần'],
    official: ['thành phần hồ sơ'],
  },
  {
    name: 'deadline',
    cues: ['bao lâu', 'mấy ngày', 'bao nhiêu ngày', 'mất bao lâu', 'khi nào có kết quả'],
    official: ['thời hạn', 'thời hạn giải quyết'],
  },
  {
    name: 'fee',
    cues: ['bao nhiêu tiền', 'mất phí', 'tốn bao nhiêu', 'lệ phí bao nhiêu', 'phí bao nhiêu', 'có mất tiền'],
    official: ['lệ phí', 'phí'],
  },
  {
    name: 'place',
    cues: ['ở đâu', 'nộp ở đâu', 'làm ở đâu', 'chỗ nào', 'nơi nào', 'cơ quan nào'],
    official: ['cơ quan thực hiện', 'địa chỉ tiếp nhận'],
  },
].map((i) => Object.freeze(i)));

const matcher = createTermMatcher(
  QUERY_INTENTS.flatMap((intent): DictionaryEntry[] => intent.cues.map((term) => ({ term, official: intent.official, kind: 'everyday' }))),
);

/**
 * Official section phrases for the intents a question shows, without duplicates, in text
 * order: `intentPhrases('lệ phí bao nhiêu tiền')` → `['lệ phí', 'phí']`. Cues match as
 * dictionary terms do: whole words, with or without diacritics.
 */
export function intentPhrases(query: string): string[] {
  return matcher.expand(query);
}
