/**
 * Abbreviations spelled out with the product's dictionary (core/text/dictionary.vi.json):
 * "Sở KH&CN" → "Sở khoa học và công nghệ", "ứng dụng AI" → "ứng dụng trí tuệ nhân tạo". For
 * an issuing body's name (the decree wants it in full) and for comparing a request with a
 * document's sentences whichever way each writes a name. Parts of a document number
 * ("83/KH-UBND") are left as written.
 */
import { matchTerms } from '../text/dictionary.ts';
import { normalizeText } from '../text/normalize.ts';

/** `text` (normalised) with each abbreviation replaced by its first official phrase. */
export function spellOut(text: string): string {
  const normal = normalizeText(text);
  let out = '';
  let at = 0;
  for (const m of matchTerms(normal)) {
    if (m.entry.kind !== 'abbreviation') continue;
    // Inside a document number ("41/KH-UBND", "114/TB-SKHCN"): a code, not a word.
    const token = /\S*$/u.exec(normal.slice(0, m.start))![0] + /^\S*/u.exec(normal.slice(m.end))![0];
    if (/\d/u.test(token) && /[/-]/u.test(token)) continue;
    out += normal.slice(at, m.start) + m.entry.official[0]!;
    at = m.end;
  }
  return out + normal.slice(at);
}
