/**
 * How much of what a question asks a passage covers — the answerer's calibrated notion of
 * "found something". Raw BM25 scores grow with the length of the query and the rarity of
 * its words, so a fixed score threshold treats short and long questions differently. The
 * rule here is relative to the question itself:
 *
 *   coverage(q, p) = Σ weight(u) for the content units u of q found in p  /  Σ weight(u) over all units of q
 *
 * Units are the question's content words (after question words, function words, intent
 * cues and request words are set aside), the pairs of adjacent content words, and each
 * dictionary term (found through any of its official phrases). A unit's weight is its idf
 * when term statistics are given, else {@link UNWEIGHTED_WORD} ({@link UNWEIGHTED_NUMBER} for a number). Matching is diacritic-folded.
 * An answer is attempted only when some retrieved passage reaches DEFAULT_MIN_COVERAGE (tuning.ts).
 */
import { foldedTermSet } from '../../text/tokenize.ts';
import { questionTokens } from '../understand/phrase-match.ts';
import type { QuestionAnalysis } from '../understand/question.ts';
import { UNWEIGHTED_NUMBER, UNWEIGHTED_WORD } from '../tuning.ts';

/** Weight of a folded term (a word, or two words joined by `_`), e.g. its BM25 idf. */
export type TermWeight = (foldedTerm: string) => number;

/** One thing the question asks for; found when every term of any alternative is present. */
export interface ContentUnit {
  alternatives: string[][];
  weight: number;
}

const staticWeight: TermWeight = (t) => (/\d/.test(t) ? UNWEIGHTED_NUMBER : UNWEIGHTED_WORD);

/** Folded words and word pairs of a phrase, in the passage-term form. */
function phraseTerms(phrase: string): string[] {
  const folded = questionTokens(phrase).map((t) => t.folded);
  return [...folded, ...folded.slice(1).map((t, i) => `${folded[i]}_${t}`)];
}

/** The weighted content units of an analysed question (empty when it names nothing). */
export function contentUnits(q: QuestionAnalysis, termWeight: TermWeight = staticWeight): ContentUnit[] {
  const units: ContentUnit[] = [];
  const inTerm = new Set<number>();
  for (const t of q.terms) {
    const own: string[] = [];
    for (let i = t.start; i < t.end; i += 1) {
      inTerm.add(i);
      own.push(q.tokens[i]!.folded);
    }
    const alternatives = [phraseTerms(own.join(' ')), ...t.match.entry.official.map(phraseTerms)].filter((a) => a.length > 0);
    units.push({ alternatives, weight: own.reduce((s, w) => s + termWeight(w), 0) });
  }
  const content = q.content.filter((i) => !inTerm.has(i));
  const isContent = new Set(content);
  for (const i of content) {
    const tok = q.tokens[i]!;
    units.push({ alternatives: [[tok.folded]], weight: termWeight(tok.folded) });
    const next = q.tokens[i + 1];
    if (next && isContent.has(i + 1) && !next.breakBefore) {
      const pair = `${tok.folded}_${next.folded}`;
      units.push({ alternatives: [[pair]], weight: termWeight(pair) });
    }
  }
  return units.filter((u) => u.weight > 0);
}

/** Folded words and within-clause word pairs of a passage, for {@link coverage}. */
export function passageTerms(text: string): Set<string> {
  return foldedTermSet(text);
}

/** What coverage asks of a passage's terms: a set, or several passages' sets seen as one. */
export type TermSet = Pick<ReadonlySet<string>, 'has'>;

/** Whether a unit is found in `terms`. */
export function unitFound(unit: ContentUnit, terms: TermSet): boolean {
  for (const alt of unit.alternatives) if (allFound(alt, terms)) return true;
  return false;
}

function allFound(alt: readonly string[], terms: TermSet): boolean {
  for (const t of alt) if (!terms.has(t)) return false;
  return true;
}

/** Share of the units' weight found in `terms` (0 when there are no units). */
export function coverage(units: readonly ContentUnit[], terms: TermSet): number {
  let total = 0;
  let found = 0;
  for (const u of units) {
    total += u.weight;
    if (unitFound(u, terms)) found += u.weight;
  }
  return total > 0 ? found / total : 0;
}
