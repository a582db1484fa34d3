/**
 * The ingestion pipeline: load → normalise → parse structure → chunk → embed → index,
 * incrementally against the active version, published atomically as a new version.
 *
 * The index owns its sources: every run reads the roots recorded in the active version
 * plus the ones it is given (ingest/sources/plan-roots.ts). A document goes when its file
 * is gone from its root, or its root is removed explicitly; a root that is not on disk
 * keeps its documents; a run that would remove more than `maxRemovalShare` of the
 * documents unasked stops before publishing (ingest/sources/removal-guard.ts).
 *
 * Phases (ingest/phases/): plan the changes → start from the active version → read and
 * chunk the changed files → labels and BM25 → vectors → write and publish the version.
 */
import { userInfo } from 'node:os';
import { basename, resolve } from 'node:path';
import { AppError } from '../core/errors.ts';
import type { IndexState } from '../index/index-state.ts';
import type { EmbedderConfig } from './embedders/registry.ts';
import type { IngestOptions, IngestProgress, IngestSummary } from './ingest-types.ts';
import { emptyBase, loadBase } from './phases/base-state.ts';
import { embedChunks } from './phases/embed-chunks.ts';
import { indexChunks } from './phases/index-chunks.ts';
import { loadDocuments } from './phases/load-documents.ts';
import { asFullRebuild, planChanges } from './phases/plan-changes.ts';
import { publishRun } from './phases/publish-run.ts';
import { checkRemovals } from './sources/removal-guard.ts';
import { acquireLock } from './store/lock.ts';
import { sweepVersions } from './store/publish.ts';

export type { IngestInput } from './sources/plan-roots.ts';
export type { ExtractionSummary, IngestOptions, IngestProgress, IngestSummary } from './ingest-types.ts';

/** Who runs the CLI, as recorded with versions and roots: `cli:<os user>`. */
export function cliUser(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli:unknown';
  }
}

/** Run one ingestion. Bad sources are skipped and reported; throws only for system faults. */
export async function ingest(opts: IngestOptions): Promise<IngestSummary> {
  const started = Date.now();
  const indexDir = resolve(opts.indexDir);
  const timings: Record<string, number> = {};
  let mark = started;
  const lap = (name: string, final = true) => {
    const now = Date.now();
    timings[name] = (timings[name] ?? 0) + now - mark;
    mark = now;
    if (final) opts.onPhaseEnd?.(name);
  };
  const progress = (p: IngestProgress) => opts.onProgress?.(p);
  const by = opts.by ?? cliUser();
  const via = opts.via ?? 'cli';
  const release = await acquireLock(indexDir, via === 'job' ? 'reindex-worker' : 'cli', opts.lockNode ? { node: opts.lockNode } : {});
  try {
    await sweepVersions(indexDir, opts.keepVersions);
    const embedderConfig: EmbedderConfig = opts.embedder ?? { kind: 'lsa' };
    // 1. Roots: the recorded ones plus those given, less those removed; then which files changed.
    let changes = await planChanges({
      indexDir, inputs: opts.inputs, embedderConfig, by, now: new Date().toISOString(),
      ...(opts.rebuild ? { rebuild: true } : {}),
      ...(opts.removeRoots ? { removeRoots: opts.removeRoots } : {}),
      ...(opts.expectedRemovals ? { expectedRemovals: opts.expectedRemovals } : {}),
    });
    const { current, prevManifest, plan, scanned, prevAll, gone, carried, asked, reportRoots } = changes;
    progress({ phase: 'scan', sourcesDone: 0, sourcesTotal: scanned.size, chunks: 0 });

    // A removed root leaves the manifest even when it held no file: that is a change too.
    if (changes.compatible && changes.changed.length === 0 && changes.missing.length === 0 && plan.removed.length === 0) {
      const skipped = Object.values(changes.prevFiles).flatMap((f) => f.skipped);
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

    // 2. Start from the active version (or empty). One that cannot be read is rebuilt from the sources.
    const previous = changes.compatible ? await loadBase(indexDir, current!) : undefined;
    if (changes.compatible && !previous) changes = asFullRebuild(changes);
    // A full rebuild reads only what is on disk: the documents of a missing root would be lost.
    if (!changes.compatible && carried.length > 0 && !opts.allowRemoval) {
      throw new AppError('SOURCE_MISSING', `rebuild with missing roots: ${reportRoots.missingRoots.join(', ')}`, {
        userSuffix: `Nguồn không truy cập được: ${reportRoots.missingRoots.map((r) => `“${r}”`).join(', ')}. Hãy gắn lại ổ hoặc khôi phục nguồn rồi chạy lại; nếu đúng là muốn bỏ nguồn đó, hãy gỡ nó (--remove) hoặc chạy với --allow-removal.`,
      });
    }
    const base = previous ?? emptyBase(embedderConfig);
    lap('loadPrevious');

    // 3. Removals, then the changed files read and chunked.
    const loaded = await loadDocuments({
      base, prevFiles: changes.prevFiles, changed: changes.changed, missing: changes.missing, sourcesTotal: scanned.size, progress,
      options: { ...(opts.maxBytes ? { maxBytes: opts.maxBytes } : {}), ...(opts.ocr ? { ocr: opts.ocr } : {}), ...(opts.signal ? { signal: opts.signal } : {}) },
    });
    const { files, added, updated, skipped, extraction, removedIds, sourcesDone } = loaded;
    lap('loadAndChunk');

    // 4. Labels and BM25 terms.
    const { labels: newLabels, nextLabel } = indexChunks(base, loaded.pending);
    loaded.pending.length = 0;
    lap('bm25');
    // Documents of the active version this one lacks; those nobody asked to remove are capped.
    const lost = Object.values(prevAll).flatMap((e) => e.docIds).filter((id) => !base.docs.has(id));
    const removed = lost.map((id) => removedIds.get(id) ?? id);
    checkRemovals({ ...removalLimits, unasked: lost.filter((id) => !asked.has(id)).map((id) => removedIds.get(id) ?? id) });
    let totalChunks = 0;
    for (const d of base.docs.values()) totalChunks += d.labels.length;
    const at = (phase: IngestProgress['phase']) => progress({ phase, sourcesDone, sourcesTotal: scanned.size, chunks: totalChunks });
    at('embed');
    if (base.docs.size === 0) {
      // Say why: the run's summary (with each skipped file's reason) is never printed when it throws.
      const why = skipped.slice(0, 5).map((k) => `${basename(k.source)}: ${k.message} [${k.code}]`);
      if (skipped.length > why.length) why.push(`… và ${skipped.length - why.length} tệp khác`);
      throw new AppError('NOTHING_INDEXED', `no document could be indexed from ${plan.roots.map((r) => r.path).join(', ') || 'no input'}; skipped: ${skipped.map((k) => `${k.source} [${k.code}]`).join(', ') || 'none'}`,
        why.length ? { userSuffix: `Các tệp bị bỏ qua: ${why.join('; ')}.` } : undefined);
    }

    // 5. Vectors: the new chunks', or every chunk's after a refit.
    const { embeddedSinceFit, refitted } = await embedChunks({ base, embedderConfig, newLabels, totalChunks, lap });
    at('index');

    const changedKeys = new Set(changes.changed.map(([k]) => k));
    const unchanged = loaded.unchangedDocs + Object.entries(files).filter(([k]) => !changedKeys.has(k)).reduce((n, [, e]) => n + e.docIds.length, 0);
    const state: IndexState = {
      ...base,
      embedder: base.embedder!,
      manifest: {
        ...base.manifest, createdAt: new Date().toISOString(), nextLabel, files, embeddedSinceFit, roots: plan.roots,
        build: {
          via, by, ...(opts.job ? { job: opts.job } : {}), ...(current ? { parent: current } : {}),
          changes: { added: added.length, updated: updated.length, removed: removed.length, unchanged },
          removedRoots: reportRoots.removedRoots, missingRoots: reportRoots.missingRoots,
        },
      },
    };

    // 6. Write the new version beside the active one, then switch.
    at('save');
    const { name } = await publishRun({
      indexDir, state, embedderConfig, by, via, keepVersions: opts.keepVersions, saved: () => lap('save'),
      ...(opts.job ? { job: opts.job } : {}),
      ...(opts.beforePublish ? { beforePublish: opts.beforePublish } : {}),
    });
    at('done');
    return {
      indexDir, version: name, published: true, added, updated, removed, skipped, extraction, ...reportRoots, unchanged,
      documents: state.docs.size, chunks: totalChunks, embedder: state.embedder.id, refitted,
      durationMs: Date.now() - started, timings,
    };
  } finally {
    await release();
  }
}
