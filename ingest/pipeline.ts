/**
 * The ingestion pipeline: load → normalise → parse structure → chunk → embed → index,
 * incrementally against the active version, published atomically as a new version.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, join, resolve, relative, sep } from 'node:path';
import { AppError, toAppError } from '../core/errors.ts';
import { docIdFor } from '../core/ids.ts';
import type { ExtractionReport } from '../core/model.ts';
import type { SkippedSource } from '../core/ports.ts';
import type { OcrOptions } from './ocr/options.ts';
import { Bm25Index } from '../core/search/bm25.ts';
import { indexTextOf } from '../core/search/index-text.ts';
import { discoverSources, loadSource } from './loaders/index.ts';
import { structureDocument } from './structure-step.ts';
import { acquireLock, createVersionDir, publishVersion, sweepVersions } from './store/publish.ts';
import { readCurrent, versionsDir } from '../index/layout.ts';
import { BM25_FIELDS, loadAllSegments, loadSegment, loadState, readManifest, type IndexState, type StoredChunk, type StoredDocument } from '../index/index-state.ts';
import { saveState } from './store/save-state.ts';
import { FORMAT_VERSION, type FileEntry, type Manifest } from '../index/manifest-file.ts';
import { HnswIndex, HNSW_DEFAULTS } from '../index/hnsw-index.ts';
import { ANALYZER_ID, analyzeForIndex } from '../core/search/analysis.ts';
import { createEmbedder, embedderMatches, type EmbedderConfig } from './embedders/registry.ts';

export interface IngestProgress {
  phase: 'scan' | 'load' | 'embed' | 'index' | 'save' | 'done';
  sourcesDone: number;
  sourcesTotal: number;
  chunks: number;
  /** While a file's pages are OCR'd: which file (its path) and how many of its pages are done. */
  pages?: { source: string; done: number; total: number };
}

/** How one added or updated document's text was obtained (PDF, image), for the admin. */
export interface ExtractionSummary extends ExtractionReport {
  sourceId: string;
}

export interface IngestOptions {
  inputs: string[];
  indexDir: string;
  embedder?: EmbedderConfig;
  /** Ignore the active version and rebuild everything (refits the built-in embedder). */
  rebuild?: boolean;
  /** Keep documents from sources not named in this run (add-only run). */
  keepMissing?: boolean;
  maxBytes?: number;
  /** OCR settings and limits for scanned pages and images. */
  ocr?: OcrOptions;
  /** Cancels the run: OCR processes are killed, nothing is published. */
  signal?: AbortSignal;
  onProgress?: (p: IngestProgress) => void;
  /** Called after the new version is fully written and before it is published (tests). */
  beforePublish?: (versionDir: string) => Promise<void>;
}

export interface IngestSummary {
  indexDir: string;
  /** Active version after the run. */
  version: string | undefined;
  /** Whether this run published a new version (false for a no-op). */
  published: boolean;
  added: string[];
  updated: string[];
  unchanged: number;
  removed: string[];
  skipped: SkippedSource[];
  /** Extraction reports of the documents added or updated by this run that have one (PDF, images). */
  extraction: ExtractionSummary[];
  documents: number;
  chunks: number;
  embedder: string;
  refitted: boolean;
  durationMs: number;
  /** Milliseconds per phase, for the benchmark. */
  timings: Record<string, number>;
}

/**
 * Skip codes that say the machine lacked something, not that the file is bad: a file
 * skipped for one of them is read again by the next run even though it did not change,
 * so installing tesseract-ocr (or antiword, catdoc) is enough to get it indexed.
 */
const RETRY_CODES = new Set(['OCR_UNAVAILABLE', 'CONVERTER_UNAVAILABLE']);

/** Fraction of chunks embedded since the last fit above which the built-in embedder is refitted. */
const REFIT_DRIFT = 0.3;

function toPosix(p: string): string {
  return p.split(sep).join('/');
}

async function hashFileWithSidecars(path: string): Promise<{ hash: string; size: number }> {
  const h = createHash('sha256');
  let size = 0;
  for (const p of [path, `${path}.meta.json`, path.replace(/\.[^./]+$/, '.meta.json')]) {
    const st = await stat(p).catch(() => undefined);
    if (!st?.isFile()) continue;
    if (p !== path) h.update(`\0sidecar:${p}\0`);
    else size = st.size;
    for await (const chunk of createReadStream(p)) h.update(chunk as Buffer);
  }
  return { hash: h.digest('hex'), size };
}

/** Every source file of the inputs with the root its source id is relative to. */
async function listSources(inputs: string[]): Promise<Array<{ path: string; root: string }>> {
  const out: Array<{ path: string; root: string }> = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    const abs = resolve(input);
    const info = await stat(abs).catch(() => undefined);
    // A missing input (an unmounted share, a mistyped path) must not read as "every one of
    // its documents was removed": the run stops and the active version stays as it is.
    if (!info) {
      throw new AppError('FILE_UNREADABLE', `input ${abs} does not exist`, {
        userSuffix: `Nguồn “${input}” không tồn tại hoặc không truy cập được; chỉ mục hiện tại được giữ nguyên.`,
      });
    }
    const isDir = info.isDirectory();
    const files = isDir ? await discoverSources([abs]) : [abs];
    for (const f of files) {
      if (seen.has(f)) continue;
      seen.add(f);
      out.push({ path: f, root: isDir ? abs : dirname(abs) });
    }
  }
  return out;
}

/** Manifest key of a file: its path relative to the working directory, posix form. */
function fileKey(path: string): string {
  const rel = relative(process.cwd(), path);
  return toPosix(rel && !rel.startsWith('..') ? rel : path);
}

function emptyState(manifest: Manifest, embedderDim: number): Omit<IndexState, 'embedder'> {
  return {
    manifest,
    docs: new Map(),
    chunks: new Map(),
    bm25: new Bm25Index(BM25_FIELDS),
    vectors: new HnswIndex(embedderDim, { ...HNSW_DEFAULTS }),
  };
}

/** Run one ingestion. Bad sources are skipped and reported; throws only for system faults. */
export async function ingest(opts: IngestOptions): Promise<IngestSummary> {
  const started = Date.now();
  const indexDir = resolve(opts.indexDir);
  const timings: Record<string, number> = {};
  let mark = started;
  const lap = (name: string) => {
    const now = Date.now();
    timings[name] = (timings[name] ?? 0) + now - mark;
    mark = now;
  };
  const progress = (p: IngestProgress) => opts.onProgress?.(p);
  const release = await acquireLock(indexDir);
  try {
    await sweepVersions(indexDir);
    const current = opts.rebuild ? undefined : await readCurrent(indexDir);
    // An unreadable or older-format active version is rebuilt from the sources.
    const prevManifest = current
      ? await readManifest(join(versionsDir(indexDir), current)).catch((err: unknown) => {
        if (err instanceof AppError && err.code === 'INDEX_CORRUPT') return undefined;
        throw err;
      })
      : undefined;
    const embedderConfig: EmbedderConfig = opts.embedder ?? { kind: 'lsa' };
    const compatible = !!prevManifest && prevManifest.formatVersion === FORMAT_VERSION && prevManifest.analyzer === ANALYZER_ID && embedderMatches(embedderConfig, prevManifest.embedder);

    // 1. Scan: which files changed since the active version.
    const sources = await listSources(opts.inputs);
    progress({ phase: 'scan', sourcesDone: 0, sourcesTotal: sources.length, chunks: 0 });
    const scanned = new Map<string, { path: string; root: string; hash: string; size: number }>();
    for (const src of sources) scanned.set(fileKey(src.path), { ...src, ...(await hashFileWithSidecars(src.path)) });
    let prevFiles = compatible ? prevManifest!.files : {};
    let changed = [...scanned.entries()].filter(([key, s]) => prevFiles[key]?.hash !== s.hash
      || (prevFiles[key]?.skipped ?? []).some((k) => RETRY_CODES.has(k.code)));
    let missing = Object.keys(prevFiles).filter((key) => !scanned.has(key) && !opts.keepMissing);

    if (compatible && changed.length === 0 && missing.length === 0) {
      const skipped = Object.values(prevFiles).flatMap((f) => f.skipped);
      return {
        indexDir, version: current, published: false, added: [], updated: [], removed: [], skipped, extraction: [],
        unchanged: prevManifest!.counts.documents, documents: prevManifest!.counts.documents,
        chunks: prevManifest!.counts.chunks, embedder: prevManifest!.embedder.id, refitted: false,
        durationMs: Date.now() - started, timings,
      };
    }

    lap('scan');
    // 2. Start from the active version (or empty), then apply removals and additions.
    // A previous version that cannot be read is not fatal: it is rebuilt from the sources.
    const previous = compatible ? await loadState(join(versionsDir(indexDir), current!), { lazyChunks: true }).catch((err: unknown) => {
      if (err instanceof AppError && (err.code === 'INDEX_CORRUPT' || err.code === 'EMBEDDER_MISMATCH')) return undefined;
      throw err;
    }) : undefined;
    if (compatible && !previous) {
      prevFiles = {};
      changed = [...scanned.entries()];
      missing = [];
    }
    const base: Omit<IndexState, 'embedder'> & { embedder?: IndexState['embedder'] } = previous
      ?? emptyState(
        {
          formatVersion: FORMAT_VERSION, createdAt: '', analyzer: ANALYZER_ID,
          embedder: { kind: embedderConfig.kind, id: '', dimension: 1, options: {} },
          hnsw: { M: HNSW_DEFAULTS.M, efConstruction: HNSW_DEFAULTS.efConstruction },
          nextLabel: 0, files: {}, counts: { documents: 0, chunks: 0 }, embeddedSinceFit: 0,
        },
        1,
      );
    lap('loadPrevious');
    const files2: Record<string, FileEntry> = { ...prevFiles };
    const removeDoc = async (doc: StoredDocument) => {
      await loadSegment(base, doc.file);
      for (const label of doc.labels) {
        const chunk = base.chunks.get(label);
        if (chunk) base.bm25.remove(label, analyzeForIndex(indexTextOf(doc, chunk)));
        if (base.vectors.has(label)) base.vectors.remove(label);
        base.chunks.delete(label);
      }
      base.docs.delete(doc.id);
    };

    const removed: string[] = [];
    for (const key of missing) {
      for (const id of files2[key]!.docIds) {
        const doc = base.docs.get(id);
        if (doc) {
          await removeDoc(doc);
          removed.push(doc.sourceId);
        }
      }
      delete files2[key];
    }

    // Documents owned by unchanged files keep their ids: a changed file may not claim them.
    const owner = new Map<string, string>();
    for (const [key, entry] of Object.entries(files2)) for (const id of entry.docIds) owner.set(id, key);

    const added: string[] = [];
    const updated: string[] = [];
    const skipped: SkippedSource[] = Object.entries(files2)
      .filter(([key]) => !changed.some(([k]) => k === key))
      .flatMap(([, e]) => e.skipped);
    const pending: Array<{ doc: StoredDocument; chunks: StoredChunk[] }> = [];
    const extraction: ExtractionSummary[] = [];
    let unchangedDocs = 0;
    let sourcesDone = scanned.size - changed.length;

    for (const [key, s] of changed) {
      // The file's segment is rewritten: its unchanged records' chunks must be in memory.
      await loadSegment(base, key);
      const prevIds = new Set(files2[key]?.docIds ?? []);
      const entry: FileEntry = { hash: s.hash, size: s.size, docIds: [], skipped: [] };
      try {
        const pagesOf = (done: number, total: number) => progress({
          phase: 'load', sourcesDone, sourcesTotal: scanned.size, chunks: pending.reduce((n, p) => n + p.chunks.length, 0),
          pages: { source: s.path, done, total },
        });
        for await (const result of loadSource(s.path, {
          root: s.root, onPages: pagesOf,
          ...(opts.maxBytes ? { maxBytes: opts.maxBytes } : {}),
          ...(opts.ocr ? { ocr: opts.ocr } : {}),
          ...(opts.signal ? { signal: opts.signal } : {}),
        })) {
          if (!result.ok) {
            entry.skipped.push(result.skipped);
            continue;
          }
          const loaded = result.doc;
          const id = docIdFor(loaded.sourceId);
          const claimedBy = owner.get(id);
          if ((claimedBy && claimedBy !== key) || entry.docIds.includes(id)) {
            entry.skipped.push({ source: loaded.source, code: 'DUPLICATE_ID', message: `${new AppError('DUPLICATE_ID').userMessage} (${loaded.sourceId})` });
            continue;
          }
          const prev = base.docs.get(id);
          if (prev && prev.contentHash === loaded.contentHash && prev.file === key) {
            entry.docIds.push(id);
            unchangedDocs++;
            continue;
          }
          const built = structureDocument(loaded);
          if (!built.ok) {
            entry.skipped.push(built.skipped);
            continue;
          }
          if (prev) {
            await removeDoc(prev);
            updated.push(loaded.sourceId);
          } else added.push(loaded.sourceId);
          const doc: StoredDocument = {
            ...built.meta, id, sourceId: loaded.sourceId, source: loaded.source, contentHash: loaded.contentHash,
            chunkCount: built.chunks.length, file: key, labels: [],
          };
          const chunks = built.chunks.map((c, i) => ({ ...c, id: `${id}#${i}`, docId: id, label: -1 }));
          pending.push({ doc, chunks });
          if (built.meta.extraction) extraction.push({ sourceId: loaded.sourceId, ...built.meta.extraction });
          entry.docIds.push(id);
          owner.set(id, key);
        }
      } catch (err) {
        if (opts.signal?.aborted) throw new AppError('INGEST_CANCELLED', 'ingest cancelled', { cause: err });
        const e = toAppError(err);
        entry.skipped.push({ source: s.path, code: e.code, message: e.userMessage });
      }
      if (opts.signal?.aborted) throw new AppError('INGEST_CANCELLED', 'ingest cancelled', { cause: opts.signal.reason });
      for (const id of prevIds) {
        if (entry.docIds.includes(id)) continue;
        const doc = base.docs.get(id);
        if (doc) {
          await removeDoc(doc);
          removed.push(doc.sourceId);
        }
      }
      skipped.push(...entry.skipped);
      files2[key] = entry;
      sourcesDone++;
      progress({ phase: 'load', sourcesDone, sourcesTotal: scanned.size, chunks: pending.reduce((n, p) => n + p.chunks.length, 0) });
    }

    lap('loadAndChunk');
    // 3. Labels, BM25 terms, embeddings.
    let nextLabel = base.manifest.nextLabel;
    const newTexts: string[] = [];
    const newLabels: number[] = [];
    for (const p of pending) {
      for (const c of p.chunks) {
        c.label = nextLabel++;
        p.doc.labels.push(c.label);
        base.chunks.set(c.label, c);
        const text = indexTextOf(p.doc, c);
        base.bm25.add(c.label, analyzeForIndex(text));
        newTexts.push(text);
        newLabels.push(c.label);
      }
      base.docs.set(p.doc.id, p.doc);
    }
    lap('bm25');
    const totalChunks = [...base.docs.values()].reduce((n, d) => n + d.labels.length, 0);
    progress({ phase: 'embed', sourcesDone, sourcesTotal: scanned.size, chunks: totalChunks });

    if (base.docs.size === 0) {
      throw new AppError('NOTHING_INDEXED', `no document could be indexed from ${opts.inputs.join(', ')}`);
    }
    const drift = (base.manifest.embeddedSinceFit + newTexts.length) / Math.max(1, totalChunks);
    const needFit = !base.embedder || (embedderConfig.kind === 'lsa' && drift > REFIT_DRIFT);
    let embeddedSinceFit = base.manifest.embeddedSinceFit + newTexts.length;
    let refitted = false;
    if (needFit) {
      await loadAllSegments(base);
      const labels = [...base.chunks.keys()].sort((a, b) => a - b);
      const texts = labels.map((l) => {
        const c = base.chunks.get(l)!;
        return indexTextOf(base.docs.get(c.docId)!, c);
      });
      base.embedder = await createEmbedder(embedderConfig, texts);
      delete base.embedderDir;
      lap('embedderFit');
      base.vectors = new HnswIndex(base.embedder.dimension, { ...HNSW_DEFAULTS, capacity: labels.length });
      const vecs = await base.embedder.embedDocuments(texts);
      lap('embed');
      labels.forEach((l, i) => base.vectors.add(l, vecs[i]!));
      lap('hnsw');
      embeddedSinceFit = 0;
      refitted = embedderConfig.kind === 'lsa';
    } else if (newTexts.length) {
      const vecs = await base.embedder!.embedDocuments(newTexts);
      newLabels.forEach((l, i) => base.vectors.add(l, vecs[i]!));
    }
    progress({ phase: 'index', sourcesDone, sourcesTotal: scanned.size, chunks: totalChunks });

    const state: IndexState = {
      ...base,
      embedder: base.embedder!,
      manifest: { ...base.manifest, createdAt: new Date().toISOString(), nextLabel, files: files2, embeddedSinceFit },
    };

    // 4. Write the new version beside the active one, then switch.
    progress({ phase: 'save', sourcesDone, sourcesTotal: scanned.size, chunks: totalChunks });
    const { name, path } = await createVersionDir(indexDir);
    await saveState(state, path, embedderConfig);
    lap('save');
    await opts.beforePublish?.(path);
    await publishVersion(indexDir, name);
    await sweepVersions(indexDir);
    progress({ phase: 'done', sourcesDone, sourcesTotal: scanned.size, chunks: totalChunks });
    return {
      indexDir, version: name, published: true, added, updated, removed, skipped, extraction,
      unchanged: unchangedDocs + Object.entries(files2).filter(([k]) => !changed.some(([c]) => c === k)).reduce((n, [, e]) => n + e.docIds.length, 0),
      documents: state.docs.size, chunks: totalChunks, embedder: state.embedder.id, refitted,
      durationMs: Date.now() - started, timings,
    };
  } finally {
    await release();
  }
}
