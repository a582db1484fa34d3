/**
 * How rare a question word is in the corpus, from the corpus's term statistics (the
 * optional `Corpus.termStats`). Rare words ("bitcoin", "bói", "chó mèo") say most about
 * what is asked; words on every page ("giấy", "cấp") say little. The weight is the
 * smoothed BM25 idf, the same scale retrieval uses.
 */
import type { Corpus } from '../../search/types.ts';
import type { TermSet, TermWeight } from './coverage.ts';
import type { QuestionAnalysis } from '../understand/question.ts';
import { MIN_TERM_WEIGHT, RARE_IDF } from '../tuning.ts';

/** Smoothed BM25 idf of a term found in `df` of `n` chunks (never negative). */
export function idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** The other spelling of i/y after a consonant ("ki" ↔ "ky"), syllable by syllable; the term itself when none. */
export function spellingVariant(term: string): string {
  return term.split('_').map((s) => /^(?:qu|[bcdghklmnpstv]|ch|gh|kh|nh|ph|th|tr)[iy]$/u.test(s) ? s.slice(0, -1) + (s.endsWith('i') ? 'y' : 'i') : s).join('_');
}

/**
 * Term weights by idf from the corpus's statistics, memoised per call; undefined without
 * statistics. A term counts as common as its more usual i/y spelling ("đăng kí" is "đăng
 * ký"), and no term weighs less than {@link MIN_TERM_WEIGHT}: folding merges common syllables
 * ("đổi", "đối", "đôi" → "doi"), so a low idf may belong to another word. A word pair the corpus never has ("chó mèo", "cà phê") weighs as its rarer word:
 * an absent pair tells nothing about the corpus beyond its words, and at full idf it would
 * outweigh everything else asked.
 */
export function rarityWeight(corpus: Corpus): TermWeight | undefined {
  const stats = corpus.termStats?.bind(corpus);
  if (!stats) return undefined;
  const memo = new Map<string, number>();
  const weight = (term: string): number => {
    let w = memo.get(term);
    if (w === undefined) {
      const s = stats(term);
      const variant = spellingVariant(term);
      const df = variant === term ? s.df : Math.max(s.df, stats(variant).df);
      w = df === 0 && term.includes('_') ? Math.max(...term.split('_').map(weight)) : Math.max(MIN_TERM_WEIGHT, idf(df, s.n));
      memo.set(term, w);
    }
    return w;
  };
  return weight;
}

/**
 * How specific a question unit is: for each way of saying it (its alternatives), the idf of
 * its rarest term; the unit is as specific as its most common official way (a dictionary
 * term's first way, the asker's own words, is left out: "sửa sai" is as rare as "cải
 * chính"). Zero without weights.
 */
export function unitRarity(alternatives: readonly (readonly string[])[], weight: TermWeight): number {
  let rarity = Infinity;
  // A dictionary term's first way is the asker's own word ("sửa sai"); the corpus writes the official ones.
  for (const alt of alternatives.length > 1 ? alternatives.slice(1) : alternatives) {
    let most = 0;
    for (const t of alt) most = Math.max(most, weight(t));
    rarity = Math.min(rarity, most);
  }
  return Number.isFinite(rarity) ? rarity : 0;
}

/**
 * The question's rare words (syllables of idf at least {@link RARE_IDF}, outside dictionary
 * terms, whose official phrases stand in for them) that `terms` lacks: "chó mèo" asked of
 * the identity-card procedure. Pairs are not counted: many everyday pairs ("cà phê") never
 * occur in official text although both their words do.
 */
export function rareWordsMissing(q: QuestionAnalysis, weight: TermWeight, terms: TermSet): string[] {
  const inTerm = new Set<number>();
  for (const t of q.terms) for (let i = t.start; i < t.end; i += 1) inTerm.add(i);
  const words = q.content.filter((i) => !inTerm.has(i)).map((i) => q.tokens[i]!.folded);
  return [...new Set(words.filter((w) => weight(w) >= RARE_IDF && !terms.has(w)))];
}
