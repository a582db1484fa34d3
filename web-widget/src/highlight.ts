/**
 * Where a citation's quote lies in its section's text: the quote is cut from the section
 * (`…` where text was left out), so each of its pieces is looked up in the text.
 */

/** Pieces shorter than this are too common to mark. */
const MIN_PIECE = 12;

/** The ranges `[start, end)` of `text` that the quote's pieces cover, in order, not overlapping. */
export function quoteRanges(text: string, quote: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let from = 0;
  for (const raw of quote.split('…')) {
    const piece = raw.trim();
    if (piece.length < MIN_PIECE) continue;
    const at = text.indexOf(piece, from);
    if (at < 0) continue;
    ranges.push([at, at + piece.length]);
    from = at + piece.length;
  }
  return ranges;
}

/** `text` cut into runs, each marked when a quote range covers it. */
export function markedRuns(text: string, quote: string): Array<{ text: string; marked: boolean }> {
  const runs: Array<{ text: string; marked: boolean }> = [];
  let at = 0;
  for (const [start, end] of quoteRanges(text, quote)) {
    if (start > at) runs.push({ text: text.slice(at, start), marked: false });
    runs.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) runs.push({ text: text.slice(at), marked: false });
  return runs;
}
