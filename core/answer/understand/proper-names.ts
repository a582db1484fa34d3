/**
 * Proper names a question writes: runs of two or more capitalised words ("Gia Lai",
 * "Trần Phước Hiền", "Kon Tum"), not all-capital abbreviations ("UBND", "KH&CN"), which the
 * dictionary expands. The common nouns that head a name ("Tỉnh Gia Lai", "Sở Xây dựng",
 * prompts/cues/proper-names.vi.json) are not part of it, so "Sở Xây dựng" names nothing
 * here. A sentence's first word is capitalised anyway: a run it opens loses its leading
 * words that open sentences as common words ("Theo", "Bên", same file), so "Theo Phụ lục"
 * names nothing and "Bên Kon Tum cũ …" names "Kon Tum", while "Kon Tum cũ …" names "Kon
 * Tum" (both capitals of a two-word run are the name's). A name is the question's most specific word: a text that
 * never writes it is about another place, person or body. A question typed without capitals
 * names none.
 */
import cues from '../../../prompts/cues/proper-names.vi.json' with { type: 'json' };
import { foldDiacritics } from '../../text/fold.ts';

const HEADS = new Set(cues.nameHeads.map((h) => foldDiacritics(h)));
const LEADS = new Set(cues.sentenceLeads.map((h) => foldDiacritics(h)));

/** A word with a capital first letter and at least one lower-case letter after it. */
const TITLE_WORD = /^\p{Lu}\p{Ll}+$/u;

/** Folded form of a text for name matching: lower case, no diacritics, words joined by single spaces. */
export function nameForm(text: string): string {
  // "Đông Quảng Ngãi⁴" is extracted as "Ngãi4": a footnote mark glued to the name is not part of it.
  return ` ${foldDiacritics(text.normalize('NFC').toLowerCase()).replace(/(\p{L})(\d)/gu, '$1 $2').replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}

/** The proper names of `text`, each in {@link nameForm} without its outer spaces. */
export function properNames(text: string): string[] {
  const names: string[] = [];
  for (const sentence of text.normalize('NFC').split(/[.?!:;\n]+/u)) {
    const words = sentence.split(/[^\p{L}\p{N}&]+/u).filter((w) => w !== '');
    let run: string[] = [];
    let opensSentence = words.length > 0 && TITLE_WORD.test(words[0]!);
    const flush = () => {
      // Heads of one or two words ("Tỉnh", "Ủy ban") before the name itself.
      if (run.length > 0 && (HEADS.has(foldDiacritics(run[0]!.toLowerCase())))) opensSentence = false;
      while (run.length > 0 && (HEADS.has(foldDiacritics(run[0]!.toLowerCase())) || (run.length > 1 && HEADS.has(foldDiacritics(`${run[0]} ${run[1]}`.toLowerCase()))))) {
        run = HEADS.has(foldDiacritics(run[0]!.toLowerCase())) ? run.slice(1) : run.slice(2);
      }
      // A sentence's first word is capitalised anyway ("Theo Phụ lục"): common opening words are not the name's.
      if (opensSentence) while (run.length > 0 && LEADS.has(foldDiacritics(run[0]!.toLowerCase()))) run = run.slice(1);
      if (run.length >= 2) names.push(nameForm(run.join(' ')).trim());
      run = [];
      opensSentence = false;
    };
    words.forEach((w) => {
      if (TITLE_WORD.test(w)) run.push(w);
      else flush();
    });
    flush();
  }
  return [...new Set(names)];
}
