/**
 * A second, narrower way into the procedure catalogue. The wide procedure search runs the
 * whole question, whose common words ("giấy khai sinh") pull in every procedure that
 * mentions them, so a procedure named by the question's one specific word ("sửa sai" →
 * "cải chính") may rank too low to be a candidate. The focus query keeps only what names
 * the procedure: the question's rare words and the official phrases of its dictionary
 * terms ("sửa sai" → "cải chính hộ tịch").
 */
import { expandTerms } from '../../text/dictionary.ts';
import type { TermWeight } from './coverage.ts';
import type { QuestionAnalysis } from '../understand/question.ts';
import { TITLE_RARE_IDF } from '../tuning.ts';

/**
 * The focus query of a question: its content words outside dictionary terms that are rare
 * ({@link TITLE_RARE_IDF}) or form a rare pair with a neighbouring content word, then the
 * official phrases of its dictionary terms; undefined when it has neither.
 */
export function titleFocusQuery(q: QuestionAnalysis, weight: TermWeight): string | undefined {
  const inTerm = new Set<number>();
  for (const t of q.terms) for (let i = t.start; i < t.end; i += 1) inTerm.add(i);
  const content = q.content.filter((i) => !inTerm.has(i));
  const isContent = new Set(content);
  const kept = new Set<number>();
  for (const i of content) {
    const tok = q.tokens[i]!;
    if (weight(tok.folded) >= TITLE_RARE_IDF) kept.add(i);
    const next = q.tokens[i + 1];
    if (next && isContent.has(i + 1) && !next.breakBefore && weight(`${tok.folded}_${next.folded}`) >= TITLE_RARE_IDF) {
      kept.add(i);
      kept.add(i + 1);
    }
  }
  const words = [...kept].sort((a, b) => a - b).map((i) => q.tokens[i]!.token);
  const phrases = expandTerms(q.text);
  if (words.length === 0 && phrases.length === 0) return undefined;
  return [...words, ...phrases].join(' ');
}
