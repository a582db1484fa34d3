/**
 * Retrieval for a draft: passages found for the request and for the trích yếu alone, in
 * every document an official may see (public and internal), plus every passage of the one
 * or two retrieved documents whose title says they are the draft's subject; narrowed to the
 * sentences worth quoting (select-facts.ts), each cited down to its section. Headers,
 * signatures, "Nơi nhận" lists and footnotes are never quoted as facts.
 */
import { buildCitation } from '../answer/ground/citations.ts';
import type { Chunk, DocumentRecord } from '../model.ts';
import type { Corpus, SearchHit } from '../search/types.ts';
import { foldDiacritics } from '../text/fold.ts';
import type { DraftFact } from './compose.ts';
import type { DraftFields } from './model.ts';
import { coverage, queryTerms, selectFacts, type FactPassage, type FactQuery, type TermWeight } from './select-facts.ts';
import { CANDIDATE_PASSAGES, MAX_FACTS, MAX_FACTS_BY_TYPE, MIN_TITLE_COVERAGE_FOR_DOCUMENT, MIN_TITLE_IN_REQUEST, SUBJECT_PASSAGES, WHOLE_DOCUMENTS } from './tuning.ts';

/** Chunk kinds that hold no running text (set by the ingest when it recognises the block). */
const NOT_BODY = new Set(['header', 'signature', 'recipients', 'footnote']);

/** What a quoted sentence is cited to. */
export interface Source {
  chunkId: string;
  section: string;
  doc: Pick<DocumentRecord, 'id' | 'sourceId' | 'title'> & Partial<DocumentRecord>;
}

/** A chunk of running text: not a header, signature, "Nơi nhận" list or footnote block. */
function isBody(chunk: Pick<Chunk, 'sectionLabel'> | undefined, section: string): boolean {
  const kind = (chunk as { kind?: string } | undefined)?.kind;
  if (kind && NOT_BODY.has(kind)) return false;
  // Without a kind (an index built before the ingest recognised blocks), the section label says it.
  return !/^noi nhan\b/u.test(foldDiacritics(section.toLowerCase()));
}

/** Rarity of a folded term in the index (0 for a term no passage holds: it cannot be covered). */
function rarity(corpus: Corpus): TermWeight | undefined {
  if (!corpus.termStats) return undefined;
  return (term) => {
    const { df, n } = corpus.termStats!(term);
    return df === 0 ? 0 : Math.log((n + 1) / df);
  };
}

/** A document number ("114/TB-SKHCN", "26-NQ/TW", "30/2020/NĐ-CP") as the request writes it. */
const DOC_NUMBER = /(?<![\p{L}\d/])\d+(?:\/\d{4})?[/-]\p{L}[\p{L}&]*(?:[/-]\p{L}[\p{L}&.]*)*/gu;
/** A date "29/12/2025". */
const DATE = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/gu;

const compact = (s: string) => s.normalize('NFC').toLocaleUpperCase('vi').replace(/\s+/gu, '');
const dayMonth = (d: string, m: string, y: string) => `${Number(d)}/${Number(m)}/${y}`;

/** The document numbers and dates a request names ("theo Thông báo 114/TB-SKHCN", "theo kết luận ngày 29/12/2025"). */
export function documentReferences(text: string): { numbers: string[]; dates: string[] } {
  const numbers = [...new Set([...text.matchAll(DOC_NUMBER)].map((m) => compact(m[0])))];
  const dates = [...new Set([...text.matchAll(DATE)].map((m) => dayMonth(m[1]!, m[2]!, m[3]!)))];
  return { numbers, dates };
}

/** Whether a document is the one a reference names: its number or title holds the number, or its date or opening paragraph the date. */
function names(doc: Source['doc'], opening: string, refs: { numbers: string[]; dates: string[] }): boolean {
  const own = compact(`${doc.number ?? ''} ${doc.title}`);
  if (refs.numbers.some((n) => own.includes(n))) return true;
  const iso = doc.issuedDate ? /^(\d{4})-(\d{2})-(\d{2})/.exec(doc.issuedDate) : null;
  const dates = new Set([...opening.matchAll(DATE)].map((m) => dayMonth(m[1]!, m[2]!, m[3]!)));
  if (iso) dates.add(dayMonth(iso[3]!, iso[2]!, iso[1]!));
  return refs.dates.some((d) => dates.has(d));
}

/** A title without the place it closes on ("… địa phương tỉnh Quảng Ngãi"): the official's own province goes without saying in a request. */
export function withoutClosingPlace(title: string): string {
  return title.replace(/\s*(?:trên địa bàn\s+)?(?:tỉnh|thành phố)\s+\p{Lu}[\p{L}]*(?:\s+\p{Lu}[\p{L}]*)*\s*$/u, '').trim() || title;
}

/** The fields of a draft that choose its facts. */
type FactFields = Pick<DraftFields, 'subject' | 'recipients'> & Partial<Pick<DraftFields, 'type'>>;

/** What the selection of a draft's facts chooses among: the passages, the query, the term weights and how many to quote. */
export interface FactCandidates {
  passages: Array<FactPassage<Source>>;
  query: FactQuery;
  weight: TermWeight | undefined;
  max: number;
  hits: SearchHit[];
}

/** The passages a draft of `fields` may quote (retrieved, and the subject documents read whole), with the query that scores them. */
export async function factCandidates(corpus: Corpus, fields: FactFields, request: string): Promise<FactCandidates> {
  const subject = fields.subject.trim();
  const query = { subject, request, recipients: fields.recipients };
  const weight = rarity(corpus);
  const audiences: ['public', 'internal'] = ['public', 'internal'];
  const text = `${subject} ${request}`.trim();
  const refs = documentReferences(text);
  const hits = [
    ...await corpus.search(text, { k: CANDIDATE_PASSAGES, audiences }),
    ...(subject && subject !== text ? await corpus.search(subject, { k: SUBJECT_PASSAGES, audiences }) : []),
    ...(await Promise.all(refs.numbers.map((n) => corpus.search(n, { k: SUBJECT_PASSAGES, audiences })))).flat(),
  ];

  const docOf = (hit: SearchHit): Source['doc'] => corpus.document(hit.docId)
    ?? { id: hit.docId, sourceId: hit.sourceId, title: hit.title, ...(hit.number ? { number: hit.number } : {}) };
  const bodyChunks = (docId: string) => corpus.chunksOf(docId).filter((c) => isBody(c, c.sectionLabel));
  const firstBody = new Map<string, Chunk | undefined>();
  const opening = (docId: string) => {
    if (!firstBody.has(docId)) firstBody.set(docId, bodyChunks(docId)[0]);
    return firstBody.get(docId);
  };
  const named = new Set<string>();
  const subjects = new Set<string>();
  const passages: Array<FactPassage<Source>> = [];
  const orders = new Map<string, Map<string, number>>();
  const orderOf = (docId: string, chunkId: string) => {
    if (!orders.has(docId)) orders.set(docId, new Map(bodyChunks(docId).map((c, i) => [c.id, i])));
    return orders.get(docId)!.get(chunkId);
  };
  const add = (doc: Source['doc'], chunkId: string, section: string, passage: string, chunk: Chunk | undefined) => {
    const order = orderOf(doc.id, chunkId);
    passages.push({
      ...(order !== undefined ? { order } : {}),
      text: passage, chunkId, docId: doc.id, docTitle: doc.title, docType: doc.type ?? 'khác',
      firstOfDocument: opening(doc.id)?.id === chunkId,
      ...((chunk as { continues?: boolean } | undefined)?.continues ? { continues: true } : {}),
      ...(chunk?.headingTrail?.length ? { headings: chunk.headingTrail } : {}),
      ...(named.has(doc.id) ? { named: true } : {}),
      ...(subjects.has(doc.id) ? { subject: true } : {}),
      ref: { chunkId, section, doc },
    });
  };

  // The documents the draft is about, read whole: the ones the request names, then those whose title covers it.
  const terms = queryTerms(query, weight);
  const docs = [...new Map(hits.map((h) => [h.docId, docOf(h)])).values()];
  const whole: Array<Source['doc']> = [];
  for (const doc of docs) {
    if (named.size >= WHOLE_DOCUMENTS) break;
    // Named by number or date, or by its title written out in the request ("dựa trên Danh mục nhu cầu công nghệ của các sở, ban, ngành").
    // Not a national procedure's title: a short action phrase ("Cấp giấy phép …") a request shares without naming it.
    const byTitle = doc.type !== 'thủ tục' && coverage(text, queryTerms({ subject: withoutClosingPlace(doc.title) }, weight)) >= MIN_TITLE_IN_REQUEST;
    if (byTitle || ((refs.numbers.length || refs.dates.length) && names(doc, opening(doc.id)?.text ?? '', refs))) named.add(doc.id);
  }
  whole.push(...docs.filter((d) => named.has(d.id)));
  whole.push(...docs.filter((d) => !named.has(d.id))
    .map((doc) => ({ doc, title: coverage(doc.title, terms) }))
    .filter((d) => d.title >= MIN_TITLE_COVERAGE_FOR_DOCUMENT)
    .sort((a, b) => b.title - a.title)
    .slice(0, WHOLE_DOCUMENTS)
    .map((d) => d.doc));

  for (const doc of whole) subjects.add(doc.id);
  for (const hit of hits) {
    const chunk = corpus.chunk(hit.label);
    if (isBody(chunk, hit.section)) add(docOf(hit), hit.chunkId, hit.section, hit.text, chunk);
  }
  for (const doc of whole) for (const c of bodyChunks(doc.id)) add(doc, c.id, c.sectionLabel, c.text, c);

  return { passages, query, weight, max: (fields.type && MAX_FACTS_BY_TYPE[fields.type]) || MAX_FACTS, hits };
}

/** The cited facts for a draft of `fields`, and the hits they were chosen among (for the audit). */
export async function gatherFacts(corpus: Corpus, fields: FactFields, request: string): Promise<{ facts: DraftFact[]; hits: SearchHit[] }> {
  const { passages, query, weight, max, hits } = await factCandidates(corpus, fields, request);
  const chosen = selectFacts(passages, query, weight, max);
  const facts = chosen.map((f, i): DraftFact => {
    const { chunkId, section, doc } = f.passage.ref;
    return { text: f.text, citation: buildCitation(i + 1, { id: chunkId, sectionLabel: section }, doc, f.text) };
  });
  return { facts, hits };
}
