/**
 * Phase 2 of an ingest run: apply the removals the plan knows of, then read every changed
 * file, structure and chunk its documents, and decide per document whether it is added,
 * updated or unchanged. Labels, postings and vectors come later (index-chunks.ts).
 */
import { AppError, toAppError } from '../../core/errors.ts';
import { docIdFor } from '../../core/ids.ts';
import type { SkippedSource } from '../../core/ports.ts';
import type { StoredChunk, StoredDocument } from '../../index/index-state.ts';
import { loadSegment } from '../../index/index-state.ts';
import type { FileEntry } from '../../index/manifest-file.ts';
import type { ExtractionSummary, IngestOptions, IngestProgress } from '../ingest-types.ts';
import { loadSource } from '../loaders/index.ts';
import type { ScannedFile } from '../sources/scan.ts';
import { structureDocument } from '../structure-step.ts';
import { removeDocument, type BaseState } from './base-state.ts';

/** A document read by this run, with its chunks (labels not yet given). */
export interface PendingDocument {
  doc: StoredDocument;
  chunks: StoredChunk[];
}

/** What reading the changed files produced. */
export interface LoadedChanges {
  /** Source files of the new version. */
  files: Record<string, FileEntry>;
  added: string[];
  updated: string[];
  skipped: SkippedSource[];
  pending: PendingDocument[];
  extraction: ExtractionSummary[];
  /** Documents of changed files whose content did not change. */
  unchangedDocs: number;
  /** Source ids of the documents removed, by document id. */
  removedIds: Map<string, string>;
  sourcesDone: number;
}

/** Inputs of {@link loadDocuments}. */
export interface LoadDocumentsOptions {
  base: BaseState;
  /** Source files of the base. */
  prevFiles: Record<string, FileEntry>;
  changed: ReadonlyArray<[string, ScannedFile]>;
  /** Files whose documents go. */
  missing: readonly string[];
  sourcesTotal: number;
  progress: (p: IngestProgress) => void;
  options: Pick<IngestOptions, 'maxBytes' | 'ocr' | 'signal'>;
}

/** Apply removals and read the changed files into `base` (documents removed) and `pending` (documents to add). */
export async function loadDocuments(o: LoadDocumentsOptions): Promise<LoadedChanges> {
  const { base, progress } = o;
  const { signal } = o.options;
  const files: Record<string, FileEntry> = { ...o.prevFiles };
  const removedIds = new Map<string, string>();
  const removeAndRecord = async (doc: StoredDocument) => {
    await removeDocument(base, doc);
    removedIds.set(doc.id, doc.sourceId);
  };

  for (const key of o.missing) {
    for (const id of files[key]!.docIds) {
      const doc = base.docs.get(id);
      if (doc) await removeAndRecord(doc);
    }
    delete files[key];
  }

  // Documents owned by unchanged files keep their ids: a changed file may not claim them.
  const owner = new Map<string, string>();
  for (const [key, entry] of Object.entries(files)) for (const id of entry.docIds) owner.set(id, key);

  const changedKeys = new Set(o.changed.map(([k]) => k));
  const added: string[] = [];
  const updated: string[] = [];
  const skipped: SkippedSource[] = Object.entries(files).filter(([key]) => !changedKeys.has(key)).flatMap(([, e]) => e.skipped);
  const pending: PendingDocument[] = [];
  const extraction: ExtractionSummary[] = [];
  let pendingChunks = 0;
  let unchangedDocs = 0;
  let sourcesDone = o.sourcesTotal - o.changed.length;

  for (const [key, s] of o.changed) {
    // The file's segment is rewritten: its unchanged records' chunks must be in memory.
    await loadSegment(base, key);
    const prevIds = new Set(files[key]?.docIds ?? []);
    const entry: FileEntry = { hash: s.hash, size: s.size, docIds: [], skipped: [] };
    const ids = new Set<string>();
    try {
      const pagesOf = (done: number, total: number) => progress({
        phase: 'load', sourcesDone, sourcesTotal: o.sourcesTotal, chunks: pendingChunks, pages: { source: s.path, done, total },
      });
      for await (const result of loadSource(s.path, {
        root: s.root, onPages: pagesOf,
        ...(o.options.maxBytes ? { maxBytes: o.options.maxBytes } : {}),
        ...(o.options.ocr ? { ocr: o.options.ocr } : {}),
        ...(signal ? { signal } : {}),
      })) {
        if (!result.ok) {
          entry.skipped.push(result.skipped);
          continue;
        }
        const loaded = result.doc;
        const id = docIdFor(loaded.sourceId);
        const claimedBy = owner.get(id);
        if ((claimedBy && claimedBy !== key) || ids.has(id)) {
          entry.skipped.push({ source: loaded.source, code: 'DUPLICATE_ID', message: `${new AppError('DUPLICATE_ID').userMessage} (${loaded.sourceId})` });
          continue;
        }
        const prev = base.docs.get(id);
        if (prev && prev.contentHash === loaded.contentHash && prev.file === key) {
          entry.docIds.push(id);
          ids.add(id);
          unchangedDocs++;
          continue;
        }
        const built = structureDocument(loaded);
        if (!built.ok) {
          entry.skipped.push(built.skipped);
          continue;
        }
        if (prev) {
          await removeDocument(base, prev);
          updated.push(loaded.sourceId);
        } else added.push(loaded.sourceId);
        const doc: StoredDocument = {
          ...built.meta, id, sourceId: loaded.sourceId, source: loaded.source, contentHash: loaded.contentHash,
          chunkCount: built.chunks.length, file: key, labels: [],
        };
        const chunks = built.chunks.map((c, i) => ({ ...c, id: `${id}#${i}`, docId: id, label: -1 }));
        pending.push({ doc, chunks });
        pendingChunks += chunks.length;
        if (built.meta.extraction) extraction.push({ sourceId: loaded.sourceId, ...built.meta.extraction });
        entry.docIds.push(id);
        ids.add(id);
        owner.set(id, key);
      }
    } catch (err) {
      if (signal?.aborted) throw new AppError('INGEST_CANCELLED', 'ingest cancelled', { cause: err });
      const e = toAppError(err);
      entry.skipped.push({ source: s.path, code: e.code, message: e.userMessage });
    }
    if (signal?.aborted) throw new AppError('INGEST_CANCELLED', 'ingest cancelled', { cause: signal.reason });
    for (const id of prevIds) {
      if (ids.has(id)) continue;
      const doc = base.docs.get(id);
      if (doc) await removeAndRecord(doc);
    }
    skipped.push(...entry.skipped);
    files[key] = entry;
    sourcesDone++;
    progress({ phase: 'load', sourcesDone, sourcesTotal: o.sourcesTotal, chunks: pendingChunks });
  }
  return { files, added, updated, skipped, pending, extraction, unchangedDocs, removedIds, sourcesDone };
}
