/**
 * One pass over a question for everything the answerer decides from its wording: intents,
 * follow-up markers, the submission channels it names, whether it asks for a number or a
 * date, and its content tokens (what is left once question words, function words, intent
 * cues and request words are set aside). The cue words are in prompts/cues/ (question,
 * follow-up and channels .vi.json).
 */
import channelCues from '../../../prompts/cues/channels.vi.json' with { type: 'json' };
import followUp from '../../../prompts/cues/follow-up.vi.json' with { type: 'json' };
import cues from '../../../prompts/cues/question.vi.json' with { type: 'json' };
import type { Channel } from '../../structure/procedure-tables.ts';
import { matchTerms, type TermMatch } from '../../text/dictionary.ts';
import { normalizeText } from '../../text/normalize.ts';
import { QUESTION_WORDS, STOPWORDS } from '../../text/stopwords.ts';
import { intentCues, type FieldIntent } from './intent.ts';
import { createPhraseMatcher, foldedWords, questionTokens, type PhraseMatch, type QuestionToken } from './phrase-match.ts';
import type { ProcedureIntent } from '../types.ts';

/** Words of a request that name no subject ("thủ tục", "làm", "cần", "nộp" …). */
export const REQUEST_WORDS: readonly string[] = Object.freeze(cues.requestWords);

/**
 * People around the asker ("người quen", "hàng xóm", "cho con"): who the procedure is done
 * for or with, never its subject. A title naming a child ("nhận cha, mẹ, con") is no match
 * for "khai sinh cho con"; whether a child is asked about is read from the words as typed.
 */
export const BYSTANDER_WORDS: readonly string[] = Object.freeze(cues.bystanderWords);

/**
 * The asker's own people ("mẹ tôi", "cháu nhà mình", "anh trai tôi"): a kin word right
 * before an owner word names who the procedure is for, never its subject, as a bystander
 * does. A kin word alone stays a content word ("nhận cha, mẹ, con", "khai sinh cho con").
 */
export const KIN_WORDS: readonly string[] = Object.freeze(cues.kinWords);
/** Words that make the kin word before them the asker's own ("tôi", "nhà mình"). */
export const OWNER_WORDS: readonly string[] = Object.freeze(cues.ownerWords);
/**
 * The asker's circumstances ("về quê", "chỗ trọ", "chưa xây kịp", "rồi"): everyday words
 * that tell the story around a request and name no procedure, so they neither search for
 * one nor veto one that matches the rest.
 */
export const SITUATION_WORDS: readonly string[] = Object.freeze(cues.situationWords);

/**
 * Subject phrases that contain a question or function word ("sao" of "tại sao" in "bản
 * sao"): their words stay content words.
 */
export const SUBJECT_PHRASES: readonly string[] = Object.freeze(cues.subjectPhrases);

/** Words that point back at the previous turn ("còn … thì sao", "thủ tục đó"). */
export const FOLLOW_UP_MARKERS: readonly string[] = Object.freeze(followUp.markers);

/**
 * Follow-up markers only at the start of a question: "còn" (still / what about) elsewhere
 * may be "con" (child).
 */
const START_ONLY_MARKERS: ReadonlySet<string> = new Set(followUp.markersAtStartOnly);

/**
 * One-word function words recognised when typed without diacritics (their folded forms).
 * Left out are those whose bare form is also a common content syllable: dang (đang/đăng),
 * can (cần/căn), van (vẫn/văn), ve (về/vé), co (có/cơ), ban (bạn/ban/bản), anh (anh/ảnh),
 * ma (mà/mã) …
 */
const BARE_FUNCTION_WORDS = foldedWords(cues.bareFunctionWords);

const NOISE = createPhraseMatcher([...QUESTION_WORDS, ...STOPWORDS, ...REQUEST_WORDS, ...BYSTANDER_WORDS, ...SITUATION_WORDS].map((phrase) => ({ phrase, value: true })), { bareSingles: BARE_FUNCTION_WORDS });
const KIN = createPhraseMatcher(KIN_WORDS.map((phrase) => ({ phrase, value: true })));
const OWNERS = createPhraseMatcher(OWNER_WORDS.map((phrase) => ({ phrase, value: true })));

/** The spans of the asker's own people: a kin word followed at once by an owner word ("mẹ tôi"). */
function ownPeople(tokens: readonly QuestionToken[]): Array<{ start: number; end: number }> {
  const owners = OWNERS.match(tokens);
  return KIN.match(tokens).flatMap((kin) => {
    const owner = owners.find((o) => o.start === kin.end);
    return owner ? [{ start: kin.start, end: owner.end }] : [];
  });
}
const MARKERS = createPhraseMatcher(FOLLOW_UP_MARKERS.map((phrase) => ({ phrase, value: true as const })), { bareSingles: BARE_FUNCTION_WORDS });
const SUBJECTS = createPhraseMatcher(SUBJECT_PHRASES.map((phrase) => ({ phrase, value: true })));
const CHANNEL_CUES: Readonly<Record<Channel, readonly string[]>> = channelCues;
const CHANNELS = createPhraseMatcher<Channel>(
  (Object.entries(CHANNEL_CUES) as Array<[Channel, readonly string[]]>).flatMap(([value, phrases]) => phrases.map((phrase) => ({ phrase, value }))),
);
const NUMBER_CUES = createPhraseMatcher(cues.numberCues.map((phrase) => ({ phrase, value: true })));
const DATE_CUES = createPhraseMatcher(cues.dateCues.map((phrase) => ({ phrase, value: true })));

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

const SPENDING_WORDS = foldedWords(cues.spendingWords);
const MONEY_WORDS = foldedWords(cues.moneyWords);

/**
 * Tokens of the amounts the asker quotes ("115 nghìn", "50k", "1 triệu đồng"): a figure
 * the asker heard of, not what the question is about; it asks about the fee.
 */
function quotedAmounts(tokens: readonly QuestionToken[]): Set<number> {
  const out = new Set<number>();
  tokens.forEach((t, i) => {
    if (/^\d[\d.,]*k$/u.test(t.folded)) out.add(i);
    if (!/^\d[\d.,]*$/u.test(t.folded) || !MONEY_WORDS.has(tokens[i + 1]?.folded ?? '')) return;
    out.add(i);
    for (let j = i + 1; j < tokens.length && MONEY_WORDS.has(tokens[j]!.folded); j += 1) out.add(j);
  });
  return out;
}

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

const STATUS_BEFORE: ReadonlySet<string> = new Set([...cues.status.before, ...foldedWords(cues.status.before)]);
const STATUS_CLOSING = foldedWords(cues.status.closing);
const STATUS_TRAILING = foldedWords(cues.status.trailing);

/**
 * "đã … chưa" closing the question (a polite "ạ" may follow): a question about the state
 * of one's own case. The closing and trailing words match with or without diacritics; the
 * word before as written or typed without any.
 */
function asksStatus(tokens: readonly QuestionToken[]): boolean {
  const last = tokens.length - 1;
  const end = STATUS_TRAILING.has(tokens[last]?.folded ?? '') ? last - 1 : last;
  if (end < 1 || !STATUS_CLOSING.has(tokens[end]!.folded)) return false;
  return tokens.slice(0, end).some((t) => STATUS_BEFORE.has(t.token));
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
  const amounts = quotedAmounts(tokens);
  if (amounts.size > 0 && !intents.includes('fee')) intents.push('fee');
  // Dictionary terms are subjects even when they look like function words ("AI" vs "ai").
  const terms: QuestionAnalysis['terms'] = [];
  for (const match of matchTerms(text)) {
    const start = tokens.findIndex((t) => t.start >= match.start);
    let end = start;
    while (end >= 0 && end < tokens.length && tokens[end]!.end <= match.end) end += 1;
    if (start >= 0 && end > start) terms.push({ match, start, end });
  }
  // A word of a dictionary term points back at nothing: "thế" of "thế chấp" is no "thế còn …".
  const markers = MARKERS.match(tokens)
    .filter((m) => !START_ONLY_MARKERS.has(m.phrase) || m.start === 0)
    .filter((m) => !terms.some((t) => m.start < t.end && t.start < m.end));
  const inTerm = new Set<number>();
  covered(terms, inTerm);
  covered(SUBJECTS.match(tokens), inTerm);
  const removed = new Set<number>();
  covered(cues, removed);
  covered(markers, removed);
  const noise = new Set<number>();
  covered(NOISE.match(tokens), noise);
  covered(ownPeople(tokens), noise);
  for (const i of noise) if (!inTerm.has(i)) removed.add(i);
  for (const i of amounts) removed.add(i);
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
