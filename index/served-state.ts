/**
 * The read-only form of an index version that the server serves, loaded once per process
 * into SharedArrayBuffers and handed to the answer worker threads, which open the same
 * memory instead of a copy of their own:
 *
 * - chunk texts and metadata: their JSON lines, one shared buffer per segment (index/chunk-store.ts);
 * - BM25 postings (bm25.bin) and the LSA embedder's projection (embedder/lsa.bin): their
 *   typed arrays, as the files hold them;
 * - the HNSW graph (vectors.hnsw), searched in JavaScript over the file's bytes
 *   (index/hnsw-graph.ts) with the results hnswlib-node gives.
 *
 * Each thread keeps its own small parts: the document records (admin overrides apply to
 * them) and the LSA vocabulary (docs/SCALING.md, "Memory", for the figures).
 *
 * Opening the next version with the served one as `previous` reuses what the two share:
 * the chunk segments and the embedder directory the writer linked unchanged (same file
 * identity, index/file-identity.ts) are not read again (docs/SCALING.md, "Where re-index
 * propagation time goes").
 */
import { join } from 'node:path';
import { AppError } from '../core/errors.ts';
import type { LsaModelJson } from '../core/embed/lsa-embedder.ts';
import type { Embedder } from '../core/ports.ts';
import { readBinaryFile, readFileShared, type BinaryContent } from './binary-file.ts';
import { ChunkStore, ChunkStoreBuilder, scanSegment, type SegmentLines, type SharedChunks } from './chunk-store.ts';
import { dirIdentity, fileIdentity } from './file-identity.ts';
import { loadEmbedder, readLsaModel } from './embedders/load-embedder.ts';
import { HnswGraph, readHnswGraph, type SharedHnswGraph } from './hnsw-graph.ts';
import {
  bm25FromFile, readDocuments, readManifest, segmentName, VERSION_FILES,
  type Bm25FileHeader, type IndexState,
} from './index-state.ts';
import type { Manifest } from './manifest-file.ts';

/** The shared memory of one served version: post it to a worker thread, nothing is copied. */
export interface SharedIndexParts {
  chunks: SharedChunks;
  bm25: BinaryContent<Bm25FileHeader>;
  /** The LSA model file, when the version's embedder is LSA. */
  lsa?: BinaryContent<LsaModelJson>;
  /** The HNSW graph file (vectors.hnsw). */
  vectors: SharedHnswGraph;
}

/** A segment as read: its bytes (shared memory) and where its lines are. */
interface ReadSegment {
  bytes: Uint8Array;
  lines: SegmentLines;
}

/** What the main thread decoded from a version's files, by file identity, for the next version. */
export interface ReusableParts {
  /** Chunk segments by file identity. */
  segments: Map<string, ReadSegment>;
  /** The embedder and its LSA model file, by the identity of the embedder directory. */
  embedder?: { identity: string; spec: string; embedder: Embedder; lsa?: BinaryContent<LsaModelJson> };
}

/** A served version: an IndexState whose chunks are a read-only shared store. */
export interface ServedState extends Omit<IndexState, 'chunks' | 'vectors' | 'unloadedSegments' | 'embedderDir'> {
  chunks: ChunkStore;
  /** Searched over shared memory (index/hnsw-graph.ts), not hnswlib-node. */
  vectors: HnswGraph;
  /** What answer worker threads are handed to open this same version. */
  shared: SharedIndexParts;
  /** What the next version may reuse (absent in a state opened from another thread's parts). */
  reusable?: ReusableParts;
  /** How much of this version was read from disk, and how much reused from the previous one. */
  loadStats?: LoadStats;
}

/** Chunk segments read versus reused when a version was opened (and the bytes read), and whether the embedder was reused. */
export interface LoadStats {
  segmentsRead: number;
  segmentsReused: number;
  segmentBytesRead: number;
  embedderReused: boolean;
}

/** Read every chunk segment of a version into one shared store, reusing the segments `previous` read. */
async function readChunkStore(versionDir: string, manifest: Manifest, previous: ReusableParts | undefined, stats: LoadStats): Promise<{ store: ChunkStore; segments: Map<string, ReadSegment> }> {
  const paths = Object.entries(manifest.files).filter(([, f]) => f.docIds.length > 0).map(([key]) => join(versionDir, VERSION_FILES.chunks, segmentName(key)));
  const builder = new ChunkStoreBuilder(manifest.nextLabel);
  const segments = new Map<string, ReadSegment>();
  for (const path of paths) {
    const identity = await fileIdentity(path);
    let segment = previous?.segments.get(identity);
    if (segment) stats.segmentsReused++;
    else {
      const bytes = await readFileShared(path);
      segment = { bytes, lines: scanSegment(bytes) };
      stats.segmentsRead++;
      stats.segmentBytesRead += bytes.byteLength;
    }
    builder.addSegment(segment.bytes, segment.lines);
    segments.set(identity, segment);
  }
  return { store: builder.finish(), segments };
}

/**
 * Load a version for serving. Without `from`, the shared parts are read from the version
 * directory (the main thread), reusing what `previous` (the version served so far) read
 * from the same files; with `from`, another thread's parts are opened as they are (an
 * answer worker), and only the per-thread parts are read from disk.
 */
export async function loadServedState(versionDir: string, opts: { embedder?: Embedder; from?: SharedIndexParts; previous?: ServedState } = {}): Promise<ServedState> {
  const { from } = opts;
  const previous = from ? undefined : opts.previous?.reusable;
  const stats: LoadStats = { segmentsRead: 0, segmentsReused: 0, segmentBytesRead: 0, embedderReused: false };
  const manifest = await readManifest(versionDir);
  const docList = await readDocuments(versionDir);
  const docs = new Map(docList.map((d) => [d.id, d]));
  let chunks: ChunkStore;
  let segments: Map<string, ReadSegment> | undefined;
  try {
    if (from) chunks = ChunkStore.fromShared(from.chunks);
    else ({ store: chunks, segments } = await readChunkStore(versionDir, manifest, previous, stats));
  } catch (err) {
    throw new AppError('INDEX_CORRUPT', `cannot read chunks in ${versionDir}`, { cause: err });
  }
  const bm25File = from?.bm25 ?? await readBinaryFile<Bm25FileHeader>(join(versionDir, VERSION_FILES.bm25), { shared: true });
  const bm25 = bm25FromFile(bm25File);
  const embedderDir = join(versionDir, VERSION_FILES.embedder);
  const spec = JSON.stringify(manifest.embedder);
  const embedderIdentity = from || opts.embedder ? undefined : await dirIdentity(embedderDir).catch(() => undefined);
  const same = embedderIdentity !== undefined && previous?.embedder?.identity === embedderIdentity && previous.embedder.spec === spec ? previous.embedder : undefined;
  const lsa = opts.embedder || manifest.embedder.kind !== 'lsa' ? undefined : from?.lsa ?? same?.lsa ?? await readLsaModel(embedderDir, { shared: true });
  const embedder = opts.embedder ?? same?.embedder ?? (await loadEmbedder(manifest.embedder, embedderDir, lsa));
  stats.embedderReused = same !== undefined;
  if (embedder.id !== manifest.embedder.id || embedder.dimension !== manifest.embedder.dimension) {
    throw new AppError('EMBEDDER_MISMATCH', `index built with ${manifest.embedder.id}/${manifest.embedder.dimension}, got ${embedder.id}/${embedder.dimension}`);
  }
  const liveLabels = docList.flatMap((d) => d.labels);
  const vectorsPath = join(versionDir, VERSION_FILES.vectors);
  const graph = from?.vectors ?? await readHnswGraph(vectorsPath);
  const vectors = new HnswGraph(graph, manifest.embedder.dimension, { liveCount: liveLabels.length, path: vectorsPath });
  if (docs.size !== manifest.counts.documents || liveLabels.length !== manifest.counts.chunks || chunks.size !== liveLabels.length) {
    throw new AppError('INDEX_CORRUPT', `counts differ from manifest in ${versionDir}`);
  }
  // The segments' labels were read from the lines' ends, not parsed: every document's
  // label must be one of them (with the counts above, the two sets are then equal).
  for (const label of liveLabels) if (!chunks.has(label)) throw new AppError('INDEX_CORRUPT', `chunk ${label} missing in ${versionDir}`);
  return {
    manifest, docs, chunks, bm25, vectors, embedder, sourceDir: versionDir,
    shared: { chunks: chunks.shared(), bm25: bm25File, vectors: graph, ...(lsa ? { lsa } : {}) },
    ...(segments ? {
      reusable: {
        segments,
        ...(embedderIdentity !== undefined && !opts.embedder ? { embedder: { identity: embedderIdentity, spec, embedder, ...(lsa ? { lsa } : {}) } } : {}),
      },
      loadStats: stats,
    } : {}),
  };
}
