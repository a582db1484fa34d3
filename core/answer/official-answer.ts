/**
 * The answer path for officials' questions about the province's own documents (plans,
 * reports, notices, decisions), run by the extractive answerer for officials and admins
 * before procedures and laws unless the question is about a procedure or a law. Stages:
 *
 * 1. understand — what the question asks of documents (understand/document-question.ts),
 *    and whether it follows up on the document of the previous answer;
 * 2. retrieve and select — the province's documents with their evidence: coverage of the
 *    question by each document's own terms and top passages together
 *    (retrieve/document-evidence.ts); the document the question names by number or by type
 *    and serial comes first; a number no indexed document bears is reported; a document
 *    that never writes a proper name of the question (understand/proper-names.ts) does not answer;
 * 3. compose by shape — header facts (compose/header-answer.ts), a whole list
 *    (compose/section-list.ts), a table row (compose/table-answer.ts), or the sentences that
 *    hold what is asked (compose/document-passages.ts);
 * 4. ground — every line's facts and names in its citations (ground/line-check.ts); an
 *    answer that does not hold is refused with the nearest documents to open
 *    (ground/official-refusal.ts).
 *
 * Returns `undefined` when the province's documents do not answer and procedures and laws
 * may still (the caller's general path), with the nearest documents for its refusal.
 */
import type { Chunk, Citation, DocumentRecord } from '../model.ts';
import type { Corpus } from '../search/types.ts';
import { typeFromNumber } from '../structure/document-numbers.ts';
import { composeDocumentPassages } from './compose/document-passages.ts';
import { composeHeaderAnswer, missingNames } from './compose/header-answer.ts';
import { composeList, findList, findSentenceList } from './compose/section-list.ts';
import { composeRow, findRow, rowNamed, tableRows } from './compose/table-answer.ts';
import { asksTarget, unansweredConstraint } from './ground/answerability.ts';
import { CitationList } from './ground/citations.ts';
import { groundedLines } from './ground/line-check.ts';
import { inForceNotices } from './ground/inforce-notices.ts';
import { statusNotices } from './ground/notices.ts';
import { missingFactsMessage, officialRefusal, unknownNumberMessage } from './ground/official-refusal.ts';
import { contentUnits, type ContentUnit, type TermWeight } from './retrieve/coverage.ts';
import { documentTerms, searchDocuments, type DocumentCandidate } from './retrieve/document-evidence.ts';
import { sourceKind } from './retrieve/document-kind.ts';
import { chunkTerms, unionOf } from './retrieve/term-sets.ts';
import { visibleTo } from './retrieve/scope.ts';
import type { AnswerRequest, AnswerResult } from './types.ts';
import { analyzeDocumentQuestion, type DocumentQuestion } from './understand/document-question.ts';
import { withEverydayTerms } from './understand/everyday-terms.ts';
import { questionTokens } from './understand/phrase-match.ts';
import { nameForm, properNames } from './understand/proper-names.ts';
import { namedBodies } from './understand/named-bodies.ts';
import { analyzeQuestion, type QuestionAnalysis } from './understand/question.ts';
import { COUNTED_WORD_MIN_WEIGHT, HEADER_MIN_EVIDENCE, MIN_DOCUMENT_EVIDENCE, FALLBACK_DOCUMENTS, NEAREST_DOCUMENTS, SECOND_DOCUMENT_SHARE } from './tuning.ts';
import type { HeaderField } from './understand/document-question.ts';

/** Header facts that identify the document or person: an answer without them would be another's. */
const IDENTIFYING: ReadonlySet<HeaderField> = new Set(['number', 'date', 'signer']);

/** What the document path concluded. */
export interface DocumentPathOutcome {
  /** A final result: an answer, or a refusal the general path cannot change (a fact the named document lacks). */
  result?: AnswerResult;
  /** Documents to offer if the general path refuses too. */
  nearest: DocumentRecord[];
  /** Evidence of the best document (for the refusal curve). */
  evidence: number;
}

/** The question's content units without its cue phrases (header-field, list and comparison cues name no subject). */
function subjectUnits(q: QuestionAnalysis, dq: DocumentQuestion, weight: TermWeight | undefined): ContentUnit[] {
  const content = q.content.filter((i) => !dq.cueTokens.has(i));
  const terms = q.terms.filter((t) => { for (let i = t.start; i < t.end; i += 1) if (dq.cueTokens.has(i)) return false; return true; });
  return contentUnits({ ...q, content, terms }, weight);
}

/** Follow-up markers that point back ("còn … thì sao", "văn bản đó", "vậy"); "thế" only when it opens the question ("thế nào" asks how). */
function pointsBack(q: QuestionAnalysis): boolean {
  return q.markers.some((m) => m.start === 0 || (m.phrase !== 'thế' && m.phrase !== 'này'));
}

const YEAR_TOKEN = /\b(?:19|20)\d{2}\b/gu;

/** The question a follow-up asks: the previous one with the new years in place of its own, then this one. */
function mergedQuestion(previous: string, current: QuestionAnalysis, dq: DocumentQuestion): string {
  const base = dq.years.length > 0 ? previous.replace(YEAR_TOKEN, ' ') : previous;
  return `${base} ${current.text}`;
}

function chunksFor(corpus: Corpus, doc: DocumentRecord): Chunk[] {
  return corpus.chunksOf(doc.id);
}

const nameTexts = new WeakMap<DocumentRecord, string>();

/** A document's title, issuer and text in the form proper names are matched in. */
function nameText(doc: DocumentRecord, corpus: Corpus): string {
  let text = nameTexts.get(doc);
  if (text === undefined) {
    text = nameForm([doc.title, doc.issuer ?? '', ...chunksFor(corpus, doc).map((c) => c.text)].join('\n'));
    nameTexts.set(doc, text);
  }
  return text;
}

/**
 * What an answer's lines stand under: the headings above each cited passage and each cited
 * document's title, issuer and number (ground/answerability.ts).
 */
function answerContext(cited: readonly Citation[], corpus: Corpus): string[] {
  const out: string[] = [];
  for (const c of cited) {
    const doc = corpus.document(c.docId);
    if (doc) out.push(doc.title, doc.issuer ?? '', doc.number ?? '');
    const chunkId = c.link ? new URLSearchParams(c.link.slice(c.link.indexOf('?') + 1)).get('chunk') : null;
    const chunk = chunkId && doc ? chunksFor(corpus, doc).find((k) => k.id === chunkId) : undefined;
    if (chunk) out.push(...chunk.headingTrail);
  }
  return out;
}

/**
 * The answer lines from one document found, by shape: the table row asked, else the whole
 * list, else the sentences that hold what is asked (of two documents, for a comparison that
 * names both).
 */
function composeFrom(
  found: DocumentCandidate, candidates: readonly DocumentCandidate[], q: QuestionAnalysis, dq: DocumentQuestion,
  units: ContentUnit[], mentioned: string[], corpus: Corpus, citations: CitationList, minEvidence: number,
): string[] {
  const chunks = chunksFor(corpus, found.doc);
  const rows = tableRows(chunks);
  const row = rows.length > 0 && (dq.wantsTable || rowNamed(q.text)) ? findRow(rows, q.text, units) : undefined;
  if (row) return composeRow(found.doc, chunks, row, units, dq.years, citations);
  const list = dq.wantsList
    ? findList(found.doc, chunks, units, documentTerms(found.doc)) ?? findSentenceList(chunks, units, documentTerms(found.doc))
    : undefined;
  if (list) return composeList(found.doc, list, citations);
  // A comparison may span two documents the question names together.
  const second = dq.shape === 'comparison'
    ? candidates.find((c) => c !== found && c.doc.id !== found.doc.id && c.evidence >= minEvidence && c.evidence >= found.evidence * SECOND_DOCUMENT_SHARE)
    : undefined;
  const target = second ? [found.doc, second.doc] : [found.doc];
  // The words the documents found use, for what tells a figure's subject.
  const known = unionOf([...new Set([found, ...candidates.slice(0, FALLBACK_DOCUMENTS + 1)].map((c) => c.doc))].flatMap((doc) => chunksFor(corpus, doc).map(chunkTerms)));
  return composeDocumentPassages(dq, units, target.map((doc) => ({ doc, chunks: chunksFor(corpus, doc) })), citations, mentioned, known).lines;
}

/** Run the document path; see the module comment. */
export async function answerFromDocuments(
  req: AnswerRequest, corpus: Corpus, question: QuestionAnalysis, weight: TermWeight | undefined, minEvidence = MIN_DOCUMENT_EVIDENCE,
): Promise<DocumentPathOutcome> {
  let q = withEverydayTerms(question);
  let dq = analyzeDocumentQuestion(q);
  const focusDoc = req.context?.focusDocIds[0] ? corpus.document(req.context.focusDocIds[0]) : undefined;
  const focus = focusDoc && visibleTo(focusDoc, req.role) && sourceKind(focusDoc) === 'provincial' ? focusDoc : undefined;
  let units = subjectUnits(q, dq, weight);
  const namesDocument = dq.numbers.length > 0 || dq.serials.length > 0;
  const followUp = focus !== undefined && !namesDocument && (pointsBack(q) || units.length <= 2 || (dq.fields.length > 0 && dq.types.length === 0));
  if (followUp && dq.fields.length === 0 && req.context?.lastQuestion) {
    const own = dq;
    q = withEverydayTerms(analyzeQuestion(mergedQuestion(req.context.lastQuestion, q, dq)));
    dq = analyzeDocumentQuestion(q);
    // "thế còn năm 2025?" after "năm 2023 và năm 2024 mỗi năm …": one year asked now, not a comparison.
    if (own.years.length === 1 && !own.wantsComparison) dq = { ...dq, wantsComparison: false, shape: dq.shape === 'comparison' ? 'passage' : dq.shape, years: own.years };
    units = subjectUnits(q, dq, weight);
  }
  // A figure counts what an everyday word says in the documents' words too ("công ty" → "đơn vị").
  const officialWords = q.terms.filter((t) => t.match.entry.kind === 'everyday').flatMap((t) => t.match.entry.official.flatMap((p) => questionTokens(p).map((k) => k.folded)));
  if (dq.countedWords.size > 0) dq = { ...dq, countedWords: new Set([...dq.countedWords, ...officialWords]) };
  // The words that may say what a figure counts: the question's own, not the most common.
  if (weight) dq = { ...dq, countedWords: new Set([...dq.countedWords].filter((w) => weight(w) >= COUNTED_WORD_MIN_WEIGHT)) };
  const asked = q.text;
  /** Numbers of unindexed documents the answer's sentences must name. */
  let mentioned: string[] = [];
  if (units.length === 0 && !followUp) {
    return { nearest: [], evidence: 0 };
  }

  // 2. Retrieve and select.
  const found = await searchDocuments(q, dq, units, req, corpus);
  // A follow-up stays on the document in focus; so does a question that document covers well enough.
  const focusFound = focus ? found.candidates.find((c) => c.doc.id === focus.id) : undefined;
  const stay = focus && (followUp || (focusFound !== undefined && focusFound.evidence >= minEvidence && !found.candidates[0]?.named));
  // A place, person or body the question names is one the answering document writes:
  // "Tỉnh Gia Lai có bao nhiêu …" is not answered by the figure of Quảng Ngãi.
  const names = properNames(q.text);
  const writesNames = (c: DocumentCandidate) => c.named !== undefined || names.every((n) => nameText(c.doc, corpus).includes(` ${n} `));
  const candidates: DocumentCandidate[] = stay
    ? [{ doc: focus, rank: 0, chunks: focusFound?.chunks ?? [], evidence: 1, titleCoverage: 1 }, ...found.candidates.filter((c) => c.doc.id !== focus.id && writesNames(c))]
    : found.candidates.filter(writesNames);
  const nearest = found.candidates.slice(0, NEAREST_DOCUMENTS).map((c) => c.doc);
  const best = candidates[0];
  const evidence = best?.named || stay ? 1 : best?.evidence ?? 0;

  // The question's subject is a document named by a number no indexed document bears (its
  // type is the first the question names): its contents cannot be told, and its own facts
  // only as other documents mention it ("Kế hoạch số 359-KH/TU ngày 29/4/2025").
  const subjectUnknown = found.unknownNumbers.filter((n) => dq.types.length > 0 && typeFromNumber(n) === dq.types[0]);
  if (subjectUnknown.length > 0 && !candidates.some((c) => c.named === 'number')) {
    if (dq.wantsList || (dq.fields.length > 0 && !dq.fields.includes('date'))) {
      return { result: officialRefusal(nearest, asked, req.context, unknownNumberMessage(subjectUnknown)), nearest, evidence: 0 };
    }
    if (dq.fields.includes('date')) dq = { ...dq, fields: [], shape: dq.wantsComparison ? 'comparison' : 'passage', asks: ['date', ...dq.asks.filter((a) => a !== 'date')] };
    mentioned = subjectUnknown;
  }
  if (!best) return { nearest, evidence: 0 };

  let citations = new CitationList();
  let lines: string[] = [];

  // 3. Compose by shape. Header facts of the document named (or followed up, or found), when
  // it is of the type the question names first: "công văn … yêu cầu báo cáo … số mấy" asks
  // the number of the công văn the report cites, not the report's own. A type written right
  // before the number cue names whose number is asked ("Báo cáo … căn cứ … công văn số mấy,
  // ngày nào?" asks the công văn's, which the report's text cites).
  const headerType = dq.askedNumberType ?? dq.types[0];
  const typeAgrees = (doc: DocumentRecord) => headerType === undefined || headerType === doc.type;
  const headerDoc = dq.fields.length > 0 && (best.named || stay || best.evidence >= HEADER_MIN_EVIDENCE) && typeAgrees(best.doc) ? best.doc : undefined;
  if (dq.fields.includes('number') && !headerDoc && dq.types.length > 0) {
    dq = { ...dq, askedNumberType: dq.askedNumberType ?? dq.types[0]!, asks: dq.asks.includes('docNumber') ? dq.asks : ['docNumber', ...dq.asks] };
  }
  let kept: string[] = [];
  if (headerDoc) {
    const header = composeHeaderAnswer(headerDoc, chunksFor(corpus, headerDoc), dq.fields, citations);
    // Without the number, the date or the signer asked, the answer would name the wrong document or person.
    if (header.lines.length === 0 || header.missing.some((f) => IDENTIFYING.has(f))) {
      return { result: officialRefusal([headerDoc], asked, req.context, missingFactsMessage(headerDoc, missingNames(header.missing)), headerDoc), nearest, evidence };
    }
    lines = header.lines;
    if (header.missing.length > 0) lines.push(missingFactsMessage(headerDoc, missingNames(header.missing)));
    kept = groundedLines(lines, citations.items).kept;
  } else {
    if (evidence < minEvidence) return { nearest, evidence };
    // Composed and grounded (4) in rank order, the first document whose passages answer: the
    // best-ranked may cover the question's words without the sentence that answers it, which
    // the next holds. One the question names, or the one in focus, is not left for another.
    const tried = best.named || stay ? [best] : [best, ...candidates.slice(1).filter((c) => c.evidence >= minEvidence).slice(0, FALLBACK_DOCUMENTS)];
    // An answer that misses a name or year the question states, where it stands, answers
    // another place, body or year: the next document may hold the one asked.
    const constraints = { names: [...names, ...namedBodies(q.text)], years: dq.years, units, target: asksTarget(q.text) };
    for (const candidate of tried) {
      citations = new CitationList();
      lines = composeFrom(candidate, candidates, q, dq, units, mentioned, corpus, citations, minEvidence);
      kept = groundedLines(lines, citations.items).kept;
      if (kept.length > 0 && unansweredConstraint({ ...constraints, lines: kept, context: answerContext(citations.items, corpus), passages: citations.items.map((c) => c.quote) })) kept = [];
      if (kept.length > 0) break;
    }
  }

  // 4. Ground: only the citations the kept lines use.
  const used = new Set([...kept.join('\n').matchAll(/\[(\d+)\]/gu)].map((m) => Number(m[1])));
  const cited = citations.items.filter((c) => used.has(c.n));
  if (kept.length === 0 || cited.length === 0) return { nearest, evidence };
  const docIds = [...new Set(cited.map((c) => c.docId))];
  const docs = docIds.map((id) => corpus.document(id)).filter((d): d is DocumentRecord => d !== undefined);
  return {
    result: {
      answer: kept.join('\n'), citations: cited, refused: false, answerer: 'extractive',
      notices: [...statusNotices(docs, (id) => corpus.document(id)), ...inForceNotices(docs, req.asOf)],
      context: { focusDocIds: docIds, lastQuestion: asked, lastIntent: 'overview' },
    },
    nearest, evidence,
  };
}
