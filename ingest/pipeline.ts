/**
 * The ingestion pipeline: load → normalise → parse structure → chunk → embed → index,
 * incrementally against the active version, published atomically as a new version.
 *
 * The index owns its sources: every run reads the roots recorded in the active version
 * plus the ones it is given (ingest/sources/plan-roots.ts). A document goes when its file
 * is gone from its root, or its root is removed explicitly; a root that is not on disk
 * keeps its documents; a run that would remove more than `maxRemovalShare` of the
 * documents unasked stops before publishing (ingest/sources/removal-guard.ts).
 */
import { userInfo } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { AppError, toAppError } from '../core/errors.ts';
import { docIdFor } from '../core/ids.ts';
import type { ExtractionReport } from '../core/model.ts';
import type { SkippedSource } from '../core/ports.ts';
import type { OcrOptions } from './ocr/options.ts';
import { Bm25Index } from '../core/search/bm25.ts';
import { indexTextOf } from '../core/search/index-text.ts';
import { loadSource } from './loaders/index.ts';
import { structureDocument } from './structure-step.ts';
import { createVersionDir, publishVersion, sweepVersions } from './store/publish.ts';
import { acquireLock } from './store/lock.ts';
import { readCurrent, versionsDir } from '../index/layout.ts';
import { BM25_FIELDS, loadAllSegments, loadSegment, loadState, readDocuments, readManifest, type IndexState, type StoredChunk, type StoredDocument } from '../index/index-state.ts';
import { saveState } from './store/save-state.ts';
import { FORMAT_VERSION, type FileEntry, type Manifest } from '../index/manifest-file.ts';
import { keyPath, ownerOf } from '../index/roots.ts';
import { HnswIndex, HNSW_DEFAULTS } from '../index/hnsw-index.ts';
import { ANALYZER_ID, analyzeForIndex } from '../core/search/analysis.ts';
import { createEmbedder, embedderMatches, type EmbedderConfig } from './embedders/registry.ts';
import { planRoots, type IngestInput } from './sources/plan-roots.ts';
import { scanRoots } from './sources/scan.ts';
import { checkRemovals } from './sources/removal-guard.ts';

export type { IngestInput } from './sources/plan-roots.ts';

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
  /**
   * Roots to read besides those the index has recorded: a folder or file path (recorded
   * with origin `cli`) or a path with its origin.
   */
  inputs: Array<string | IngestInput>;
  indexDir: string;
  embedder?: EmbedderConfig;
  /** Re-read and re-embed every source instead of updating the active version (refits the built-in embedder). */
  rebuild?: boolean;
  /** Recorded roots to remove with their documents (an explicit removal). */
  removeRoots?: string[];
  /** Ids of documents whose removal was asked for (an admin's delete): they do not count against `maxRemovalShare`. */
  expectedRemovals?: string[];
  /** Largest share of the documents a run may remove unasked (INDEX_MAX_REMOVAL_SHARE); undefined: no limit. */
  maxRemovalShare?: number;
  /** Accept removals past `maxRemovalShare`. */
  allowRemoval?: boolean;
  /** Versions kept on disk, the active one included (INDEX_KEEP_VERSIONS). */
  keepVersions?: number;
  /** Who runs it (`cli:<os user>` by default, an admin pseudonym, `system`), recorded with the version and new roots. */
  by?: string;
  /** How it runs: the CLI (default) or a server job (`job` names it). */
  via?: 'cli' | 'job';
  job?: string;
  /** The cluster node whose worker runs this (named in the LOCK, ingest/store/lock.ts). */
  lockNode?: string;
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
  /** Roots of the index after the run. */
  roots: number;
  /** Recorded roots that were not on disk: their documents were kept. */
  missingRoots: string[];
  /** Roots removed by this run. */
  removedRoots: string[];
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

/** Who runs the CLI, as recorded with versions and roots: `cli:<os user>`. */
export function cliUser(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli:unknown';
  }
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
  const by = opts.by ?? cliUser();
  const via = opts.via ?? 'cli';
  const keep = opts.keepVersions;
  const release = await acquireLock(indexDir, via === 'job' ? 'reindex-worker' : 'cli', opts.lockNode ? { node: opts.lockNode } : {});
  try {
    await sweepVersions(indexDir, keep);
    const current = await readCurrent(indexDir);
    // An unreadable or older-format active version is rebuilt from the sources (its roots are then unknown).
    const prevManifest = current
      ? await readManifest(join(versionsDir(indexDir), current)).catch((err: unknown) => {
        if (err instanceof AppError && err.code === 'INDEX_CORRUPT') return undefined;
        throw err;
      })
      : undefined;
    const embedderConfig: EmbedderConfig = opts.embedder ?? { kind: 'lsa' };
    let compatible = !opts.rebuild && !!prevManifest && prevManifest.formatVersion === FORMAT_VERSION && prevManifest.analyzer === ANALYZER_ID && embedderMatches(embedderConfig, prevManifest.embedder);
    const now = new Date().toISOString();

    // 1. Roots: the recorded ones plus those given, less those removed; then which files changed.
    const plan = await planRoots({
      recorded: prevManifest?.roots ?? [],
      previousFiles: prevManifest?.files ?? {},
      previousDocuments: async () => {
        const docs = new Map((await readDocuments(join(versionsDir(indexDir), current!))).map((d) => [d.id, d]));
        return (id) => docs.get(id);
      },
      given: opts.inputs.map((i) => (typeof i === 'string' ? { path: i, origin: 'cli' as const } : i)),
      remove: opts.removeRoots ?? [],
      by, now,
    });
    const scanned = await scanRoots(plan.present);
    progress({ phase: 'scan', sourcesDone: 0, sourcesTotal: scanned.size, chunks: 0 });
    const prevAll = prevManifest?.files ?? {};
    const missingRoots = new Set(plan.missing.map((r) => r.path));
    const removedRoots = new Set(plan.removed.map((r) => r.path));
    const everyRoot = [...plan.roots, ...plan.removed];
    /** Files gone from a root that is on disk; files of removed roots; files of missing roots (kept). */
    const gone: string[] = [];
    const dropped: string[] = [];
    const carried: string[] = [];
    for (const key of Object.keys(prevAll)) {
      if (scanned.has(key)) continue;
      const root = ownerOf(everyRoot, keyPath(key));
      if (root && removedRoots.has(root.path)) dropped.push(key);
      else if (root && missingRoots.has(root.path)) carried.push(key);
      else gone.push(key);
    }
    const asked = new Set([...dropped.flatMap((k) => prevAll[k]!.docIds), ...(opts.expectedRemovals ?? [])]);
    let prevFiles = compatible ? prevAll : {};
    let changed = [...scanned.entries()].filter(([key, s]) => prevFiles[key]?.hash !== s.hash
      || (prevFiles[key]?.skipped ?? []).some((k) => RETRY_CODES.has(k.code)));
    let missing = compatible ? [...gone, ...dropped] : [];
    const reportRoots = {
      roots: plan.roots.length,
      missingRoots: plan.missing.map((r) => r.path),
      removedRoots: plan.removed.map((r) => r.path),
    };

    // A removed root leaves the manifest even when it held no file: that is a change too.
    if (compatible && changed.length === 0 && missing.length === 0 && plan.removed.length === 0) {
      const skipped = Object.values(prevFiles).flatMap((f) => f.skipped);
      return {
        indexDir, version: current, published: false, added: [], updated: [], removed: [], skipped, extraction: [], ...reportRoots,
        unchanged: prevManifest!.counts.documents, documents: prevManifest!.counts.documents,
        chunks: prevManifest!.counts.chunks, embedder: prevManifest!.embedder.id, refitted: false,
        durationMs: Date.now() - started, timings,
      };
    }

    // Files gone from their roots are known before anything is read: stop early if they alone pass the limit.
    const removalLimits = { before: prevManifest?.counts.documents ?? 0, maxShare: opts.maxRemovalShare, allowed: !!opts.allowRemoval };
    checkRemovals({ ...removalLimits, unasked: gone.flatMap((k) => prevAll[k]!.docIds).filter((id) => !asked.has(id)) });

    lap('scan');
    // 2. Start from the active version (or empty), then apply removals and additions.
    // A previous version that cannot be read is not fatal: it is rebuilt from the sources.
    const previous = compatible ? await loadState(join(versionsDir(indexDir), current!), { lazyChunks: true }).catch((err: unknown) => {
      if (err instanceof AppError && (err.code === 'INDEX_CORRUPT' || err.code === 'EMBEDDER_MISMATCH')) return undefined;
      throw err;
    }) : undefined;
    if (compatible && !previous) {
      compatible = false;
      prevFiles = {};
      changed = [...scanned.entries()];
      missing = [];
    }
    // A full rebuild reads only what is on disk: the documents of a missing root would be lost.
    if (!compatible && carried.length > 0 && !opts.allowRemoval) {
      throw new AppError('SOURCE_MISSING', `rebuild with missing roots: ${reportRoots.missingRoots.join(', ')}`, {
        userSuffix: `Nguồn không truy cập được: ${reportRoots.missingRoots.map((r) => `“${r}”`).join(', ')}. Hãy gắn lại ổ hoặc khôi phục nguồn rồi chạy lại; nếu đúng là muốn bỏ nguồn đó, hãy gỡ nó (--remove) hoặc chạy với --allow-removal.`,
      });
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
    /** Source ids of the documents removed, by document id. */
    const removedIds = new Map<string, string>();
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

    for (const key of missing) {
      for (const id of files2[key]!.docIds) {
        const doc = base.docs.get(id);
        if (doc) {
          await removeDoc(doc);
          removedIds.set(doc.id, doc.sourceId);
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
          removedIds.set(doc.id, doc.sourceId);
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
    // Documents of the active version this one lacks; those nobody asked to remove are capped.
    const lost = Object.values(prevAll).flatMap((e) => e.docIds).filter((id) => !base.docs.has(id));
    const removed = lost.map((id) => removedIds.get(id) ?? id);
    checkRemovals({ ...removalLimits, unasked: lost.filter((id) => !asked.has(id)).map((id) => removedIds.get(id) ?? id) });
    const totalChunks = [...base.docs.values()].reduce((n, d) => n + d.labels.length, 0);
    progress({ phase: 'embed', sourcesDone, sourcesTotal: scanned.size, chunks: totalChunks });

    if (base.docs.size === 0) {
      // Say why: the run's summary (with each skipped file's reason) is never printed when it throws.
      const why = skipped.slice(0, 5).map((k) => `${basename(k.source)}: ${k.message} [${k.code}]`);
      if (skipped.length > why.length) why.push(`… và ${skipped.length - why.length} tệp khác`);
      throw new AppError('NOTHING_INDEXED', `no document could be indexed from ${plan.roots.map((r) => r.path).join(', ') || 'no input'}; skipped: ${skipped.map((k) => `${k.source} [${k.code}]`).join(', ') || 'none'}`,
        why.length ? { userSuffix: `Các tệp bị bỏ qua: ${why.join('; ')}.` } : undefined);
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

    const unchanged = unchangedDocs + Object.entries(files2).filter(([k]) => !changed.some(([c]) => c === k)).reduce((n, [, e]) => n + e.docIds.length, 0);
    const state: IndexState = {
      ...base,
      embedder: base.embedder!,
      manifest: {
        ...base.manifest, createdAt: new Date().toISOString(), nextLabel, files: files2, embeddedSinceFit, roots: plan.roots,
        build: {
          via, by, ...(opts.job ? { job: opts.job } : {}), ...(current ? { parent: current } : {}),
          changes: { added: added.length, updated: updated.length, removed: removed.length, unchanged },
          removedRoots: reportRoots.removedRoots, missingRoots: reportRoots.missingRoots,
        },
      },
    };

    // 4. Write the new version beside the active one, then switch.
    progress({ phase: 'save', sourcesDone, sourcesTotal: scanned.size, chunks: totalChunks });
    const { name, path } = await createVersionDir(indexDir);
    await saveState(state, path, embedderConfig);
    lap('save');
    await opts.beforePublish?.(path);
    await publishVersion(indexDir, name, { event: 'publish', by, via: via === 'job' ? 'job' : 'cli', ...(opts.job ? { job: opts.job } : {}) });
    await sweepVersions(indexDir, keep);
    progress({ phase: 'done', sourcesDone, sourcesTotal: scanned.size, chunks: totalChunks });
    return {
      indexDir, version: name, published: true, added, updated, removed, skipped, extraction, ...reportRoots, unchanged,
      documents: state.docs.size, chunks: totalChunks, embedder: state.embedder.id, refitted,
      durationMs: Date.now() - started, timings,
    };
  } finally {
    await release();
  }
}
