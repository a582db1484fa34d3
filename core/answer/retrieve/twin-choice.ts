/**
 * Twins: the catalogue often holds two procedures whose names run the same for most of their
 * length and differ in a clause on who applies or where ("Cấp giấy thông hành biên giới … cho
 * công dân Việt Nam làm việc trong các cơ quan, tổ chức, doanh nghiệp có trụ sở tại tỉnh …"
 * and "… cho công dân Việt Nam có hộ khẩu thường trú ở tỉnh …"). Title precision favours the
 * shorter name whatever the question says; between twins scored close together, the words
 * that tell them apart decide: the twin more of whose own word pairs the question says is
 * chosen. Pairs, since Vietnamese words are mostly two syllables and a lone syllable ("ở",
 * "làm") says little: "tại tỉnh" of "có trụ sở tại tỉnh" is said in "làm ở công ty tại
 * tỉnh giáp Lào", and no pair of "có hộ khẩu thường trú ở tỉnh" is.
 */
import { questionTokens } from '../understand/phrase-match.ts';
import { officialWording, type QuestionAnalysis } from '../understand/question.ts';
import { TWIN_MARGIN, TWIN_MIN_SHARED } from '../tuning.ts';

/** A candidate as the chooser scored it. */
export interface TwinCandidate {
  title: string;
  score: number;
  /** Its preference adjustment (procedure-preference.ts): a twin the rules set aside stays aside. */
  preference: number;
}

const words = (text: string): string[] => questionTokens(text.toLowerCase()).map((t) => t.folded);

/** How many leading words two titles share ("Cấp giấy thông hành biên giới Việt Nam – Lào cho công dân Việt Nam" → 11). */
export function sharedLead(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
}

/** Adjacent word pairs of a text's words ("tại tỉnh" → "tai tinh"). */
function pairs(ws: readonly string[]): string[] {
  return ws.slice(1).map((w, i) => `${ws[i]} ${w}`);
}

/** The question's word pairs, as asked and in official wording, folded. */
function saidPairs(q: QuestionAnalysis): Set<string> {
  return new Set([...pairs(words(q.text)), ...(q.terms.length > 0 ? pairs(words(officialWording(q))) : [])]);
}

/** How many of a title's own word pairs (those its twin lacks) the question says. */
function ownPairsSaid(title: readonly string[], twin: readonly string[], said: ReadonlySet<string>): number {
  const other = new Set(pairs(twin));
  return new Set(pairs(title).filter((p) => !other.has(p) && said.has(p))).size;
}

/**
 * The index of the candidate to choose: `best` unless a twin of it (a title sharing at
 * least {@link TWIN_MIN_SHARED} leading words with it, scored within {@link TWIN_MARGIN})
 * has more of its own word pairs said in the question than `best` has of its own. A twin the
 * preference rules rank below `best` (a special case the question does not ask for: "… có
 * yếu tố nước ngoài", "… kết hợp …") is never chosen by its words: a pair said by chance
 * ("con có" of "khai sinh cho con có yếu tố nước ngoài") must not undo those rules.
 */
export function chooseAmongTwins(q: QuestionAnalysis, candidates: readonly TwinCandidate[], best: number): number {
  const top = candidates[best];
  if (!top) return best;
  const said = saidPairs(q);
  const topWords = words(top.title);
  let chosen = best;
  let chosenMargin = 0;
  candidates.forEach((c, i) => {
    if (i === best || top.score - c.score > TWIN_MARGIN || c.preference < top.preference) return;
    const own = words(c.title);
    if (sharedLead(topWords, own) < TWIN_MIN_SHARED) return;
    const margin = ownPairsSaid(own, topWords, said) - ownPairsSaid(topWords, own, said);
    if (margin > chosenMargin) {
      chosen = i;
      chosenMargin = margin;
    }
  });
  return chosen;
}
