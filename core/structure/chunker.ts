/**
 * Structure-aware chunking for the three kinds of source (ports.ts `LoadedDocument.kind`):
 * a cleaned document along its section tree, one ALQAC law article by khoản/điểm, and a
 * TTHC procedure by field. Tiny sibling sections are merged, long ones split at sentence
 * boundaries; ids are `${docId}#${ordinal}`.
 */
import type { Chunk } from '../model.ts';
import type { CleanedTable, Footnote, FootnoteMarker, PageSpan } from './pdf-text.ts';
import { parseProcedure, procedureChunks } from './procedure.ts';
import { parseSections, sectionBlocks } from './sections.ts';
import { finalize, MAX_CHUNK_CHARS, mergeAndSplit, MIN_CHUNK_CHARS } from './chunk-pieces.ts';
import { chunkOfficialDocument } from './document-chunks.ts';
import type { DocumentLayout } from './document-layout.ts';

export { MAX_CHUNK_CHARS, MIN_CHUNK_CHARS } from './chunk-pieces.ts';

export interface ChunkInput {
  docId: string;
  kind: 'document' | 'legal-article' | 'procedure';
  /**
   * `document`: the cleaned text (cleanExtractedText().text); offsets refer to it.
   * `legal-article`: the article text (title line, then khoản/điểm).
   */
  text: string;
  /** Page spans of the cleaned text, for `page` on document chunks. */
  pages?: PageSpan[];
  /** Article number for `legal-article` (else taken from a `…#5` docId). */
  articleId?: string;
  /** Law name for `legal-article` heading trails (ALQAC `law_id`). */
  lawTitle?: string;
  /** The catalogue record for `procedure`. */
  procedure?: Record<string, unknown>;
  /** `document`: its parts (document-layout.ts): header and closing blocks become chunks of their own. */
  layout?: DocumentLayout;
  /** `document`: tables read back from the extraction (cleanExtractedText().tables): one row, one chunk. */
  tables?: CleanedTable[];
  /** `document`: footnotes and their markers: notes on the chunks citing them, and chunks of their own. */
  footnotes?: Footnote[];
  markers?: FootnoteMarker[];
}

/** Split one source into retrievable chunks. */
export function chunkDocument(input: ChunkInput): Chunk[] {
  if (input.kind === 'procedure') return chunkProcedure(input);
  if (input.kind === 'legal-article') return chunkArticle(input);
  return chunkOfficialDocument(input);
}

function chunkArticle(input: ChunkInput): Chunk[] {
  const articleId = input.articleId ?? /#([^#]+)$/.exec(input.docId)?.[1] ?? '?';
  const parsed = parseSections(input.text, { style: 'legal', article: articleId });
  const blocks = sectionBlocks(parsed)
    .filter((b) => b.path[0] !== 'Phần mở đầu')
    .map((b) => ({ ...b, headingTrail: [...(input.lawTitle ? [input.lawTitle] : []), ...articleTrail(b.headingTrail, articleId)] }));
  return finalize(input, mergeAndSplit(input.text, blocks, 'legal'));
}

/** `Phạm vi điều chỉnh` → `Điều 1. Phạm vi điều chỉnh` at the head of an article's trail. */
function articleTrail(trail: string[], articleId: string): string[] {
  const [first, ...rest] = trail;
  return first === undefined ? [`Điều ${articleId}`] : [`Điều ${articleId}. ${first}`, ...rest];
}

function chunkProcedure(input: ChunkInput): Chunk[] {
  return procedureChunks(input.docId, parseProcedure(input.procedure ?? {}), input.text, { max: MAX_CHUNK_CHARS, min: MIN_CHUNK_CHARS });
}

