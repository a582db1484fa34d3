/**
 * Which kind of source a document is, for ranking by audience: a national administrative
 * procedure (the TTHC catalogue), a national law or legal text, or a province's own
 * document (decisions, plans, reports, notices …). Officials mostly ask about the
 * province's own documents, so those are searched and answered from first unless the
 * question is about a procedure or a law; citizens mostly ask about procedures, which come
 * first for them (extractive-answerer.ts).
 */
import type { DocumentRecord, DocumentType } from '../../model.ts';

export type SourceKind = 'procedure' | 'law' | 'provincial';

/** National legal texts: their articles answer "what does the law say", not "what did the province do". */
const LAW_TYPES: ReadonlySet<DocumentType> = new Set(['luật', 'bộ luật', 'nghị định', 'thông tư']);

/** The kind of source a document is. */
export function sourceKind(doc: Pick<DocumentRecord, 'type'>): SourceKind {
  if (doc.type === 'thủ tục') return 'procedure';
  return LAW_TYPES.has(doc.type) ? 'law' : 'provincial';
}

/** The document types of a kind, for a search filter. */
export function typesOf(kind: SourceKind, all: readonly DocumentType[]): DocumentType[] {
  return all.filter((t) => sourceKind({ type: t }) === kind);
}
