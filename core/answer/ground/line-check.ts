/**
 * The last check of an official's answer: every number, date, amount, percentage and
 * document number in a line (ground/facts.ts), and every person's name, must be in the
 * quote of a citation the line marks — and those citations are of the documents the
 * question is about (the composer cites nothing else). A line that fails is dropped, not
 * repaired; a line without a marker may hold none of these.
 */
import type { Citation } from '../../model.ts';
import { foldDiacritics } from '../../text/fold.ts';
import cues from '../../../prompts/cues/person-names.vi.json' with { type: 'json' };
import { unsupportedFacts } from './facts.ts';

const FAMILY = new Set(cues.familyNames.map((n) => n.normalize('NFC')));
const WORD = /[\p{Lu}][\p{Ll}]*/u;
const MARK = /\[(\d+)\]/gu;

/** Personal names in `text`: two to four capitalised words starting with a family name. */
export function personalNames(text: string): string[] {
  const words = [...text.matchAll(/[\p{L}]+/gu)];
  const names: string[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const w = words[i]![0];
    if (!WORD.test(w) || w !== w.charAt(0) + w.slice(1).toLowerCase() || !FAMILY.has(w.toLowerCase())) continue;
    let j = i + 1;
    while (j < words.length && j - i < 4) {
      const next = words[j]!;
      const between = text.slice(words[j - 1]!.index! + words[j - 1]![0].length, next.index);
      if (!/^\s+$/u.test(between) || !/^[\p{Lu}][\p{Ll}]+$/u.test(next[0])) break;
      j += 1;
    }
    if (j - i >= 2) {
      names.push(text.slice(words[i]!.index, words[j - 1]!.index! + words[j - 1]![0].length));
      i = j - 1;
    }
  }
  return names;
}

const squash = (s: string) => foldDiacritics(s.toLowerCase()).replace(/\s+/gu, ' ');

/** Which checks a line must pass: facts always; personal names unless `names` is false. */
export interface LineCheck {
  /**
   * Check personal names too (default). Off for procedure answers composed from typed
   * fields, whose procedure name may sit outside its quote.
   */
  names?: boolean;
}

/** What of `line` its cited quotes do not hold: facts in normal form and (unless turned off) names as written. */
export function unsupportedInLine(line: string, citations: readonly Citation[], check: LineCheck = {}): string[] {
  const cited = [...line.matchAll(MARK)].map((m) => Number(m[1]));
  const quotes = citations.filter((c) => cited.includes(c.n)).map((c) => c.quote);
  const text = line.replace(MARK, ' ');
  const facts = unsupportedFacts(text, quotes);
  if (check.names === false) return facts;
  const joined = squash(quotes.join('\n'));
  return [...facts, ...personalNames(text).filter((n) => !joined.includes(squash(n)))];
}

/**
 * The lines whose facts (and names) their citations hold; see the module comment. Also for
 * a citizen's procedure answer composed from typed fields (`names: false`): a field parsed by
 * an older or faulty ingest cannot reach the reader with a figure its cited text does not state.
 */
export function groundedLines(lines: readonly string[], citations: readonly Citation[], check: LineCheck = {}): { kept: string[]; dropped: string[] } {
  const kept: string[] = [];
  const dropped: string[] = [];
  for (const line of lines) (unsupportedInLine(line, citations, check).length === 0 ? kept : dropped).push(line);
  return { kept, dropped };
}
