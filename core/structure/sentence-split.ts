/**
 * Cutting long Vietnamese passages into pieces of bounded size at the best available
 * boundary: a line break, then a sentence end (". " before a capital, not after `TP.` or
 * inside `1.750.187`), then `;`/`:`, then a comma, and only as a last resort a space.
 * Never inside a word.
 */

/** Abbreviations after which a full stop does not end the sentence. */
const ABBREVIATIONS = new Set(['TP', 'Tp', 'TS', 'ThS', 'PGS', 'GS', 'BS', 'KS', 'CN', 'St', 'Q', 'P', 'KT', 'TL', 'TM', 'Th', 'v.v', 'ĐT', 'Đ/c', 'đ/c', 'Tr', 'tr', 'Mr', 'Ms', 'No']);

interface Boundary {
  /** Cut position: the next piece starts here (after the separator and its spaces). */
  at: number;
  strength: number;
}

function boundaries(text: string): Boundary[] {
  const out: Boundary[] = [];
  for (const m of text.matchAll(/\n+/g)) out.push({ at: (m.index ?? 0) + m[0].length, strength: 4 });
  for (const m of text.matchAll(/([.!?…]|\.\/\.)["”)]?[ \t]+(?=[\p{Lu}\d"“(\-+•*])/gu)) {
    const idx = m.index ?? 0;
    const before = /(\S+)$/u.exec(text.slice(Math.max(0, idx - 12), idx))?.[1] ?? '';
    if (m[1] === '.' && (ABBREVIATIONS.has(before) || /^\p{Lu}$/u.test(before))) continue;
    out.push({ at: idx + m[0].length, strength: 3 });
  }
  for (const m of text.matchAll(/[;:][ \t]+/g)) out.push({ at: (m.index ?? 0) + m[0].length, strength: 2 });
  for (const m of text.matchAll(/,[ \t]+/g)) out.push({ at: (m.index ?? 0) + m[0].length, strength: 1 });
  return out.sort((a, b) => a.at - b.at);
}

/**
 * Split `text` into consecutive ranges of at most `max` characters (a single word longer
 * than `max` stays whole), preferring pieces of at least `min`. Ranges cover the text.
 */
export function splitText(text: string, max: number, min: number): Array<{ start: number; end: number }> {
  if (text.length <= max) return [{ start: 0, end: text.length }];
  const cuts = boundaries(text);
  const pieces: Array<{ start: number; end: number }> = [];
  let start = 0;
  while (text.length - start > max) {
    const lo = start + Math.min(min, Math.floor(max / 2));
    const hi = start + max;
    let best: Boundary | undefined;
    for (const b of cuts) {
      if (b.at <= lo || b.at > hi) continue;
      if (!best || b.strength > best.strength || (b.strength === best.strength && b.at > best.at)) best = b;
    }
    let at = best?.at;
    if (at === undefined) {
      const space = text.lastIndexOf(' ', hi);
      at = space > start ? space + 1 : nextSpace(text, hi);
    }
    pieces.push({ start, end: at });
    start = at;
  }
  pieces.push({ start, end: text.length });
  return pieces;
}

function nextSpace(text: string, from: number): number {
  const i = text.indexOf(' ', from);
  return i < 0 ? text.length : i + 1;
}
