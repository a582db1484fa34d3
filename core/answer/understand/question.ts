/**
 * One pass over a question for everything the answerer decides from its wording: intents,
 * follow-up markers, the submission channels it names, whether it asks for a number or a
 * date, and its content tokens (what is left once question words, function words, intent
 * cues and request words are set aside).
 */
import type { Channel } from '../../structure/procedure-tables.ts';
import { matchTerms, type TermMatch } from '../../text/dictionary.ts';
import { normalizeText } from '../../text/normalize.ts';
import { QUESTION_WORDS, STOPWORDS } from '../../text/stopwords.ts';
import { intentCues, type FieldIntent } from './intent.ts';
import { createPhraseMatcher, questionTokens, type PhraseMatch, type QuestionToken } from './phrase-match.ts';
import type { ProcedureIntent } from '../types.ts';

/** Words of a request that name no subject ("thủ tục", "làm", "cần", "nộp" …). */
export const REQUEST_WORDS: readonly string[] = Object.freeze([
  'thủ tục hành chính', 'thủ tục', 'làm', 'cần', 'muốn', 'xin', 'nộp', 'hồ sơ', 'giúp', 'cho biết', 'biết',
  'cách', 'dạ', 'vâng', 'hãy', 'vui lòng', 'cần phải', 'phải', 'nhờ', 'thực hiện', 'quy định', 'làm xong', 'xong',
]);

/**
 * Subject phrases that contain a question or function word ("sao" of "tại sao" in "bản
 * sao"): their words stay content words.
 */
export const SUBJECT_PHRASES: readonly string[] = Object.freeze(['bản sao', 'sao y', 'sao lục', 'trích sao']);

/** Words that point back at the previous turn ("còn … thì sao", "thủ tục đó"). */
export const FOLLOW_UP_MARKERS: readonly string[] = Object.freeze([
  'còn', 'thế còn', 'vậy còn', 'thế', 'vậy', 'thì sao', 'nữa', 'thủ tục đó', 'thủ tục này', 'trường hợp đó',
  'trường hợp này', 'cái đó', 'cái này', 'việc đó', 'việc này', 'văn bản đó', 'văn bản này', 'nó', 'đó', 'này',
]);

/**
 * One-word function words recognised when typed without diacritics. Left out are those
 * whose bare form is also a common content syllable: dang (đang/đăng), can (cần/căn),
 * van (vẫn/văn), ve (về/vé), co (có/cơ), ban (bạn/ban/bản), anh (anh/ảnh), ma (mà/mã) …
 */
const BARE_FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'khong', 'gi', 'nao', 'sao', 'chua', 'la', 'cua', 'va', 'voi', 'cho', 'thi', 'nhung', 'cac', 'duoc', 'nhe', 'a',
  'hay', 'hoac', 'theo', 'toi', 'minh', 'em', 'xin', 'hoi', 'muon', 'nop', 'mot', 'moi', 'kia', 'vi', 'neu', 'khi',
  'trong', 'tai', 'lam', 'ra', 'len', 'xuong', 'se', 'rat', 'ong', 'the', 'nua', 'con', 'biet', 'giup', 'phai',
]);

const NOISE = createPhraseMatcher([...QUESTION_WORDS, ...STOPWORDS, ...REQUEST_WORDS].map((phrase) => ({ phrase, value: true })), { bareSingles: BARE_FUNCTION_WORDS });
const MARKERS = createPhraseMatcher(FOLLOW_UP_MARKERS.map((phrase) => ({ phrase, value: true as const })), { bareSingles: BARE_FUNCTION_WORDS });
const SUBJECTS = createPhraseMatcher(SUBJECT_PHRASES.map((phrase) => ({ phrase, value: true })));
const CHANNELS = createPhraseMatcher<Channel>([
  { phrase: 'trực tiếp', value: 'Trực tiếp' }, { phrase: 'nộp trực tiếp', value: 'Trực tiếp' },
  { phrase: 'trực tuyến', value: 'Trực tuyến' }, { phrase: 'online', value: 'Trực tuyến' },
  { phrase: 'qua mạng', value: 'Trực tuyến' }, { phrase: 'dịch vụ công trực tuyến', value: 'Trực tuyến' },
  { phrase: 'bưu điện', value: 'Dịch vụ bưu chính' }, { phrase: 'bưu chính', value: 'Dịch vụ bưu chính' },
]);
const NUMBER_CUES = createPhraseMatcher(['bao nhiêu', 'mấy', 'số lượng', 'tỷ lệ', 'tổng số', 'số liệu', 'bao nhiêu phần trăm', 'kinh phí'].map((phrase) => ({ phrase, value: true })));
const DATE_CUES = createPhraseMatcher(['khi nào', 'bao giờ', 'ngày nào', 'năm nào', 'thời điểm', 'lúc nào', 'ngày bao nhiêu', 'thời gian nào', 'ngày mấy'].map((phrase) => ({ phrase, value: true })));

/** A question analysed once. */
export interface QuestionAnalysis {
  /** The question, normalised and trimmed. */
  text: string;
  tokens: QuestionToken[];
  intents: ProcedureIntent[];
  cues: PhraseMatch<FieldIntent>[];
  markers: PhraseMatch<true>[];
  /** Channels named in the question, without duplicates. */
  channels: Channel[];
  asksNumber: boolean;
  asksDate: boolean;
  /**
   * Asks whether something has already happened to the asker's own case ("hồ sơ … đã được
   * duyệt chưa?", "đã được cấp sổ đỏ chưa"): no catalogue or document can know that.
   */
  asksStatus: boolean;
  /** Positions (into `tokens`) of content tokens, in order. */
  content: number[];
  /** Dictionary terms made only of content tokens, with their token range. */
  terms: Array<{ match: TermMatch; start: number; end: number }>;
}

/**
 * The question with "mất" and "tốn" of a time or cost cue ("mất bao lâu", "mat bao lau",
 * "có mất phí không", "tốn bao nhiêu") set apart by a comma: there they say what the
 * procedure takes, not that a paper was lost, and must not match "cấp lại … do bị mất".
 */
export function withoutSpendingWords(text: string): string {
  const tokens = questionTokens(text);
  let out = text;
  for (const cue of intentCues(tokens).reverse()) {
    const head = tokens[cue.start]!;
    if (SPENDING_WORDS.has(head.folded)) out = `${out.slice(0, head.start)},${out.slice(head.end)}`;
  }
  return out;
}

const SPENDING_WORDS: ReadonlySet<string> = new Set(['mat', 'ton']);

/**
 * The question with its dictionary terms in their first official words ("xin GPXD nhà ở"
 * → "xin giấy phép xây dựng nhà ở"), for rules that read the official wording.
 */
export function officialWording(q: QuestionAnalysis): string {
  let out = q.text;
  for (const { match } of [...q.terms].reverse()) {
    const official = match.entry.official[0];
    if (official) out = `${out.slice(0, match.start)}${official}${out.slice(match.end)}`;
  }
  return out;
}

/** "đã … chưa" closing the question: a question about the state of one's own case. */
function asksStatus(tokens: readonly QuestionToken[]): boolean {
  const last = tokens.length - 1;
  const end = tokens[last]?.folded === 'a' ? last - 1 : last;
  if (end < 1 || tokens[end]!.folded !== 'chua') return false;
  return tokens.slice(0, end).some((t) => t.token === 'đã' || t.token === 'da');
}

function covered(matches: ReadonlyArray<{ start: number; end: number }>, into: Set<number>): void {
  for (const m of matches) for (let i = m.start; i < m.end; i += 1) into.add(i);
}

/** Analyse a question; cheap (a few token passes), safe on any input. */
export function analyzeQuestion(question: string): QuestionAnalysis {
  const text = normalizeText(question).trim();
  const tokens = questionTokens(text);
  const cues = intentCues(tokens);
  const intents: ProcedureIntent[] = [];
  for (const c of cues) if (!intents.includes(c.value)) intents.push(c.value);
  // "còn" (still / what about) only marks a follow-up at the start; elsewhere it may be "con" (child).
  const markers = MARKERS.match(tokens).filter((m) => m.phrase !== 'còn' || m.start === 0);
  // Dictionary terms are subjects even when they look like function words ("AI" vs "ai").
  const terms: QuestionAnalysis['terms'] = [];
  for (const match of matchTerms(text)) {
    const start = tokens.findIndex((t) => t.start >= match.start);
    let end = start;
    while (end >= 0 && end < tokens.length && tokens[end]!.end <= match.end) end += 1;
    if (start >= 0 && end > start) terms.push({ match, start, end });
  }
  const inTerm = new Set<number>();
  covered(terms, inTerm);
  covered(SUBJECTS.match(tokens), inTerm);
  const removed = new Set<number>();
  covered(cues, removed);
  covered(markers, removed);
  const noise = new Set<number>();
  covered(NOISE.match(tokens), noise);
  for (const i of noise) if (!inTerm.has(i)) removed.add(i);
  const content = tokens.map((_, i) => i).filter((i) => !removed.has(i));
  const kept = terms.filter((t) => content.includes(t.start) && content.includes(t.end - 1));
  const channels: Channel[] = [];
  for (const m of CHANNELS.match(tokens)) if (!channels.includes(m.value)) channels.push(m.value);
  return {
    text, tokens, cues, markers, channels, content, terms: kept,
    intents: intents.length ? intents : ['overview'],
    asksNumber: NUMBER_CUES.match(tokens).length > 0,
    asksDate: DATE_CUES.match(tokens).length > 0,
    asksStatus: asksStatus(tokens),
  };
}
