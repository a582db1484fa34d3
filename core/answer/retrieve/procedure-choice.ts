/**
 * Which procedure a question is about, and whether it is about one at all.
 *
 * Candidates are the procedures behind a wide search (one chunk per procedure). Each is
 * scored by how well its NAME matches the question (title-match.ts): title precision plus
 * title recall, with the retrieval rank as a small tie-breaker. The best one is accepted
 * when the question names enough of its title ({@link MIN_TITLE_PRECISION}); when the
 * question has words that no retrieved passage contains at all ("bitcoin", "xem bói"), the
 * name must be named more fully ({@link STRONG_TITLE_PRECISION}), since the corpus knows
 * nothing of those words and a loose match would answer a question nobody's procedure covers.
 * Unseen words said only in the asker's story, before the request (understand/story.ts: "Rừng
 * keo nhà tôi bị bão quật đổ, muốn …"), tell the case, not the subject: they ask no fuller
 * name when the title says at least {@link STORY_MIN_TITLE_RECALL} of the question.
 * A long official name with many qualifiers is accepted at a lower precision
 * ({@link RECALLED_TITLE_PRECISION}) when it holds nearly all the question asks
 * ({@link HIGH_TITLE_RECALL}) and every rare unit of it, and at
 * {@link SUPPORTED_TITLE_PRECISION} when precision and recall together reach
 * {@link SUPPORTED_TITLE_SCORE} and it holds most of the question's rare units.
 *
 * With term weights, a candidate whose title lacks a rare unit of the question ("cải
 * chính", "A1") loses {@link RARE_MISS_PENALTY} in proportion, unless the retrieved chunk of
 * the procedure states it (a generic name whose field holds the detail asked); small preference
 * adjustments (procedure-preference.ts) break the remaining ties, and between twins scored
 * close together the words that tell them apart decide (twin-choice.ts).
 */
import questionCues from '../../../prompts/cues/question.vi.json' with { type: 'json' };
import type { DocumentRecord } from '../../model.ts';
import type { SearchHit } from '../../search/types.ts';
import { passageTerms, unitFound, type ContentUnit, type TermSet, type TermWeight } from './coverage.ts';
import { foldedWords } from '../understand/phrase-match.ts';
import type { QuestionAnalysis } from '../understand/question.ts';
import { titleTerms, unionOf } from './term-sets.ts';
import { matchTitle, questionTitleTerms, type TitleMatch } from './title-match.ts';
import { chooseAmongTwins } from './twin-choice.ts';
import {
  HIGH_TITLE_RECALL, MIN_TITLE_PRECISION, RARE_MISS_PENALTY, RECALLED_TITLE_PRECISION, STRONG_TITLE_PRECISION, SUPPORTED_TITLE_PRECISION, SUPPORTED_TITLE_SCORE,
  STORY_MIN_TITLE_RECALL, TITLE_RANK_PENALTY, TITLE_RECALL_WEIGHT, UNSEEN_MIN_IDF,
} from '../tuning.ts';

/** Optional inputs of {@link chooseProcedure}. */
export interface ChoiceOptions {
  /** Term weights (idf); they mark the question's rare units. */
  weight?: TermWeight;
  /** A small score adjustment per procedure (procedure-preference.ts). */
  adjust?: (doc: DocumentRecord) => number;
  /** Terms of a candidate's retrieved chunk (term-sets.ts); default: analysed from the hit's text. */
  fieldTerms?: (hit: SearchHit) => TermSet;
}

/** A procedure chosen for a question, with how its name matches. */
export interface ProcedureChoice extends TitleMatch {
  doc: DocumentRecord;
  score: number;
  /** The preference adjustment counted in the score. */
  preference: number;
  /** Retrieval rank among the candidates (0 first). */
  rank: number;
}

/** The best procedure by name among the candidate hits (first hit per document), or undefined. */
export function chooseProcedure(
  q: QuestionAnalysis,
  units: readonly ContentUnit[],
  hits: readonly SearchHit[],
  documentOf: (docId: string) => DocumentRecord | undefined,
  options: ChoiceOptions = {},
): ProcedureChoice | undefined {
  const prepared = questionTitleTerms(q, units, options.weight);
  const fieldTerms = options.fieldTerms ?? ((hit: SearchHit) => passageTerms(hit.text));
  const seen = new Set<string>();
  const scored: ProcedureChoice[] = [];
  const span = Math.max(hits.length, 1);
  for (const hit of hits) {
    if (seen.has(hit.docId)) continue;
    const doc = documentOf(hit.docId);
    if (!doc || doc.type !== 'thủ tục') continue;
    const rank = seen.size;
    seen.add(hit.docId);
    const m = matchTitle(prepared, doc.title);
    // A rare unit the title lacks but the matched field states ("A1" in the fee of "Cấp giấy
    // phép lái xe") is not missed: the procedure's own text names it.
    const missed = m.rareMissed > 0 ? rareMissedIn(units, prepared.rare, unionOf([titleTerms(doc), fieldTerms(hit)])) : 0;
    const rareMiss = m.rareTotal > 0 ? RARE_MISS_PENALTY * (Math.min(m.rareMissed, missed) / m.rareTotal) : 0;
    // Preferences break ties between acceptable names; they never lift a name that is not one.
    const adjust = options.adjust?.(doc) ?? 0;
    const preference = adjust < 0 || m.precision >= MIN_TITLE_PRECISION ? adjust : 0;
    const score = m.precision + TITLE_RECALL_WEIGHT * m.recall - TITLE_RANK_PENALTY * (rank / span) - rareMiss + preference;
    scored.push({ doc, ...m, score, rank, preference });
  }
  if (scored.length === 0) return undefined;
  const best = scored.reduce((b, c, i) => (c.score > scored[b]!.score ? i : b), 0);
  // A twin whose own words the question says is chosen over the best by name (twin-choice.ts).
  return scored[chooseAmongTwins(q, scored.map((c) => ({ title: c.doc.title, score: c.score, preference: c.preference })), best)];
}

/** How many of the rare units (`rare[i]` for `units[i]`) `terms` (the title's and the matched chunk's) lacks. */
function rareMissedIn(units: readonly ContentUnit[], rare: readonly boolean[], terms: TermSet): number {
  let missed = 0;
  units.forEach((u, i) => {
    if (rare[i] && !unitFound(u, terms)) missed += 1;
  });
  return missed;
}

/**
 * The question's content words (outside dictionary terms) that none of the retrieved
 * passages (their term sets) contains: words the corpus most likely does not know. With
 * term weights (idf), a word the index holds in many passages ("công ty", "giảm", "đi") is
 * known whatever the few retrieved passages say: only one at least {@link UNSEEN_MIN_IDF}
 * rare counts.
 */
export function unseenWords(q: QuestionAnalysis, passages: readonly TermSet[], weight?: TermWeight): string[] {
  const inTerm = new Set<number>();
  for (const t of q.terms) for (let i = t.start; i < t.end; i += 1) inTerm.add(i);
  const words = q.content.filter((i) => !inTerm.has(i) && !isQuantity(q, i)).map((i) => q.tokens[i]!.folded);
  if (words.length === 0) return [];
  const seen = unionOf(passages);
  return [...new Set(words.filter((w) => !seen.has(w) && (!weight || weight(w) >= UNSEEN_MIN_IDF)))];
}

/**
 * Whether token `i` is an age or a measure of the asker's case ("10" of "con 10 tuổi", "5" of
 * "xe 5 chỗ", "10" of "10 tấn"): procedures state ranges ("dưới 14 tuổi", "dưới 10 chỗ ngồi"),
 * never each number, so one no passage contains is no sign of an unknown subject.
 */
function isQuantity(q: QuestionAnalysis, i: number): boolean {
  return /^\d+$/u.test(q.tokens[i]!.folded) && QUANTITY_WORDS.has(q.tokens[i + 1]?.folded ?? '');
}

/** Words after a number that make it an age ("tuổi") or a measure ("chỗ", "tấn"). */
const QUANTITY_WORDS = foldedWords([...questionCues.ageWords, ...questionCues.measureWords]);

/**
 * Whether the asker's story may hold words the chosen procedure never says (unseen by
 * retrieval, or rare and absent from the procedure): when its title says at least
 * {@link STORY_MIN_TITLE_RECALL} of the question. A name matched through one or two words
 * of the request says too little to vouch for the rest.
 */
export function storyExcuses(choice: ProcedureChoice): boolean {
  return choice.recall >= STORY_MIN_TITLE_RECALL;
}

/**
 * Whether a chosen procedure may answer the question; see the module comment. `unseen`: the
 * question's words no retrieved passage contains, outside the asker's story; `storyUnseen`:
 * those said only in the story.
 */
export function acceptsProcedure(choice: ProcedureChoice | undefined, unseen: readonly string[], storyUnseen: readonly string[] = []): choice is ProcedureChoice {
  if (!choice) return false;
  if (unseen.length > 0) return choice.precision >= STRONG_TITLE_PRECISION;
  // Unseen words of the asker's story excuse a looser name only when it says a fair part of the whole question.
  if (storyUnseen.length > 0 && !storyExcuses(choice)) return choice.precision >= STRONG_TITLE_PRECISION;
  const recalled = choice.recall >= HIGH_TITLE_RECALL && choice.rareMissed === 0;
  if (choice.precision >= (recalled ? RECALLED_TITLE_PRECISION : MIN_TITLE_PRECISION)) return true;
  // Said mostly, and most of its rare units too: a title missing the question's rare words names something else.
  const supported = choice.precision + choice.recall >= SUPPORTED_TITLE_SCORE && 2 * choice.rareMissed < Math.max(choice.rareTotal, 1);
  return supported && choice.precision >= SUPPORTED_TITLE_PRECISION;
}
