/**
 * From a loaded source to metadata and chunks: clean PDF-extracted text, extract
 * metadata (sidecar and record fields win), refuse documents bearing a secrecy marking,
 * and chunk by structure.
 */
import { AppError } from '../core/errors.ts';
import type { Chunk, DocumentMeta } from '../core/model.ts';
import type { LoadedDocument, SkippedSource } from '../core/ports.ts';
import { cleanExtractedText } from '../core/structure/pdf-text.ts';
import { detectSecrecyMarking, extractMetadata } from '../core/structure/metadata.ts';
import { chunkDocument, MAX_CHUNK_CHARS, MIN_CHUNK_CHARS } from '../core/structure/chunker.ts';
import { parseProcedure, procedureChunks } from '../core/structure/procedure.ts';

export type StructuredDocument =
  | { ok: true; meta: DocumentMeta; chunks: Chunk[] }
  | { ok: false; skipped: SkippedSource };

function skip(doc: LoadedDocument, err: AppError): StructuredDocument {
  return { ok: false, skipped: { source: doc.source, code: err.code, message: `${err.userMessage} (${doc.sourceId})` } };
}

/** Structure one loaded document. Chunk ids and docIds are filled in by the caller. */
export function structureDocument(doc: LoadedDocument): StructuredDocument {
  const hints = doc.meta ?? {};
  if (doc.kind === 'procedure') {
    // Parsed once: the typed fields are stored with the document, the sections become its chunks.
    const parsed = parseProcedure(doc.procedure ?? {});
    const meta: DocumentMeta = { ...extractMetadata('', { ...hints }), procedure: parsed.facts };
    const chunks = procedureChunks('', parsed, doc.text, { max: MAX_CHUNK_CHARS, min: MIN_CHUNK_CHARS });
    return chunks.length ? { ok: true, meta, chunks } : skip(doc, new AppError('FILE_EMPTY', doc.sourceId));
  }
  if (doc.kind === 'legal-article') {
    const meta = extractMetadata('', { ...hints });
    const chunks = chunkDocument({
      docId: doc.sourceId, kind: 'legal-article', text: doc.text,
      ...(hints.extra?.article_id ? { articleId: hints.extra.article_id } : {}),
      ...(hints.extra?.law_id ? { lawTitle: hints.extra.law_id } : {}),
    });
    return chunks.length ? { ok: true, meta, chunks } : skip(doc, new AppError('FILE_EMPTY', doc.sourceId));
  }
  const marking = detectSecrecyMarking(doc.text);
  if (marking) return skip(doc, new AppError('SECRET_MARKING', `${doc.sourceId}: ${marking}`, { userSuffix: `Độ mật: ${marking}.` }));
  const cleaned = cleanExtractedText(doc.text, doc.pages ? { pages: doc.pages } : {});
  if (!cleaned.text.trim()) return skip(doc, new AppError('FILE_EMPTY', doc.sourceId));
  const meta = extractMetadata(cleaned.text, hints);
  const chunks = chunkDocument({ docId: '', kind: 'document', text: cleaned.text, ...(cleaned.pages ? { pages: cleaned.pages } : {}) });
  return chunks.length ? { ok: true, meta, chunks } : skip(doc, new AppError('FILE_EMPTY', doc.sourceId));
}
