/**
 * Every number the drafter's fact selection uses, with what it does and how it was chosen.
 * Measured with `npm run eval -- drafts` (eval/drafts.ts) on the ten drafting requests of
 * eval/datasets/officials-questions.jsonl — a development set, so round values were kept
 * wherever a neighbouring value scored the same. The fresh and fresh2 sets
 * (eval/datasets/drafts-fresh*.jsonl) were read for the paragraph rules below, fresh3 for the
 * clause units, the quyết định's facts, the topic frames (prompts/drafting/facts.vi.json) and the
 * per-chunk cap; all are development data now. eval/datasets/drafts-fresh4.jsonl
 * (`--set fresh4`) is only scored.
 */

/** Facts quoted in one draft at most, for a type not listed below. */
export const MAX_FACTS = 5;

/**
 * Facts quoted at most, by type: a báo cáo or kế hoạch is built from the results it reports
 * or plans from, a tờ trình or công văn quotes a few, a giấy mời only what the meeting is
 * about. Raised from 5 for all after the dev set showed a report's results crowding each
 * other out of a báo cáo drafted from it (dev facts 17/27 → 21/27, no forbidden passage
 * quoted); round values, not searched. The held-out set (`--set fresh`) did not rise with it.
 */
export const MAX_FACTS_BY_TYPE: Readonly<Record<string, number>> = {
  'báo cáo': 8, 'kế hoạch': 8, 'tờ trình': 6, 'công văn': 6, 'thông báo': 6, 'quyết định': 5, 'giấy mời': 3,
};

/** Facts from one document at most, so one long report does not fill the draft while other documents have facts to give (the room left is filled from it when none has). */
export const MAX_FACTS_PER_DOCUMENT = 3;

/** Facts from a document read whole as the draft's subject (named by the request, or its title covers it): a report drafted from one document quotes more of it. */
export const MAX_FACTS_PER_SUBJECT_DOCUMENT = 6;

/**
 * Added, at most, to the score of a relevant sentence (one already past MIN_FACT_SCORE) that
 * states a figure — a count, an amount, a share: among the sentences of the document a draft
 * is about, the results are what it quotes, not the general statements around them.
 */
export const FIGURE_BONUS = 0.15;

/**
 * The figure bonus is not about relevance, so it grows with the sentence's own relevance — its
 * coverage of the request's terms that its document's title does not already hold — and is
 * whole only from this coverage up: a figure from another section of a report read whole (its
 * title carries it past MIN_FACT_SCORE) must not outrank the sentence about the draft's subject
 * that has no figure. The named document's opening keeps its whole bonus (the request names
 * it). Round value, not searched; with it dev 21/27 → 21/27, fresh 12/22 → 13/22, fresh2
 * 16/20 → 16/20 (docs/BENCHMARKS.md).
 */
export const FIGURE_BONUS_FULL_COVERAGE = 0.5;

/**
 * Scores within one step of each other count as equal, and the equal ones are quoted in the
 * order of their document: the sentences of a report read whole score alike, and it states its
 * main results first.
 */
export const SCORE_STEP = 0.05;

/**
 * Facts from one passage (chunk) at most while other passages have facts to give (the room
 * left is filled from it when none has). 2 until a long sentence's ';'-clauses became facts of
 * their own (quotable.ts), which gives a passage more of them: with 3, facts quoted dev 20/27,
 * fresh 17/22, fresh2 18/20, fresh3 23/24 against 20/16/18/22 with 2 (topic frames in both).
 */
export const MAX_FACTS_PER_CHUNK = 3;

/** Passages retrieved for the request (subject and request together). */
export const CANDIDATE_PASSAGES = 24;

/** Passages retrieved for the subject (trích yếu) alone, added to the above. */
export const SUBJECT_PASSAGES = 12;

/** A quotable sentence is at least this long (characters): shorter ones are headings or fragments. */
export const MIN_SENTENCE_CHARS = 40;

/**
 * And at most this long: a longer "sentence" is a table flattened into text or several
 * sentences the splitter could not cut; quoting it whole would swamp the draft, cutting it
 * would quote half a sentence.
 */
export const MAX_SENTENCE_CHARS = 600;

/**
 * A sentence announcing a list ("… gồm các nội dung sau:") is quoted only with its items, and
 * only when all of them fit in this many characters: a longer list is the source's to read,
 * not a fact to paste.
 */
export const MAX_LIST_CHARS = 900;

/**
 * Least score of a quoted sentence: (1 − TITLE_WEIGHT) × its coverage of the request's
 * weighted terms + TITLE_WEIGHT × its document title's coverage, times the type factor
 * below (0–1). Below it the sentence only shares common words with the request; a
 * sentence of the document the draft is about needs less coverage of its own.
 */
export const MIN_FACT_SCORE = 0.35;

/** Least coverage of the request by a quoted sentence (with its headings) on its own, however relevant its document. */
export const MIN_SENTENCE_COVERAGE = 0.15;

/** Weight of a syllable pair ("chuyển_đổi") against its rarity: pairs are rarer than syllables by nature, and both syllables count already. */
export const PAIR_WEIGHT = 0.5;

/** A retrieved document whose title covers this share of the request is the draft's subject: all its passages are candidates, not only the retrieved ones. */
export const MIN_TITLE_COVERAGE_FOR_DOCUMENT = 0.5;

/**
 * A retrieved document whose title's weighted terms are this much in the request is named by
 * it, as by its number: the official wrote the title out ("dựa trên Danh mục nhu cầu công
 * nghệ của các sở, ban, ngành, địa phương"), the words after it notwithstanding.
 */
export const MIN_TITLE_IN_REQUEST = 0.8;

/** At most this many such documents are read whole. */
export const WHOLE_DOCUMENTS = 2;

/** How much a document title's coverage of the request adds to a sentence's score (the rest is the sentence's own coverage). */
export const TITLE_WEIGHT = 0.3;

/** Weight of a request term that is not in the trích yếu (the subject's own terms weigh 1). */
export const REQUEST_ONLY_TERM_WEIGHT = 0.5;

/**
 * Score factor of passages from records that are not provincial documents: a national
 * procedure's fields or a law article are rarely what a công văn quotes as fact; they stay
 * quotable when nothing provincial matches.
 */
export const PROCEDURE_FACTOR = 0.3;
export const LAW_FACTOR = 0.6;

/**
 * An opening sentence ("Thực hiện Công văn số …" in a document's first paragraph) is quoted
 * only when its document's title covers at least this share of the request: it says why
 * that document was written, which is a fact of the draft only if the document is the
 * draft's subject.
 */
export const MIN_TITLE_COVERAGE_FOR_OPENING = 0.5;

/**
 * Share of its paragraph's best coverage (and figure relevance) a sentence is given when its
 * own is lower: the sentence after the one naming the subject carries its figures, dates,
 * decisions and names ("Đề án đã được UBND tỉnh phê duyệt tại Quyết định số …"). Measured with
 * the repeat penalty below on the development sets (dev / fresh / fresh2, facts quoted):
 * 0.7 → 21/17/16, 0.8 → 21/17/18, 0.9 → 21/17/18, 1.0 → 21/17/19; 0.8 kept, the middle of the
 * plateau (at 1.0 every sentence of a paragraph would weigh as its best). No forbidden passage
 * quoted at any value.
 */
export const PARAGRAPH_SHARE = 0.8;

/**
 * Taken off a sentence's score for each sentence already quoted from its paragraph: the best
 * of another paragraph (another result, another section) comes before a neighbouring sentence.
 * 0.05, 0.1 and 0.2 scored the same on the development sets; 0.1, two score steps, kept.
 */
export const PARAGRAPH_REPEAT_PENALTY = 0.1;
