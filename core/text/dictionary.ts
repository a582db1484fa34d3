/**
 * Abbreviations and everyday words mapped to official terms (CCCD → căn cước công dân,
 * sổ đỏ → giấy chứng nhận quyền sử dụng đất), loaded from dictionary.vi.json.
 *
 * Matching is by whole tokens, case-insensitive, with or without diacritics: "cccd", "CCCD",
 * "sổ đỏ", "so do" all match. A token typed with diacritics must match them exactly, so
 * "sơ đồ" (diagram) does not match "sổ đỏ" although both fold to "so do". Entries with
 * `matchCase` (short symbols that are also common words, such as AI or KH) match only when
 * written in capitals as in the dictionary. Longer terms win over shorter ones at the same
 * position, matches do not overlap and do not cross clause punctuation; symbols inside a
 * document number ("83/KH-UBND") are matched too.
 */
import { AppError } from '../errors.ts';
import data from './dictionary.vi.json' with { type: 'json' };
import { foldDiacritics } from './fold.ts';
import { normalizeText } from './normalize.ts';
import { canonicalToneSyllable } from './tone.ts';
import { tokenSpans } from './tokenize.ts';

/** Whether a term is a written abbreviation or an everyday (colloquial) word. */
export type TermKind = 'abbreviation' | 'everyday';

/** One dictionary entry. */
export interface DictionaryEntry {
  /** The abbreviation or everyday word as usually written (NFC). */
  readonly term: string;
  /** Official phrases it stands for, most usual first. */
  readonly official: readonly string[];
  readonly kind: TermKind;
  /** Vietnamese note for reviewers and answers (legal basis, ambiguity). */
  readonly note?: string;
  /** Match only when written with the dictionary's capitals (for "AI", "KH", "TT" …). */
  readonly matchCase?: boolean;
}

/** A dictionary term found in a text. */
export interface TermMatch {
  readonly entry: DictionaryEntry;
  /** Span in `normalizeText(text)`. */
  readonly start: number;
  readonly end: number;
}

/** Finds dictionary terms in text; see the module comment for the matching rules. */
export interface TermMatcher {
  /** Every match, in text order. */
  match(text: string): TermMatch[];
  /** Official phrases of every match, without duplicates, in text order. */
  expand(text: string): string[];
  /** Abbreviation entries found, without duplicates, in text order. */
  abbreviations(text: string): DictionaryEntry[];
}

interface Unit {
  /** As written (NFC), for case-sensitive entries. */
  raw: string;
  /** Lower case, canonical tone placement. */
  key: string;
  folded: string;
  start: number;
  end: number;
  breakBefore: boolean;
}

interface Compiled {
  entry: DictionaryEntry;
  units: Unit[];
}

const SEPARATED = /[-/&]/;
const PART = /[\p{L}\p{M}\p{N}]+/gu;

/** Tokens of normalised text as matching units; document numbers are opened into their parts. */
function unitsOf(normalized: string): Unit[] {
  const units: Unit[] = [];
  for (const span of tokenSpans(normalized)) {
    const raw = normalized.slice(span.start, span.end);
    if (!SEPARATED.test(span.token)) {
      units.push({ raw, key: span.token, folded: foldDiacritics(span.token), start: span.start, end: span.end, breakBefore: span.breakBefore });
      continue;
    }
    let breakBefore = span.breakBefore;
    for (const part of raw.matchAll(PART)) {
      const key = canonicalToneSyllable(part[0].toLowerCase());
      const start = span.start + part.index;
      units.push({ raw: part[0], key, folded: foldDiacritics(key), start, end: start + part[0].length, breakBefore });
      breakBefore = false;
    }
  }
  return units;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Whether a text unit matches a term unit under the entry's rules. */
function unitMatches(text: Unit, term: Unit, matchCase: boolean): boolean {
  if (matchCase) return text.raw === term.raw || (isAscii(text.raw) && text.raw === foldDiacritics(term.raw));
  return text.key === term.key || (text.key === text.folded && text.folded === term.folded);
}

/** Build a matcher over the given entries (the default one uses {@link DICTIONARY}). */
export function createTermMatcher(entries: readonly DictionaryEntry[]): TermMatcher {
  const byFirst = new Map<string, Compiled[]>();
  for (const entry of entries) {
    const units = unitsOf(normalizeText(entry.term));
    const first = units[0];
    if (!first) continue;
    const list = byFirst.get(first.folded) ?? [];
    list.push({ entry, units });
    byFirst.set(first.folded, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.units.length - a.units.length);

  function matchAt(units: Unit[], i: number): Compiled | undefined {
    const candidates = byFirst.get(units[i]!.folded);
    if (!candidates) return undefined;
    next: for (const candidate of candidates) {
      const matchCase = candidate.entry.matchCase === true;
      for (let j = 0; j < candidate.units.length; j++) {
        const unit = units[i + j];
        if (!unit || (j > 0 && unit.breakBefore) || !unitMatches(unit, candidate.units[j]!, matchCase)) continue next;
      }
      return candidate;
    }
    return undefined;
  }

  function match(text: string): TermMatch[] {
    const units = unitsOf(normalizeText(text));
    const matches: TermMatch[] = [];
    for (let i = 0; i < units.length; ) {
      const found = matchAt(units, i);
      if (!found) {
        i++;
        continue;
      }
      const last = units[i + found.units.length - 1]!;
      matches.push({ entry: found.entry, start: units[i]!.start, end: last.end });
      i += found.units.length;
    }
    return matches;
  }

  return {
    match,
    expand(text) {
      const phrases = new Set<string>();
      for (const m of match(text)) for (const phrase of m.entry.official) phrases.add(phrase);
      return [...phrases];
    },
    abbreviations(text) {
      const found = new Set<DictionaryEntry>();
      for (const m of match(text)) if (m.entry.kind === 'abbreviation') found.add(m.entry);
      return [...found];
    },
  };
}

/**
 * Validate dictionary data (an array of entries); throws AppError INTERNAL naming the
 * first bad entry, since the bundled dictionary is part of the build.
 */
export function parseDictionary(raw: unknown): DictionaryEntry[] {
  if (!Array.isArray(raw)) throw new AppError('INTERNAL', 'dictionary: expected an array of entries');
  return raw.map((item: unknown, i): DictionaryEntry => {
    const e = (item ?? {}) as Record<string, unknown>;
    const official = e['official'];
    const ok =
      typeof e['term'] === 'string' && e['term'].trim() !== '' &&
      Array.isArray(official) && official.length > 0 && official.every((o) => typeof o === 'string' && o.trim() !== '') &&
      (e['kind'] === 'abbreviation' || e['kind'] === 'everyday') &&
      (e['note'] === undefined || typeof e['note'] === 'string') &&
      (e['matchCase'] === undefined || typeof e['matchCase'] === 'boolean');
    if (!ok) throw new AppError('INTERNAL', `dictionary: entry ${i} is malformed`);
    return Object.freeze({
      term: (e['term'] as string).normalize('NFC'),
      official: Object.freeze((official as string[]).map((o) => o.normalize('NFC'))),
      kind: e['kind'] as TermKind,
      ...(typeof e['note'] === 'string' ? { note: e['note'] } : {}),
      ...(e['matchCase'] === true ? { matchCase: true } : {}),
    });
  });
}

/** The bundled dictionary (dictionary.vi.json), validated at load. */
export const DICTIONARY: readonly DictionaryEntry[] = Object.freeze(parseDictionary(data));

const defaultMatcher = createTermMatcher(DICTIONARY);

/** Dictionary terms found in a text, in order ({@link TermMatcher.match} over {@link DICTIONARY}). */
export function matchTerms(text: string): TermMatch[] {
  return defaultMatcher.match(text);
}

/**
 * Official phrases for every abbreviation or everyday term in a text, without duplicates:
 * `expandTerms('làm lại CCCD')` → `['căn cước công dân', 'thẻ căn cước']`.
 */
export function expandTerms(text: string): string[] {
  return defaultMatcher.expand(text);
}

/** A term written in capitals, three letters or more ("BHXH", "GPLX", "TNLĐ"): an abbreviation a title may use. */
const CAPITALS = /^[\p{Lu}\p{N}&]{3,}$/u;
/** Characters that join an abbreviation into a document number ("50/2026/NĐ-CP") or a code. */
const NUMBER_JOINERS = /[-/&\p{N}]/u;

/**
 * The text with each capitalised abbreviation of the dictionary, written in capitals as a word of
 * its own, spelt out in its first official phrase: "đóng BHXH tự nguyện" → "đóng bảo hiểm xã hội
 * tự nguyện". Catalog titles use these abbreviations ("cấp thẻ BHYT", "nghỉ DSPHSK") where
 * citizens write the words; parts of a document number ("NĐ-CP") stay as written. Returns
 * `normalizeText(text)` with the replacements.
 */
export function spellOutAbbreviations(text: string): string {
  const normalized = normalizeText(text);
  let out = '';
  let from = 0;
  for (const m of defaultMatcher.match(normalized)) {
    const written = normalized.slice(m.start, m.end);
    if (m.entry.kind !== 'abbreviation' || !CAPITALS.test(m.entry.term) || written !== m.entry.term) continue;
    if (NUMBER_JOINERS.test(normalized[m.start - 1] ?? '') || NUMBER_JOINERS.test(normalized[m.end] ?? '')) continue;
    out += `${normalized.slice(from, m.start)}${m.entry.official[0]}`;
    from = m.end;
  }
  return out + normalized.slice(from);
}

const spelledMatcher = createTermMatcher(DICTIONARY
  .filter((e) => e.kind === 'abbreviation' && CAPITALS.test(e.term))
  .map((e): DictionaryEntry => ({ term: e.official[0]!, official: [e.term], kind: 'everyday' })));

/**
 * The text with each spelt-out phrase of a capitalised abbreviation written as the abbreviation:
 * "đóng bảo hiểm xã hội tự nguyện" → "đóng BHXH tự nguyện" (the reverse of
 * {@link spellOutAbbreviations}); the text unchanged (normalised) when it holds none.
 */
export function abbreviateSpeltOut(text: string): string {
  const normalized = normalizeText(text);
  let out = '';
  let from = 0;
  for (const m of spelledMatcher.match(normalized)) {
    out += `${normalized.slice(from, m.start)}${m.entry.official[0]}`;
    from = m.end;
  }
  return out + normalized.slice(from);
}

/** Abbreviation entries found in a text ("Kế hoạch 83/KH-UBND" → KH, UBND). */
export function abbreviationsIn(text: string): DictionaryEntry[] {
  return defaultMatcher.abbreviations(text);
}
