/**
 * Numbers spelled out digit by digit in Vietnamese ("không chín không năm, không không
 * không, hai một không"): read as the digits they spell, so a phone or an id typed this way
 * is found like one typed in digits. Only a long run counts: nine digit words or more in a
 * row, which ordinary prose never writes ("năm", "ba", "sáu" alone are everyday words).
 */
import type { MappedText } from './pii-text.ts';

/** Each digit's words, with accents and without. */
const DIGIT_WORDS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['0', ['không', 'khong', 'linh']],
  ['1', ['một', 'mot', 'mốt']],
  ['2', ['hai']],
  ['3', ['ba']],
  ['4', ['bốn', 'bon', 'tư']],
  ['5', ['năm', 'nam', 'lăm', 'lam']],
  ['6', ['sáu', 'sau']],
  ['7', ['bảy', 'bay', 'bẩy']],
  ['8', ['tám', 'tam']],
  ['9', ['chín', 'chin']],
];
const DIGIT_OF = new Map(DIGIT_WORDS.flatMap(([d, words]) => words.map((w) => [w, d] as const)));
const WORD = `(?:${[...DIGIT_OF.keys()].sort((a, b) => b.length - a.length).join('|')})`;
/** The fewest digit words in a row that are read as a number. */
const MIN_WORDS = 9;
const RUN = new RegExp(`(?<![\\p{L}\\p{N}])${WORD}(?:[\\s,.;-]+${WORD}){${MIN_WORDS - 1},}(?![\\p{L}\\p{N}])`, 'giu');
const ONE = new RegExp(`${WORD}(?![\\p{L}])`, 'giu');

/**
 * `mapped` with every long run of spelled digits replaced by the digits, separators dropped;
 * each digit maps back to its word, so a span over the run maps back to the words typed.
 */
export function withSpelledDigits(mapped: MappedText): MappedText {
  const runs = [...mapped.text.matchAll(RUN)];
  if (runs.length === 0) return mapped;
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  let copied = 0;
  const copy = (start: number, end: number): void => {
    text += mapped.text.slice(start, end);
    from.push(...mapped.from.slice(start, end));
    to.push(...mapped.to.slice(start, end));
  };
  for (const run of runs) {
    copy(copied, run.index);
    for (const w of run[0].matchAll(ONE)) {
      const start = run.index + w.index;
      const end = start + w[0].length;
      text += DIGIT_OF.get(w[0].toLowerCase()) ?? '';
      from.push(mapped.from[start]!);
      to.push(mapped.to[end - 1]!);
    }
    copied = run.index + run[0].length;
  }
  copy(copied, mapped.text.length);
  return { text, from, to };
}
