/**
 * Everyday words officials type for the official terms their documents use ("tiền" →
 * "kinh phí, ngân sách", "làm xong" → "hoàn thành", "virus" → "mã độc"), read from
 * prompts/cues/everyday-official.vi.json (`terms`: everyday phrase → official phrases). Only the
 * officials' document path reads them: the shared dictionary (core/text/dictionary.vi.json)
 * feeds citizens' and law questions too, where these senses are not the usual ones.
 *
 * A match becomes one more dictionary term of the analysed question, so the coverage of the
 * question by a document's passages (retrieve/coverage.ts) counts the word as found when
 * any of its official phrases is, and the document search adds the official phrases to
 * its query.
 */
import data from '../../../prompts/cues/everyday-official.vi.json' with { type: 'json' };
import { createTermMatcher, parseDictionary, type DictionaryEntry } from '../../text/dictionary.ts';
import type { QuestionAnalysis } from './question.ts';

/** The officials' everyday-to-official table as dictionary entries, validated at load. */
export const EVERYDAY_OFFICIAL: readonly DictionaryEntry[] = Object.freeze(parseDictionary(
  Object.entries(data.terms as Record<string, string[]>).map(([term, official]) => ({ term, official, kind: 'everyday' })),
));

const matcher = createTermMatcher(EVERYDAY_OFFICIAL);

/** Official phrases of the everyday words in a text, without duplicates, in text order. */
export function everydayExpansions(text: string): string[] {
  return matcher.expand(text);
}

/**
 * The question with its everyday words added to its dictionary terms. A word the shared
 * dictionary already reads over the same tokens keeps that entry with the official phrases
 * of both; one overlapping another term otherwise, or holding no content word, is left out.
 */
export function withEverydayTerms(q: QuestionAnalysis): QuestionAnalysis {
  const content = new Set(q.content);
  const terms = [...q.terms];
  for (const match of matcher.match(q.text)) {
    const start = q.tokens.findIndex((t) => t.start >= match.start);
    let end = start;
    while (end >= 0 && end < q.tokens.length && q.tokens[end]!.end <= match.end) end += 1;
    if (start < 0 || end <= start) continue;
    let contentWords = 0;
    for (let i = start; i < end; i += 1) if (content.has(i)) contentWords += 1;
    if (contentWords === 0) continue;
    const same = terms.findIndex((t) => t.start === start && t.end === end);
    if (same >= 0) {
      const known = terms[same]!;
      const official = [...new Set([...known.match.entry.official, ...match.entry.official])];
      terms[same] = { ...known, match: { ...known.match, entry: { ...known.match.entry, official } } };
      continue;
    }
    if (terms.some((t) => t.start < end && start < t.end)) continue;
    terms.push({ match, start, end });
  }
  terms.sort((a, b) => a.start - b.start);
  return terms.length === q.terms.length && terms.every((t, i) => t === q.terms[i]) ? q : { ...q, terms };
}
