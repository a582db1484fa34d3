/**
 * Whether a citizen's question is outside the assistant's scope rather than unanswered:
 * it shows no administrative-procedure or provincial-document intent (none of the words of
 * prompts/cues/scope.vi.json, no dictionary term that stands for one), and no retrieved passage covers its
 * words or it asks an everyday topic (a price, the weather, a hotel). Asked only of a question the answerer could not ground, so it never refuses one
 * that would have been answered: it only says why it is refused (OUT_OF_SCOPE, with its own
 * wording and apart in the statistics, instead of NO_SOURCE and the one-stop desk).
 */
import cues from '../../../prompts/cues/scope.vi.json' with { type: 'json' };
import { OUT_OF_SCOPE_MAX_COVERAGE } from '../tuning.ts';
import { createPhraseMatcher, questionTokens } from './phrase-match.ts';
import type { QuestionAnalysis } from './question.ts';

const ADMINISTRATIVE = createPhraseMatcher(cues.administrativeWords.map((phrase) => ({ phrase, value: true })), { bareSingles: new Set() });
const EVERYDAY = createPhraseMatcher(cues.everydayTopics.map((phrase) => ({ phrase, value: true })), { bareSingles: new Set() });

function saysAdministrative(text: string): boolean {
  return ADMINISTRATIVE.match(questionTokens(text)).length > 0;
}

/**
 * Whether the question says anything of a procedure or a document: a cue word, or a
 * dictionary term whose official phrase holds one ("sổ đỏ" → "giấy chứng nhận quyền sử
 * dụng đất"); a term for an everyday thing ("máy bay" → "tàu bay") shows no intent by itself.
 */
export function showsAdministrativeIntent(q: QuestionAnalysis): boolean {
  return ADMINISTRATIVE.match(q.tokens).length > 0
    || q.terms.some(({ match }) => match.entry.kind === 'abbreviation' || match.entry.official.some(saysAdministrative));
}

/**
 * Whether the question asks a thing of everyday life that no procedure or document gives (a
 * market rate, the weather, where to stay or eat, a timetable, a health complaint …; the
 * `everydayTopics` of prompts/cues/scope.vi.json).
 */
export function asksEverydayTopic(q: QuestionAnalysis): boolean {
  return EVERYDAY.match(q.tokens).length > 0;
}

/**
 * Out of scope: no administrative intent, and either the best passage retrieved covers less
 * than {@link OUT_OF_SCOPE_MAX_COVERAGE} of the question's weighted words (`bestCoverage`, 0
 * when nothing was retrieved) or the question asks an everyday topic: the province's plans
 * share the words of "mưa bão" or "du lịch Lý Sơn" without answering what the weather or the
 * best hotel is.
 */
export function isOutOfScope(q: QuestionAnalysis, bestCoverage: number): boolean {
  return !showsAdministrativeIntent(q) && (bestCoverage < OUT_OF_SCOPE_MAX_COVERAGE || asksEverydayTopic(q));
}
