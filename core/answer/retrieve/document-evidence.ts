/**
 * Which province document a question is about, and how well the documents found cover it.
 * One search over the province's own documents (not procedures, not laws) returns a few
 * passages per document; each document's evidence is the share of the question's weighted
 * content found in its title, type, number and issuer and its retrieved passages taken
 * together — long natural questions spread their words over a section, not one chunk. A
 * document the question names by its number ("114/TB-SKHCN") or by type and serial
 * ("Thông báo 114") comes first whatever its evidence; a document number the question
 * types that no indexed document bears is reported, so the answer can say so.
 */
import { DOCUMENT_TYPES, type Chunk, type DocumentRecord } from '../../model.ts';
import type { Corpus } from '../../search/types.ts';
import { findDocumentNumbers } from '../../structure/document-numbers.ts';
import { expandTerms } from '../../text/dictionary.ts';
import { foldDiacritics } from '../../text/fold.ts';
import type { AnswerRequest } from '../types.ts';
import type { DocumentQuestion } from '../understand/document-question.ts';
import { everydayExpansions } from '../understand/everyday-terms.ts';
import type { QuestionAnalysis } from '../understand/question.ts';
import { coverage, passageTerms, type ContentUnit, type TermSet } from './coverage.ts';
import { sourceKind } from './document-kind.ts';
import { scopeFor, visibleTo } from './scope.ts';
import { indexedTerms, titleTerms, unionOf } from './term-sets.ts';
import { EVIDENCE_PASSAGES, OFFICIAL_PASSAGES_PER_DOC, OFFICIAL_SEARCH_K, TITLE_RANK_WEIGHT } from '../tuning.ts';

/** A province document found for a question. */
export interface DocumentCandidate {
  doc: DocumentRecord;
  /** Rank of its best passage in the search (0 first). */
  rank: number;
  /** Its retrieved passages, best search score first. */
  chunks: Chunk[];
  /** Coverage of the question by its own terms and its {@link EVIDENCE_PASSAGES} best-covering retrieved passages together. */
  evidence: number;
  /** Coverage of the question by its title, type, number and issuer alone. */
  titleCoverage: number;
  /** How the question names it, when it does. */
  named?: 'number' | 'serial';
}

export interface DocumentSearch {
  /** Best first: named documents, then by evidence. */
  candidates: DocumentCandidate[];
  /** Document numbers typed in the question that no indexed document bears. */
  unknownNumbers: string[];
}

const PROVINCIAL_TYPES = DOCUMENT_TYPES.filter((t) => sourceKind({ type: t }) === 'provincial');
const compact = (n: string) => n.replace(/\s+/gu, '').toUpperCase();

/** The document's number as its header or metadata gives it. */
export function numberOf(doc: DocumentRecord): string | undefined {
  return (doc as DocumentRecord & { header?: { number?: string } }).header?.number ?? doc.number;
}

const ownTerms = new WeakMap<DocumentRecord, TermSet>();

/**
 * Terms that name a document: its title, type and issuer, and the serials and codes of the
 * numbers in its title and its own number ("26-NQ/TW" also gives "26" and "nq"), so "báo
 * cáo sơ kết NQ 26" finds the report whose title cites Nghị quyết số 26-NQ/TW.
 */
export function documentTerms(doc: DocumentRecord): TermSet {
  let terms = ownTerms.get(doc);
  if (!terms) {
    const numbers = findDocumentNumbers(`${doc.title}\n${numberOf(doc) ?? ''}`).map((r) => r.number);
    const parts = numbers.flatMap((n) => n.split(/[/-]/u)).map((p) => foldDiacritics(p.toLowerCase()).replace(/^0+(?=\d)/u, ''));
    const words = passageTerms(`${doc.type}\n${doc.issuer ?? ''}`);
    const own = new Set<string>([...words, ...parts]);
    terms = unionOf([titleTerms(doc), own]);
    ownTerms.set(doc, terms);
  }
  return terms;
}

/** Whether a document's number ("114/TB-SKHCN") or, without one, its title ("Phụ lục số 02") bears the serial. */
function namesSerial(doc: DocumentRecord, number: string | undefined, serial: string): boolean {
  if (number) return new RegExp(`^0*${serial}[/-]`, 'u').test(number);
  return new RegExp(`^${doc.type}\\s+(?:số\\s+)?0*${serial}(?!\\d)`, 'iu').test(doc.title.normalize('NFC'));
}

/** Search the province's documents visible to the asker and rank them; see the module comment. */
export async function searchDocuments(
  q: QuestionAnalysis, dq: DocumentQuestion, units: readonly ContentUnit[], req: AnswerRequest, corpus: Corpus,
): Promise<DocumentSearch> {
  const scope = scopeFor(req.role);
  const expansions = [...new Set([...expandTerms(q.text), ...everydayExpansions(q.text)])];
  const query = expansions.length ? `${q.text} ${expansions.join(' ')}` : q.text;
  const hits = await corpus.search(query, { k: OFFICIAL_SEARCH_K, perDoc: OFFICIAL_PASSAGES_PER_DOC, types: PROVINCIAL_TYPES, audiences: scope.audiences, statuses: scope.statuses });
  const byDoc = new Map<string, DocumentCandidate>();
  hits.forEach((hit, rank) => {
    const doc = corpus.document(hit.docId);
    if (!doc || !visibleTo(doc, req.role)) return;
    const chunk = corpus.chunk(hit.label);
    if (!chunk) return;
    const known = byDoc.get(doc.id);
    if (known) known.chunks.push(chunk);
    else byDoc.set(doc.id, { doc, rank, chunks: [chunk], evidence: 0, titleCoverage: 0 });
  });
  const wanted = new Set(dq.numbers.map((n) => compact(n.number)));
  const matched = new Set<string>();
  for (const c of byDoc.values()) {
    // Its best-covering passages among those retrieved, read together with its own terms.
    const best = c.chunks.map((ch) => indexedTerms(c.doc, ch)).map((t) => ({ t, cov: coverage(units, t) })).sort((a, b) => b.cov - a.cov).slice(0, EVIDENCE_PASSAGES);
    c.evidence = coverage(units, unionOf([documentTerms(c.doc), ...best.map((b) => b.t)]));
    c.titleCoverage = coverage(units, documentTerms(c.doc));
    const number = numberOf(c.doc);
    if (number && wanted.has(compact(number))) {
      c.named = 'number';
      matched.add(compact(number));
    } else if (dq.serials.some((s) => s.type === c.doc.type && namesSerial(c.doc, number, s.serial))) {
      c.named = 'serial';
    }
  }
  // The document the question names by its title words comes before one that only mentions them.
  const rankScore = (c: DocumentCandidate) => c.evidence + TITLE_RANK_WEIGHT * c.titleCoverage;
  const candidates = [...byDoc.values()].sort((a, b) => Number(b.named !== undefined) - Number(a.named !== undefined) || rankScore(b) - rankScore(a) || a.rank - b.rank);
  // A typed number may belong to a procedure or a law, which this search leaves out.
  const unknown: string[] = [];
  for (const n of dq.numbers) {
    if (matched.has(compact(n.number))) continue;
    const elsewhere = await corpus.search(n.number, { k: 3, audiences: scope.audiences, statuses: scope.statuses });
    if (!elsewhere.some((h) => { const d = corpus.document(h.docId); return d && compact(numberOf(d) ?? '') === compact(n.number); })) unknown.push(n.number);
  }
  return { candidates, unknownNumbers: unknown };
}
