/**
 * Recognition of a Vietnamese person's name written at a given place of a text ("Nguyễn Văn
 * An", "Lan", "nguyen van an" after a cue), used by the personal-data redactor (names after
 * "tôi là", "họ tên", "ông/bà"…) and by the planted-instruction detector (an account holder
 * who is a person, not an office). The word lists live in person-names.vi.json.
 */
import { foldDiacritics } from '../text/fold.ts';
import words from './person-names.vi.json' with { type: 'json' };

const lower = (s: string): string => s.normalize('NFC').toLowerCase();

/**
 * A word list compared with accents when the text has them ("Phong" is a name, "Phòng" an
 * office) and folded when it has none ("phong" may be either and is read as the list word).
 */
class WordList {
  private readonly accented: ReadonlySet<string>;
  private readonly folded: ReadonlySet<string>;
  constructor(entries: readonly string[]) {
    this.accented = new Set(entries.map(lower));
    this.folded = new Set(entries.map((e) => foldDiacritics(lower(e))));
  }
  /** `accented`: the writer uses accents, so a word without any is read as written ("Minh", not "Mình"). */
  has(text: string, accented = false): boolean {
    const key = lower(text);
    const folded = foldDiacritics(key);
    return folded === key && !accented ? this.folded.has(key) : this.accented.has(key);
  }
}

const SURNAMES = new WordList(words.surnames);
const NOT_NAME_FIRST = new WordList(words.notNameFirst);
const TITLE_PHRASES = new WordList(words.titlePhrases);
const PLACES = new WordList(words.places);
const STOP = new WordList(words.stopWords);
const MIDDLE = new WordList(words.middleNames);

/** How a name may be written where it is sought. */
export interface NameOptions {
  /** The first word must be a common surname, and the name at least two words. */
  surname?: boolean;
  /** A name typed in lower case counts when it starts with a surname (after a strong cue such as "tôi là"). */
  lowerCase?: boolean;
  /** Most words taken (default 4). */
  maxWords?: number;
}

const WORD = /[\p{L}\p{M}]+/uy;
/** A capitalised word: "Lợi", "A". */
export const TITLE_CASE = /^\p{Lu}[\p{Ll}\p{M}]*$/u;
const UPPER = /^[\p{Lu}\p{M}]+$/u;
const LOWER = /^[\p{Ll}\p{M}]+$/u;

/** A word of a text and where it stands. */
export interface Word {
  text: string;
  start: number;
  end: number;
}

/** The words from `start`, separated by single spaces only (a comma or a line break ends a name). */
export function wordsFrom(text: string, start: number, max: number): Word[] {
  const out: Word[] = [];
  let at = start;
  while (out.length < max) {
    WORD.lastIndex = at;
    const m = WORD.exec(text);
    if (!m) break;
    out.push({ text: m[0], start: at, end: at + m[0].length });
    at += m[0].length;
    if (text[at] !== ' ' || text[at + 1] === ' ') break;
    at += 1;
  }
  return out;
}

/**
 * Whether a name's opening words name an office, a title, a place or a common word instead
 * ("Chủ tịch", "Hà Nội", "Tháng"). `accented`: the name around them is written with accents.
 */
export function opensNonName(first: string, second: string | undefined, accented = false): boolean {
  // Without diacritics "Duong" may be Dương or đường: a middle name after it settles it; with them, "Văn" or "Thị" does ("Đoàn Văn Sơn", not "Đoàn Thanh niên").
  const surnameBefore = second !== undefined && SURNAMES.has(first) && MIDDLE.has(second) && (foldDiacritics(first) === first || GENDER_MIDDLE.test(second));
  if (NOT_NAME_FIRST.has(first, accented) && !surnameBefore) return true;
  if (second === undefined) return false;
  const pair = `${first} ${second}`;
  return TITLE_PHRASES.has(pair, accented) || PLACES.has(pair, accented);
}

/** The middle names that only ever follow a surname. */
const GENDER_MIDDLE = /^(?:Văn|Thị)$/u;

/** Whether some of `words` carry accents: then a word without any is read as written. */
function writtenWithAccents(words: readonly Word[]): boolean {
  return words.some((w) => foldDiacritics(lower(w.text)) !== lower(w.text));
}

/**
 * The end offset of a person's name starting exactly at `start` of `text`, or undefined.
 * Capitalised words ("Nguyễn Văn An", "Trần Thị B"), or capitals throughout when the first
 * is a surname ("NGUYỄN VĂN AN"); one word only without `surname`. Offices, titles and
 * places ("Chủ tịch", "Sở Tư pháp", "Hà Nội", "Bà Rịa") are not names.
 */
export function personNameEnd(text: string, start: number, options: NameOptions = {}): number | undefined {
  const max = options.maxWords ?? 4;
  const all = wordsFrom(text, start, max + 1);
  const first = all[0];
  if (!first) return undefined;
  let taken: Word[];
  if (TITLE_CASE.test(first.text)) {
    taken = [];
    for (const w of all.slice(0, max)) {
      // A middle name right after a surname is read as one ("Phạm Quốc Huy", not "Quốc hội").
      const middle = taken.length === 1 && SURNAMES.has(taken[0]!.text) && MIDDLE.has(w.text);
      if (!TITLE_CASE.test(w.text) || (taken.length > 0 && !middle && opensNonName(w.text, all[all.indexOf(w) + 1]?.text, writtenWithAccents(all)))) break;
      taken.push(w);
    }
  } else if (UPPER.test(first.text) && first.text.length > 1 && SURNAMES.has(first.text)) {
    taken = all.slice(0, max).filter((w, i, ws) => ws.slice(0, i + 1).every((x) => UPPER.test(x.text)));
  } else if (options.lowerCase && LOWER.test(first.text) && SURNAMES.has(first.text)) {
    taken = [];
    for (const w of all.slice(0, max)) {
      if (!LOWER.test(w.text) || (taken.length > 0 && STOP.has(w.text) && !MIDDLE.has(w.text))) break;
      taken.push(w);
    }
    if (taken.length < 2) return undefined;
  } else {
    return undefined;
  }
  if (taken.length === 0) return undefined;
  if (opensNonName(first.text, all[1]?.text)) return undefined;
  if (options.surname && (taken.length < 2 || !SURNAMES.has(first.text))) return undefined;
  if (taken.length === 1 && STOP.has(first.text)) return undefined;
  return taken.at(-1)!.end;
}

/** Whether `words` ("Bà Rịa", "Hà Nội") name a place that looks like a person. */
export function isPlaceName(words: string): boolean {
  return PLACES.has(words.replace(/\s+/gu, ' '));
}

/** Whether `word` (any case, accents or none) is a common Vietnamese surname. */
export function isSurname(word: string): boolean {
  return SURNAMES.has(word);
}
