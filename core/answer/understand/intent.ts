/**
 * What a citizen's question asks about a procedure, from everyday Vietnamese phrasing,
 * typed with or without diacritics ("lệ phí bao nhiêu", "le phi bao nhieu"). The cue
 * phrases are in prompts/cues/intents.vi.json.
 */
import cues from '../../../prompts/cues/intents.vi.json' with { type: 'json' };
import { createPhraseMatcher, questionTokens, type PhraseMatch, type QuestionToken } from './phrase-match.ts';
import type { ProcedureIntent } from '../types.ts';

/** A procedure intent other than the `overview` fallback. */
export type FieldIntent = Exclude<ProcedureIntent, 'overview'>;

/** Cue phrases per intent (lower case, NFC). Longer phrases win over shorter ones. */
export const INTENT_CUES: Readonly<Record<FieldIntent, readonly string[]>> = Object.freeze(cues.intents);

/**
 * Phrases that contain a cue word but ask nothing about a procedure field ("kinh phí" is a
 * budget, not a fee; "thời gian tới" is the future, not a deadline). They are consumed so
 * the cue inside them does not fire.
 */
export const NOT_CUES: readonly string[] = Object.freeze(cues.notIntents);

const MATCHER = createPhraseMatcher<FieldIntent | null>([
  ...(Object.entries(INTENT_CUES) as Array<[FieldIntent, readonly string[]]>).flatMap(([value, phrases]) => phrases.map((phrase) => ({ phrase, value }))),
  ...NOT_CUES.map((phrase) => ({ phrase, value: null })),
]);

/** Intent cue phrases found in already tokenised question text, in question order. */
export function intentCues(tokens: readonly QuestionToken[]): PhraseMatch<FieldIntent>[] {
  return MATCHER.match(tokens).filter((m): m is PhraseMatch<FieldIntent> => m.value !== null);
}

/** Intents of a tokenised question, ordered by where they are first asked; `overview` when none. */
export function intentsOf(tokens: readonly QuestionToken[]): ProcedureIntent[] {
  const out: ProcedureIntent[] = [];
  for (const m of intentCues(tokens)) if (!out.includes(m.value)) out.push(m.value);
  return out.length ? out : ['overview'];
}

/**
 * What a procedure question asks for, ordered by where each is first asked ("lệ phí và
 * thời hạn" → fee, time); `['overview']` when nothing specific is asked.
 */
export function detectIntent(question: string): ProcedureIntent[] {
  return intentsOf(questionTokens(question));
}

/**
 * The intents of a question left once cues that are words of the procedure's own name are
 * set aside ("Đăng ký dự kiểm tra kết quả tập sự …" names the procedure, it does not ask
 * for its result); `overview` when none is left.
 */
export function intentsOutsideTitle(q: { tokens: readonly QuestionToken[]; cues: readonly PhraseMatch<FieldIntent>[] }, intents: readonly ProcedureIntent[], title: string): ProcedureIntent[] {
  const name = ` ${questionTokens(title).map((t) => t.folded).join(' ')} `;
  const inName = (c: PhraseMatch<FieldIntent>): boolean => name.includes(` ${q.tokens.slice(c.start, c.end).map((t) => t.folded).join(' ')} `);
  const named = new Set(q.cues.filter(inName).map((c) => c.value));
  const asked = new Set(q.cues.filter((c) => !inName(c)).map((c) => c.value));
  const left = intents.filter((i) => !named.has(i as FieldIntent) || asked.has(i as FieldIntent));
  return left.length > 0 ? left : ['overview'];
}
