/**
 * Vietnamese question words and function words, exposed as data. The analyzer keeps them
 * (a query such as "thời hạn là bao lâu" needs "bao_lâu" to find deadlines); the retriever
 * decides how much they weigh.
 */
import { foldDiacritics } from './fold.ts';
import { canonicalTone } from './tone.ts';

/** Question words and phrases of citizens' questions, lower case, NFC. */
export const QUESTION_WORDS: readonly string[] = Object.freeze([
  'bao nhiêu', 'bao lâu', 'bao giờ', 'mấy', 'mấy ngày', 'khi nào', 'lúc nào', 'ở đâu', 'đâu',
  'nơi nào', 'chỗ nào', 'ai', 'gì', 'cái gì', 'là gì', 'những gì', 'cần giấy tờ gì',
  'cần những gì', 'nào', 'như thế nào', 'thế nào', 'ra sao', 'làm sao', 'làm thế nào',
  'cách nào', 'tại sao', 'vì sao', 'sao', 'có phải', 'phải không', 'hay không', 'không',
  'chưa', 'có không', 'được không', 'được không ạ',
]);

/** Function words (particles, conjunctions, prepositions, pronouns of address), lower case, NFC. */
export const STOPWORDS: readonly string[] = Object.freeze([
  'à', 'ạ', 'ơi', 'nhé', 'nhỉ', 'vậy', 'thế', 'thì', 'mà', 'là', 'có', 'được', 'bị', 'của',
  'và', 'với', 'hoặc', 'hay', 'các', 'những', 'mọi', 'một', 'này', 'đó', 'kia', 'ấy', 'cho',
  'để', 'do', 'vì', 'nên', 'nếu', 'khi', 'trong', 'ngoài', 'trên', 'dưới', 'tại', 'theo',
  'về', 'từ', 'đến', 'tới', 'vào', 'ra', 'lên', 'xuống', 'đã', 'đang', 'sẽ', 'vẫn', 'cũng',
  'rất', 'lắm', 'xin', 'hỏi', 'cho hỏi', 'tôi', 'mình', 'em', 'anh', 'chị', 'ông', 'bà',
  'bạn', 'chúng tôi',
]);

/** Stop entries as index terms: single words as is, two-word phrases as their bigram. */
function asTerms(phrases: readonly string[]): string[] {
  const terms: string[] = [];
  for (const phrase of phrases) {
    const words = canonicalTone(phrase.normalize('NFC')).split(' ');
    if (words.length <= 2) terms.push(words.join('_'));
  }
  return terms;
}

const STOP_TERMS = new Set([...asTerms(QUESTION_WORDS), ...asTerms(STOPWORDS)]);
const FOLDED_STOP_TERMS = new Set([...STOP_TERMS].map(foldDiacritics));

/**
 * Whether a token from tokenize/analyze (a word, or a bigram such as "bao_nhiêu") is a
 * question word or function word. With `folded`, compares diacritic-folded forms (for the
 * shadow field), which is looser: "co" is also "cỏ", "cơ".
 */
export function isStopword(token: string, options?: { folded?: boolean }): boolean {
  return options?.folded ? FOLDED_STOP_TERMS.has(foldDiacritics(token)) : STOP_TERMS.has(token);
}
