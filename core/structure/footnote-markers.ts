/**
 * Footnote markers that PDF extraction glues onto the preceding word or date:
 * `ngày 21/11/20251,` is the date 21/11/2025 with marker 1; `văn bản2 đề nghị` is
 * `văn bản` with marker 2. Years have four digits, so a date's extra digits are always a
 * marker; a marker glued to a word is only accepted for a footnote number that exists, in
 * order of appearance.
 */

/** A marker taken out of the text, at its offset in the cleaned text. */
export interface FootnoteMarker {
  marker: string;
  offset: number;
}

const SUPERSCRIPT: Record<string, string> = {
  0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹',
};

/** Render a marker number in superscript digits (`12` → `¹²`). */
export function toSuperscript(marker: string): string {
  return [...marker].map((d) => SUPERSCRIPT[d] ?? d).join('');
}

interface Span {
  start: number;
  end: number;
  marker: string;
}

const DATE_GLUED = /(?<![\d/])(\d{1,2}\/\d{1,2}\/)((?:19|20)\d{2})(\d{1,2})(?!\d)/gu;

/**
 * Remove (or superscript) glued markers. `footnoteNumbers` are the markers whose bodies
 * were found; `mapOffset` converts an offset in the input to one in the output.
 */
export function separateMarkers(
  text: string,
  footnoteNumbers: string[],
  style: 'drop' | 'superscript',
): { text: string; markers: FootnoteMarker[]; mapOffset: (offset: number) => number } {
  const spans: Span[] = [];
  const dateSpans = [...text.matchAll(DATE_GLUED)].map((m) => {
    const start = (m.index ?? 0) + (m[1]?.length ?? 0) + 4;
    return { start, end: start + (m[3]?.length ?? 0), marker: String(Number(m[3])) };
  });
  const taken = new Set<Span>();
  let cursor = 0;
  for (const n of footnoteNumbers) {
    const date = dateSpans.find((s) => s.marker === n && s.start >= cursor && !taken.has(s));
    const word = findWordMarker(text, n, cursor) ?? findWordMarker(text, n, 0);
    const pick = [date, word].filter((s): s is Span => s !== undefined).sort((a, b) => a.start - b.start)[0];
    if (!pick) continue;
    if (pick === date) taken.add(date);
    spans.push(pick);
    cursor = pick.end;
  }
  for (const d of dateSpans) if (!taken.has(d) && !spans.some((s) => s.start === d.start)) spans.push(d);
  spans.sort((a, b) => a.start - b.start);

  let out = '';
  let last = 0;
  const markers: FootnoteMarker[] = [];
  const shifts: Array<{ at: number; delta: number }> = [];
  let delta = 0;
  for (const s of spans) {
    if (s.start < last) continue;
    out += text.slice(last, s.start);
    markers.push({ marker: s.marker, offset: out.length });
    const replacement = style === 'superscript' ? toSuperscript(s.marker) : '';
    out += replacement;
    delta += replacement.length - (s.end - s.start);
    shifts.push({ at: s.end, delta });
    last = s.end;
  }
  out += text.slice(last);
  const mapOffset = (offset: number): number => {
    let d = 0;
    for (const sh of shifts) if (sh.at <= offset) d = sh.delta;
    return offset + d;
  };
  return { text: out, markers, mapOffset };
}

/** `n` glued after a letter or closing bracket, followed by space/punctuation, not in a code like `QH13`. */
function findWordMarker(text: string, n: string, from: number): Span | undefined {
  const re = new RegExp(`(?<=[\\p{L}\\p{M})”"])${n}(?=[\\s,.;:)”]|$)`, 'gu');
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const token = /\S*$/u.exec(text.slice(Math.max(0, start - 40), start))?.[0] ?? '';
    if (/[/\d]/.test(token)) continue;
    if (/^\p{Lu}{1,3}$/u.test(token)) continue;
    return { start, end: start + n.length, marker: n };
  }
  return undefined;
}
