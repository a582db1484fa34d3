/**
 * What of a chunk is indexed. The document title and heading trail travel with every
 * chunk so a passage is findable by the name of its document and section, not only by
 * its own words ("Thành phần hồ sơ" of a procedure is found by the procedure's name).
 */
import type { Chunk, DocumentRecord } from '../model.ts';

/** The text embedded and BM25-indexed for a chunk. */
export function indexTextOf(doc: Pick<DocumentRecord, 'title' | 'number'>, chunk: Pick<Chunk, 'headingTrail' | 'sectionLabel' | 'text'>): string {
  const head: string[] = [];
  if (doc.title && !chunk.text.startsWith(doc.title)) head.push(doc.title);
  if (doc.number) head.push(doc.number);
  for (const h of chunk.headingTrail) if (h && !head.includes(h) && !chunk.text.startsWith(h)) head.push(h);
  return head.length ? `${head.join('\n')}\n${chunk.text}` : chunk.text;
}
