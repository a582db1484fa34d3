/**
 * Retrieve and select: what the corpus offers for an analysed question, within what the
 * asker's role may see. Three searches run together: the passages (a few per document),
 * the procedures behind a wider search (one chunk each), and the procedures named by the
 * question's rare words and official phrases (title-focus.ts). Passages come back with their
 * coverage of the question (coverage.ts); the procedure the question names, if one is named
 * well enough (procedure-choice.ts, procedure-preference.ts); and the question's words
 * that no retrieved passage contains.
 *
 * For a follow-up, the same measures select the passages of the document in focus.
 */
import type { Chunk, DocumentRecord } from '../../model.ts';
import type { Corpus, SearchHit } from '../../search/types.ts';
import { expandTerms } from '../../text/dictionary.ts';
import type { AnswerRequest } from '../types.ts';
import type { QuestionAnalysis } from '../understand/question.ts';
import { storyOnlyWords } from '../understand/story.ts';
import { coverage, type ContentUnit, type TermSet, type TermWeight } from './coverage.ts';
import { acceptsProcedure, chooseProcedure, storyExcuses, unseenWords, type ProcedureChoice } from './procedure-choice.ts';
import { preferenceAdjustment, preferenceCues } from './procedure-preference.ts';
import { scopeFor, visibleTo } from './scope.ts';
import { preferInForce } from '../../inforce/standing.ts';
import { rareWordsMissing } from './term-rarity.ts';
import { chunkTerms, indexedTerms, titleTerms, unionOf } from './term-sets.ts';
import { titleFocusQuery } from './title-focus.ts';
import { FOCUS_CHUNK_LIMIT, PER_DOC, PROCEDURE_CANDIDATES, RARE_MISS_MIN_COVERAGE, TITLE_FOCUS_CANDIDATES } from '../tuning.ts';

/** A retrieved passage with its document. */
export interface Passage {
  chunk: Chunk;
  doc: DocumentRecord;
}

/** A retrieved passage with how much of the question it covers. */
export interface Candidate extends Passage {
  rank: number;
  coverage: number;
}

/** What retrieval found for a question. */
export interface Retrieved {
  passages: Candidate[];
  /** The procedure the question names, when one is named well enough. */
  procedure?: ProcedureChoice;
  /** Content words of the question that no retrieved passage contains. */
  unseen: string[];
}

const NO_TERMS: TermSet = new Set<string>();
const NO_WORDS: ReadonlySet<string> = new Set<string>();

/**
 * Search within the role's scope: passages with their coverage of the question, and the
 * procedure the question names (a wider search, one chunk per procedure, joined by a
 * search for the question's rare words and official phrases, title-focus.ts), if any.
 * `k`: passages asked of the search.
 */
export async function retrieve(
  q: QuestionAnalysis, units: readonly ContentUnit[], req: AnswerRequest, corpus: Corpus, weight: TermWeight | undefined, k: number,
): Promise<Retrieved> {
  const scope = scopeFor(req.role);
  const expansions = expandTerms(q.text);
  const query = expansions.length ? `${q.text} ${expansions.join(' ')}` : q.text;
  const filters = { audiences: scope.audiences, statuses: scope.statuses };
  const focus = weight ? titleFocusQuery(q, weight) : undefined;
  const [hits, wideHits, focusHits] = await Promise.all([
    corpus.search(query, { k, perDoc: PER_DOC, ...filters }),
    corpus.search(query, { k: PROCEDURE_CANDIDATES, perDoc: 1, types: ['thủ tục'], ...filters }),
    focus && focus !== query ? corpus.search(focus, { k: TITLE_FOCUS_CANDIDATES, perDoc: 1, types: ['thủ tục'], ...filters }) : [],
  ]);
  // Procedures only the focus search found join the candidates after the wide ones.
  const wide = new Set(wideHits.map((h) => h.docId));
  const procedureHits = [...wideHits, ...focusHits.filter((h) => !wide.has(h.docId))];
  const passages: Candidate[] = [];
  for (const hit of hits) {
    const doc = corpus.document(hit.docId);
    // The scope is enforced here too: an adapter ignoring the filter must not leak a document.
    if (!doc || !visibleTo(doc, req.role)) continue;
    const chunk = corpus.chunk(hit.label) ?? chunkOfHit(hit);
    passages.push({ chunk, doc, rank: passages.length, coverage: coverage(units, indexedTerms(doc, chunk)) });
  }
  const visible = (id: string): DocumentRecord | undefined => {
    const doc = corpus.document(id);
    return doc && visibleTo(doc, req.role) ? doc : undefined;
  };
  // As indexed: a passage with its document's title and number ("114/TB-SKHCN").
  const indexed = [...hits, ...wideHits].map((h): TermSet => {
    const doc = visible(h.docId);
    return doc ? indexedTerms(doc, corpus.chunk(h.label) ?? chunkOfHit(h)) : NO_TERMS;
  });
  const unseen = unseenWords(q, indexed, weight);
  const cues = preferenceCues(q, req.role);
  const choice = chooseProcedure(q, units, procedureHits, visible, {
    ...(weight ? { weight } : {}),
    adjust: (doc) => preferenceAdjustment(cues, doc, corpus.chunksOf(doc.id)),
    fieldTerms: (hit) => chunkTerms(corpus.chunk(hit.label) ?? chunkOfHit(hit)),
  });
  // Words of the asker's story (before "muốn", "xin" …) veto no procedure whose name matches the request.
  const story = storyOnlyWords(q);
  const accepted = acceptsProcedure(choice, unseen.filter((w) => !story.has(w)), unseen.filter((w) => story.has(w)))
    && (!weight || coversRareWords(q, units, weight, procedureTerms(corpus, choice.doc), storyExcuses(choice) ? story : NO_WORDS));
  // A citizen is answered first from the texts in force on the day asked; the others follow.
  const ranked = req.role === 'citizen' && req.asOf ? preferInForce(passages, req.asOf).map((p, rank) => ({ ...p, rank })) : passages;
  return { passages: ranked, unseen, ...(accepted ? { procedure: choice } : {}) };
}

/**
 * Whether the focus document covers the question (at least `minCoverage`): a procedure by
 * its title, another document by one of its passages.
 */
export function focusCovers(corpus: Corpus, docId: string, units: readonly ContentUnit[], minCoverage: number): boolean {
  const doc = corpus.document(docId);
  if (!doc || units.length === 0) return false;
  if (doc.type === 'thủ tục') return coverage(units, titleTerms(doc)) >= minCoverage;
  return corpus.chunksOf(docId).slice(0, FOCUS_CHUNK_LIMIT).some((c) => coverage(units, chunkTerms(c)) >= minCoverage);
}

/**
 * The passages of a followed-up (non-procedure) document that cover the question by at
 * least `minCoverage`, best first, at most `k`.
 */
export function focusPassages(corpus: Corpus, doc: DocumentRecord, units: readonly ContentUnit[], minCoverage: number, k: number): Array<Passage & { coverage: number }> {
  return corpus.chunksOf(doc.id).slice(0, FOCUS_CHUNK_LIMIT)
    .map((chunk) => ({ chunk, doc, coverage: coverage(units, indexedTerms(doc, chunk)) }))
    .filter((p) => p.coverage >= minCoverage)
    .sort((a, b) => b.coverage - a.coverage)
    .slice(0, k);
}

/**
 * Whether a procedure may answer a question with a rare word it never mentions ("làm thẻ
 * căn cước cho chó mèo"): only when it still covers at least
 * {@link RARE_MISS_MIN_COVERAGE} of the question's weighted content (the neighbour in "hòa
 * giải tranh chấp đất với hàng xóm" is a side detail of a question the procedure answers),
 * or when only the asker's story says them (`story`: "Mấy hộ trong xóm muốn … lập tổ hợp tác").
 */
function coversRareWords(q: QuestionAnalysis, units: readonly ContentUnit[], weight: TermWeight, terms: TermSet, story: ReadonlySet<string>): boolean {
  return rareWordsMissing(q, weight, terms).every((w) => story.has(w)) || coverage(units, terms) >= RARE_MISS_MIN_COVERAGE;
}

/** Folded words and pairs of a procedure's title and every one of its chunks. */
function procedureTerms(corpus: Corpus, doc: DocumentRecord): TermSet {
  return unionOf([titleTerms(doc), ...corpus.chunksOf(doc.id).map(chunkTerms)]);
}

/** Whether every number the question states (a year, an amount) is in the passage. */
export function numbersFound(q: QuestionAnalysis, passage: Passage): boolean {
  const numbers = q.content.map((i) => q.tokens[i]!.folded).filter((t) => /^\d+$/u.test(t));
  if (numbers.length === 0) return true;
  const terms = indexedTerms(passage.doc, passage.chunk);
  return numbers.every((n) => terms.has(n));
}

function chunkOfHit(hit: SearchHit): Chunk {
  return { id: hit.chunkId, docId: hit.docId, sectionPath: [], sectionLabel: hit.section, headingTrail: [], text: hit.text };
}
