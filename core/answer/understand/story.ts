/**
 * The asker's story and the request. Citizens tell their circumstances first and ask last:
 * "Rừng keo nhà tôi bị bão quật đổ hết, muốn xã xuống kiểm tra thiệt hại thì mất mấy
 * ngày?". The request opens at the last wish word ("muốn", "xin" …); the words before it
 * describe the case (its trees, its village, "giờ", "thêm"), not the procedure asked for.
 * A question without a wish word ("thủ tục đăng ký biển số cho xe đạp") is all request.
 */
import cues from '../../../prompts/cues/question.vi.json' with { type: 'json' };
import { createPhraseMatcher, foldedWords } from './phrase-match.ts';
import type { QuestionAnalysis } from './question.ts';

/** Words that open a request ("muốn", "xin"), as data in prompts/cues/question.vi.json. */
export const WISH_WORDS: readonly string[] = Object.freeze(cues.wishWords);

// Typed without diacritics, only the unambiguous ones count ("muon", "xin", "mong"); "dinh" may be "đình".
const WISH = createPhraseMatcher(WISH_WORDS.map((phrase) => ({ phrase, value: true })), { bareSingles: foldedWords(['muốn', 'xin', 'mong']) });

/** Position (into `q.tokens`) of the token that opens the request: the last wish word; 0 without one. */
export function requestStart(q: Pick<QuestionAnalysis, 'tokens'>): number {
  const wishes = WISH.match(q.tokens);
  return wishes.length > 0 ? wishes[wishes.length - 1]!.start : 0;
}

/**
 * The folded content words said only in the asker's story, before the request: they tell
 * the case, so a procedure whose name matches the request is not vetoed for lacking them.
 */
export function storyOnlyWords(q: Pick<QuestionAnalysis, 'tokens' | 'content'>): Set<string> {
  const start = requestStart(q);
  if (start === 0) return new Set();
  const story = new Set<string>();
  const asked = new Set<string>();
  for (const i of q.content) (i < start ? story : asked).add(q.tokens[i]!.folded);
  for (const w of asked) story.delete(w);
  return story;
}
