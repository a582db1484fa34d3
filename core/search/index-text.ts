/**
 * What of a chunk is indexed. The document title and heading trail travel with every
 * chunk of running text so a passage is findable by the name of its document and section,
 * not only by its own words ("Thành phần hồ sơ" of a procedure is found by the procedure's
 * name). The blocks a document writes about itself — its header (which holds its trích yếu
 * already), signature, distribution list and closing formula — carry its type and number instead: short as
 * they are, with the title they would outrank every passage of the document on a question
 * that merely names it.
 */
import type { Chunk, DocumentRecord } from '../model.ts';

const ABOUT_THE_DOCUMENT = new Set(['header', 'signature', 'recipients', 'closing']);

/** The text embedded and BM25-indexed for a chunk. */
export function indexTextOf(
  doc: Pick<DocumentRecord, 'title' | 'number'> & Partial<Pick<DocumentRecord, 'type'>>,
  chunk: Pick<Chunk, 'headingTrail' | 'sectionLabel' | 'text'> & Partial<Pick<Chunk, 'kind'>>,
): string {
  const head: string[] = [];
  if (chunk.kind !== undefined && ABOUT_THE_DOCUMENT.has(chunk.kind)) {
    const name = [doc.type, doc.number].filter((x) => x).join(' ');
    if (name) head.push(name);
  } else {
    if (doc.title && !chunk.text.startsWith(doc.title)) head.push(doc.title);
    if (doc.number) head.push(doc.number);
  }
  for (const h of chunk.headingTrail) if (h && !head.includes(h) && !chunk.text.startsWith(h)) head.push(h);
  return head.length ? `${head.join('\n')}\n${chunk.text}` : chunk.text;
}
