/**
 * How well a procedure's NAME matches a question. Near-duplicate procedures ("Đăng ký khai
 * sinh", "… lưu động", "… có yếu tố nước ngoài", "… kết hợp đăng ký nhận cha, mẹ, con")
 * share most of their text; what tells them apart is the qualifiers in the title that the
 * citizen did or did not say.
 *
 * - title precision: share of the title's content units (folded syllables and adjacent
 *   pairs, generic words such as "thủ tục", "cấp", "thực hiện" and function words set
 *   aside) that the question names, itself or through a dictionary expansion ("sổ đỏ" →
 *   "giấy chứng nhận quyền sử dụng đất"). Qualifiers the user did not say lower it.
 * - title recall: share of the question's weighted content units found in the title.
 *
 * Spelling variants i/y after a consonant ("kí"/"ký", "lí"/"lý") are the same syllable here.
 * The generic title words and the words that keep a qualifier are in
 * prompts/cues/title-match.vi.json; the qualifiers' own patterns stay below.
 */
import questionCues from '../../../prompts/cues/question.vi.json' with { type: 'json' };
import cues from '../../../prompts/cues/title-match.vi.json' with { type: 'json' };
import preferenceCues from '../../../prompts/cues/procedure-preference.vi.json' with { type: 'json' };
import { BoundedCache } from '../../bounded-cache.ts';
import { abbreviateSpeltOut, expandTerms, spellOutAbbreviations } from '../../text/dictionary.ts';
import { foldDiacritics } from '../../text/fold.ts';
import { normalizeText } from '../../text/normalize.ts';
import { QUESTION_WORDS, STOPWORDS } from '../../text/stopwords.ts';
import { unitFound, type ContentUnit, type TermWeight } from './coverage.ts';
import { createPhraseMatcher, questionTokens } from '../understand/phrase-match.ts';
import { withoutSpendingWords, type QuestionAnalysis } from '../understand/question.ts';
import { unitRarity } from './term-rarity.ts';
import { MIN_SEGMENT_UNITS, SEGMENT_FACTOR, SHORT_PART_WORDS, TITLE_RARE_IDF } from '../tuning.ts';

/** Words of procedure titles that name no subject of their own. */
export const GENERIC_TITLE_WORDS: readonly string[] = Object.freeze(cues.genericTitleWords);

const TITLE_NOISE = createPhraseMatcher([...QUESTION_WORDS, ...STOPWORDS, ...GENERIC_TITLE_WORDS].map((phrase) => ({ phrase, value: true })));

/** An age range of applicants in a title ("từ đủ 14 tuổi trở lên", "dưới 6 tuổi"). */
const AGE_RANGE = /(?:từ đủ|chưa đủ|từ|dưới|trên|đủ)\s+\d+\s+tuổi(?:\s+trở\s+(?:lên|xuống))?/giu;

/**
 * How and where a procedure is done, as titles of near-duplicates add it ("… bằng dịch vụ
 * công trực tuyến một phần hoặc trực tiếp thực hiện tại cấp trung ương, cấp tỉnh, cấp xã",
 * "… trực tuyến toàn trình"): a citizen names the subject, not the channel or the level.
 */
const CHANNEL_QUALIFIER = /(?:thực hiện )?(?:bằng|qua) dịch vụ công\s+(?:trực\s+tuyến\s+)?(?:một phần|toàn trình)?(?: hoặc trực tiếp)?|trực tuyến (?:toàn trình|một phần)/giu;
/** Several levels listed ("tại cấp tỉnh, cấp xã") restrict nothing; one level is a variant ("Cấp lại thẻ căn cước (thực hiện tại cấp tỉnh)"). */
const LEVEL_QUALIFIER = /(?:thực hiện )?tại cấp (?:trung ương|tỉnh|huyện|xã)(?:,?\s+cấp (?:trung ương|tỉnh|huyện|xã))+/giu;
/** Words of a question that ask for a channel, a level or an age: then the title keeps that qualifier. */
/** The offices and levels a question names as where it applies ("ở Cục Quản lý xuất nhập cảnh", "công an tỉnh"). */
const ASKED_OFFICES = createPhraseMatcher(Object.values(preferenceCues.askedLevels).flat().map((phrase) => ({ phrase, value: true })));
/** Words that put an office after them as the place applied at ("ở", "tại"), folded. */
const OFFICE_LEADS = new Set(cues.officeLeads.map((w) => canon(foldDiacritics(w))));
const CHANNEL_WORDS = askedForms(cues.keepChannelWords);
const LEVEL_WORDS = askedForms(cues.keepLevelWords);
const AGE_WORDS = askedForms(questionCues.ageWords);

/** How a title matches a question; precision and recall in [0, 1]. */
export interface TitleMatch {
  precision: number;
  recall: number;
  /** Rare question units (see {@link TITLE_RARE_IDF}) the title does not contain. */
  rareMissed: number;
  /** The question's rare units (0 without term weights). */
  rareTotal: number;
}

/** One spelling for the i/y variants of a folded syllable ("ki" and "ky" → "ky"). */
function canon(folded: string): string {
  return folded.replace(/^(qu|[bcdghklmnpstv]|ch|gh|kh|nh|ph|th|tr)i$/u, '$1y').replace(/^0+(?=\d)/u, '');
}

/** Phrases in the form of {@link textTerms}' words and pairs ("trực tuyến" → "truc_tuyen"). */
function askedForms(phrases: readonly string[]): string[] {
  return phrases.map((p) => questionTokens(normalizeText(p).toLowerCase()).map((t) => canon(t.folded)).join('_'));
}

function canonTerm(term: string): string {
  return term.split('_').map(canon).join('_');
}

/** Canonical folded words and adjacent word pairs of a text (all words, pairs within a clause). */
function textTerms(text: string, into: Set<string>): void {
  const tokens = questionTokens(normalizeText(text).toLowerCase());
  tokens.forEach((t, i) => {
    into.add(canon(t.folded));
    const next = tokens[i + 1];
    if (next && !next.breakBefore) into.add(`${canon(t.folded)}_${canon(next.folded)}`);
  });
}

/** What a question offers for matching titles, computed once per question. */
export interface QuestionTitleTerms {
  /** Canonical folded words and pairs of the question and of its dictionary expansions. */
  asked: Set<string>;
  /** The question's content units in canonical form. */
  units: ContentUnit[];
  /** Per unit, whether it is rare (needs term weights; all false without). */
  rare: boolean[];
}

/** Prepare a question for {@link matchTitle}; `weight` (idf) marks its rare units. */
export function questionTitleTerms(q: QuestionAnalysis, units: readonly ContentUnit[], weight?: TermWeight): QuestionTitleTerms {
  const asked = new Set<string>();
  textTerms(withoutSpendingWords(q.text), asked);
  for (const phrase of expandTerms(q.text)) textTerms(phrase, asked);
  // Words a title abbreviates count as its abbreviation: "đóng bảo hiểm xã hội tự nguyện" names
  // "đóng BHXH tự nguyện" (the title's units keep their number, so a short list item stays short).
  const abbreviated = abbreviateSpeltOut(q.text);
  if (abbreviated !== normalizeText(q.text)) textTerms(withoutSpendingWords(abbreviated), asked);
  // A term said in its official words keeps its neighbours: "đổi GPLX" asks "đổi giấy phép".
  for (const { match } of q.terms) {
    for (const phrase of match.entry.official) textTerms(withoutSpendingWords(`${q.text.slice(0, match.start)}${phrase}${q.text.slice(match.end)}`), asked);
  }
  // Where the asker applies says nothing of what is done: the level rule of
  // procedure-preference.ts weighs it, so a title naming the same office ("… tại Cục Quản lý
  // xuất nhập cảnh") does not outscore, by title recall, the one naming what is asked.
  // A pair that reaches into the office ("ABTC ở") counts as the office: its other word is a unit of its own.
  const office = new Set<string>();
  const tokens = questionTokens(q.text);
  for (const m of ASKED_OFFICES.match(tokens)) {
    const from = m.start > 0 && OFFICE_LEADS.has(tokens[m.start - 1]!.folded) ? m.start - 1 : m.start;
    for (const t of tokens.slice(from, m.end)) office.add(canon(t.folded));
  }
  const inOffice = (u: ContentUnit): boolean => office.size > 0 && u.alternatives.every((alt) => alt.every((t) => t.split('_').some((w) => office.has(w))));
  return {
    asked,
    units: units.map((u) => {
      const canonical = { weight: u.weight, alternatives: u.alternatives.map((alt) => alt.map(canonTerm)) };
      return inOffice(canonical) ? { ...canonical, weight: 0 } : canonical;
    }),
    rare: units.map((u) => weight !== undefined && unitRarity(u.alternatives, weight) >= TITLE_RARE_IDF),
  };
}

/** The content units of a text: canonical folded words and pairs of adjacent content words. */
function contentUnitsOf(text: string): string[] {
  const tokens = questionTokens(normalizeText(text).toLowerCase());
  const noise = new Set<number>();
  for (const m of TITLE_NOISE.match(tokens)) for (let i = m.start; i < m.end; i += 1) noise.add(i);
  const units: string[] = [];
  tokens.forEach((t, i) => {
    if (noise.has(i)) return;
    units.push(canon(t.folded));
    const next = tokens[i + 1];
    if (next && !next.breakBefore && !noise.has(i + 1)) units.push(`${canon(t.folded)}_${canon(next.folded)}`);
  });
  return [...new Set(units)];
}

/**
 * The parts of a title that name one alternative each: "Cấp bản sao Trích lục hộ tịch,
 * bản sao Giấy khai sinh" → "Cấp bản sao Trích lục hộ tịch", "bản sao Giấy khai sinh".
 * Commas inside brackets do not split.
 */
function titleSegments(title: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < title.length; i += 1) {
    const ch = title[i];
    if (ch === '(') depth += 1;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (ch === ',' || ch === ';')) {
      parts.push(title.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(title.slice(from));
  return parts.map((p) => p.trim()).filter(Boolean);
}

function share(units: readonly string[], asked: ReadonlySet<string>): number {
  let found = 0;
  for (const u of units) if (asked.has(u)) found += 1;
  return units.length > 0 ? found / units.length : 0;
}

/** Share of a unit's terms found: the best alternative's (a dictionary term may be half named). */
function unitShare(unit: ContentUnit, terms: ReadonlySet<string>): number {
  if (unitFound(unit, terms)) return 1;
  let best = 0;
  for (const alt of unit.alternatives) if (alt.length > 1) best = Math.max(best, alt.filter((t) => terms.has(t)).length / alt.length);
  return best;
}

/**
 * Short alternatives joined to the object they share: "Thủ tục thay đổi, cải chính, bổ
 * sung thông tin hộ tịch" → "cải chính thông tin hộ tịch", "Thủ tục thay đổi thông tin hộ
 * tịch". The object is the next longer part without its own head, which is as long as the
 * short part just before it (the parts of one list are parallel).
 */
function sharedObjectTitles(segments: readonly string[]): string[] {
  const words = segments.map((s) => s.split(/\s+/u));
  const short = segments.map((s) => contentUnitsOf(s).filter((u) => !u.includes('_')).length <= SHORT_PART_WORDS);
  const out: string[] = [];
  segments.forEach((segment, i) => {
    if (!short[i]) return;
    let j = i + 1;
    while (j < segments.length && short[j]) j += 1;
    const before = words[j - 1];
    const object = words[j];
    if (j >= segments.length || !before || !object || j - 1 < 0 || !short[j - 1]) return;
    const tail = object.slice(before.length);
    if (tail.length > 0) out.push(`${segment} ${tail.join(' ')}`);
  });
  return out;
}

/** How many closing words of a segment a list's next item may repeat the head of. */
const LIST_TAIL_WORDS = 4;

/**
 * Whether `segment` is the next item of a list that closes the segment before it rather than an
 * alternative name: "… chưa tham gia bảo hiểm y tế, bảo hiểm xã hội" repeats "bảo hiểm" from
 * the closing words before the comma, so "bảo hiểm xã hội" alone does not name the procedure.
 * "Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh" stays two alternatives: "bản sao" is
 * not among the closing words.
 */
function continuesList(before: string | undefined, segment: string): boolean {
  if (!before) return false;
  const words = (text: string): string[] => questionTokens(normalizeText(text).toLowerCase()).map((t) => canon(t.folded));
  const head = words(segment).slice(0, 2);
  if (head.length < 2) return false;
  const tail = words(before).slice(-LIST_TAIL_WORDS);
  return tail.some((w, i) => w === head[0] && tail[i + 1] === head[1]);
}

/** What {@link matchTitle} reads of a title (as the question leaves it), independent of the question. */
interface TitleUnits {
  /** Content units of the whole title. */
  whole: string[];
  /** Content units of each segment long enough to stand for the title (none for a one-segment title). */
  segments: string[][];
  /** Content units of each short alternative joined to its shared object ({@link sharedObjectTitles}). */
  shared: string[][];
  /** Canonical words and pairs of the whole title, for recall. */
  terms: Set<string>;
}

function titleUnits(title: string): TitleUnits {
  const segments = titleSegments(title);
  const several = segments.length > 1;
  const terms = new Set<string>();
  textTerms(title, terms);
  // "đóng BHXH tự nguyện" recalls "đóng bảo hiểm xã hội tự nguyện", as citizens write it.
  const spelt = spellOutAbbreviations(title);
  if (spelt !== normalizeText(title)) textTerms(spelt, terms);
  return {
    whole: contentUnitsOf(title),
    segments: several ? segments.filter((seg, i) => !continuesList(segments[i - 1], seg)).map(contentUnitsOf).filter((units) => units.length >= MIN_SEGMENT_UNITS) : [],
    shared: several ? sharedObjectTitles(segments).map(contentUnitsOf) : [],
    terms,
  };
}

/** Qualifiers a title keeps for a question (see {@link matchTitle}), as bits. */
const KEEP_AGE = 1;
const KEEP_CHANNEL = 2;
const KEEP_LEVEL = 4;

function keptQualifiers(asked: ReadonlySet<string>): number {
  // An age range is who may apply, not what is done: unasked, it is no qualifier the asker left out.
  return (AGE_WORDS.some((w) => asked.has(w)) ? KEEP_AGE : 0)
    | (CHANNEL_WORDS.some((w) => asked.has(w)) ? KEEP_CHANNEL : 0)
    | (LEVEL_WORDS.some((w) => asked.has(w)) ? KEEP_LEVEL : 0);
}

function titleAsAsked(fullTitle: string, kept: number): string {
  let title = kept & KEEP_AGE ? fullTitle : fullTitle.replace(AGE_RANGE, ' ');
  if (!(kept & KEEP_CHANNEL)) title = title.replace(CHANNEL_QUALIFIER, ' ');
  if (!(kept & KEEP_LEVEL)) title = title.replace(LEVEL_QUALIFIER, ' ');
  return title;
}

/**
 * Titles already read, per set of kept qualifiers, for at most {@link TITLES_KEPT} titles:
 * every question reads the titles of its 40 to 70 candidate procedures, mostly the same
 * few hundred. Keyed by the title text, so a re-index can never make an entry stale.
 */
const TITLES_KEPT = 4096;
const titleCache = new BoundedCache<string, Array<TitleUnits | undefined>>(TITLES_KEPT);

/** Title precision and recall of a procedure name against a prepared question. */
export function matchTitle(question: QuestionTitleTerms, fullTitle: string): TitleMatch {
  const kept = keptQualifiers(question.asked);
  const variants = titleCache.get(fullTitle, () => []);
  const { whole, segments, shared, terms } = (variants[kept] ??= titleUnits(titleAsAsked(fullTitle, kept)));
  let precision = share(whole, question.asked);
  for (const units of segments) precision = Math.max(precision, SEGMENT_FACTOR * share(units, question.asked));
  for (const units of shared) precision = Math.max(precision, share(units, question.asked));
  let total = 0;
  let found = 0;
  let rareMissed = 0;
  let rareTotal = 0;
  question.units.forEach((u, i) => {
    total += u.weight;
    const share = unitShare(u, terms);
    found += u.weight * share;
    if (question.rare[i]) {
      rareTotal += 1;
      if (share < 1) rareMissed += 1;
    }
  });
  return { precision, recall: total > 0 ? found / total : 0, rareMissed, rareTotal };
}
