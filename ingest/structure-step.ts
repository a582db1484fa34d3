/**
 * From a loaded source to metadata and chunks: refuse documents bearing a secrecy marking
 * (every kind of source), clean PDF-extracted text, lay out its parts (header, body, Nơi
 * nhận, signature, tables), extract metadata with the document's own header facts (sidecar
 * and record fields win), chunk by structure, and flag instructions planted in chunks.
 */
import { AppError } from '../core/errors.ts';
import type { Chunk, DocumentMeta } from '../core/model.ts';
import type { LoadedDocument, SkippedSource } from '../core/ports.ts';
import { cleanExtractedText } from '../core/structure/pdf-text.ts';
import { extractMetadata } from '../core/structure/metadata.ts';
import { secrecyOf } from '../core/structure/secrecy.ts';
import { chunkDocument, MAX_CHUNK_CHARS, MIN_CHUNK_CHARS } from '../core/structure/chunker.ts';
import { parseProcedure, procedureChunks } from '../core/structure/procedure.ts';
import { layoutDocument } from '../core/structure/document-layout.ts';
import { instructionFlagsOf } from '../core/guard/planted-instructions.ts';

export type StructuredDocument =
  | { ok: true; meta: DocumentMeta; chunks: Chunk[] }
  | { ok: false; skipped: SkippedSource };

/** A footnote or endnote as a passage of its own: `Chú thích 1`, `Chú thích cuối 2`. */
function noteChunks(doc: LoadedDocument, trail: string[]): Chunk[] {
  return (doc.notes ?? []).map((n) => {
    const label = `${n.kind === 'endnote' ? 'Chú thích cuối' : 'Chú thích'} ${n.marker}`;
    return { id: '', docId: '', kind: 'footnote', sectionPath: [label], sectionLabel: label, headingTrail: trail, text: n.text };
  });
}

/** The structured document, each chunk flagged with the instructions planted in it (shown to admins, never quoted to citizens). */
function built(doc: LoadedDocument, meta: DocumentMeta, chunks: Chunk[]): StructuredDocument {
  for (const c of chunks) {
    const flags = instructionFlagsOf(c.text);
    if (flags.length) c.instructionFlags = flags;
  }
  return chunks.length ? { ok: true, meta, chunks } : skip(doc, new AppError('FILE_EMPTY', doc.sourceId));
}

function skip(doc: LoadedDocument, err: AppError): StructuredDocument {
  return { ok: false, skipped: { source: doc.source, code: err.code, message: `${err.userMessage} (${doc.sourceId})` } };
}

/** Structure one loaded document. Chunk ids and docIds are filled in by the caller. */
export function structureDocument(doc: LoadedDocument): StructuredDocument {
  const hints = doc.meta ?? {};
  // Every kind passes here: files, catalog procedures, law articles and generic records alike.
  const marking = secrecyOf({
    text: doc.text, ...(hints.title ? { title: hints.title } : {}), ...(doc.fields ? { fields: doc.fields } : {}),
    ...(doc.pages ? { pages: doc.pages } : {}), ...(doc.margins ? { margins: doc.margins } : {}),
  });
  if (marking) return skip(doc, new AppError('SECRET_MARKING', `${doc.sourceId}: ${marking.reason}`, { userSuffix: marking.message }));
  if (doc.kind === 'procedure') {
    // Parsed once: the typed fields are stored with the document, the sections become its chunks.
    const parsed = parseProcedure(doc.procedure ?? {});
    const meta: DocumentMeta = { ...extractMetadata('', { ...hints }), procedure: parsed.facts };
    const chunks = procedureChunks('', parsed, doc.text, { max: MAX_CHUNK_CHARS, min: MIN_CHUNK_CHARS });
    return built(doc, meta, chunks);
  }
  if (doc.kind === 'legal-article') {
    const meta = extractMetadata('', { ...hints });
    const chunks = chunkDocument({
      docId: doc.sourceId, kind: 'legal-article', text: doc.text,
      ...(hints.extra?.article_id ? { articleId: hints.extra.article_id } : {}),
      ...(hints.extra?.law_id ? { lawTitle: hints.extra.law_id } : {}),
    });
    return built(doc, meta, chunks);
  }
  if (doc.kind === 'sheet') {
    const meta = extractMetadata('', { ...hints });
    const chunks: Chunk[] = (doc.passages ?? []).map((p) => ({
      id: '', docId: '', sectionPath: p.sectionPath, sectionLabel: p.sectionLabel, headingTrail: p.headingTrail,
      text: doc.text.slice(p.start, p.end), start: p.start, end: p.end,
    }));
    return built(doc, meta, chunks);
  }
  const cleaned = cleanExtractedText(doc.text, doc.pages ? { pages: doc.pages } : {});
  if (!cleaned.text.trim()) return skip(doc, new AppError('FILE_EMPTY', doc.sourceId));
  const firstTable = cleaned.tables[0]?.rows[0];
  const layout = layoutDocument(cleaned.text, firstTable ? lineOf(cleaned.text, firstTable.start) : undefined);
  const meta = extractMetadata(cleaned.text, hints, layout.facts);
  const chunks = [
    ...chunkDocument({
      docId: '', kind: 'document', text: cleaned.text, layout, tables: cleaned.tables, footnotes: cleaned.footnotes, markers: cleaned.markers,
      ...(cleaned.pages ? { pages: cleaned.pages } : {}),
    }),
    ...noteChunks(doc, [meta.title].filter(Boolean)),
  ];
  return built(doc, meta, chunks);
}

/** 0-based line of an offset in a text. */
function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}
