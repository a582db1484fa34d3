/**
 * The read-only form of an index version that the server serves, loaded once per process
 * into SharedArrayBuffers and handed to the answer worker threads, which open the same
 * memory instead of a copy of their own:
 *
 * - chunk texts and metadata: one UTF-8 buffer of their JSON lines (index/chunk-store.ts);
 * - BM25 postings (bm25.bin) and the LSA embedder's projection (embedder/lsa.bin): their
 *   typed arrays, as the files hold them;
 * - the HNSW graph (vectors.hnsw), searched in JavaScript over the file's bytes
 *   (index/hnsw-graph.ts) with the results hnswlib-node gives.
 *
 * Each thread keeps its own small parts: the document records (admin overrides apply to
 * them) and the BM25 term table as strings (docs/SCALING.md, "Memory", for the figures).
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../core/errors.ts';
import type { LsaModelJson } from '../core/embed/lsa-embedder.ts';
import type { Embedder } from '../core/ports.ts';
import { readBinaryFile, type BinaryContent } from './binary-file.ts';
import { ChunkStore, ChunkStoreBuilder, type SharedChunks } from './chunk-store.ts';
import { loadEmbedder, readLsaModel } from './embedders/load-embedder.ts';
import { HnswGraph, readHnswGraph, type SharedHnswGraph } from './hnsw-graph.ts';
import {
  bm25FromFile, readDocuments, readManifest, segmentName, VERSION_FILES,
  type Bm25FileHeader, type IndexState, type StoredChunk,
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

/** A served version: an IndexState whose chunks are a read-only shared store. */
export interface ServedState extends Omit<IndexState, 'chunks' | 'vectors' | 'unloadedSegments' | 'embedderDir'> {
  chunks: ChunkStore;
  /** Searched over shared memory (index/hnsw-graph.ts), not hnswlib-node. */
  vectors: HnswGraph;
  /** What answer worker threads are handed to open this same version. */
  shared: SharedIndexParts;
}

const NEWLINE = 0x0a;

/** Read every chunk segment of a version into one shared store. */
async function readChunkStore(versionDir: string, manifest: Manifest): Promise<ChunkStore> {
  const paths = Object.entries(manifest.files).filter(([, f]) => f.docIds.length > 0).map(([key]) => join(versionDir, VERSION_FILES.chunks, segmentName(key)));
  let bytes = 0;
  for (const path of paths) bytes += (await stat(path)).size;
  const builder = new ChunkStoreBuilder(bytes, manifest.nextLabel);
  for (const path of paths) {
    const data = await readFile(path);
    for (let start = 0; start < data.length;) {
      let end = data.indexOf(NEWLINE, start);
      if (end < 0) end = data.length;
      if (end > start) {
        const line = data.subarray(start, end);
        const { label } = JSON.parse(line.toString('utf8')) as Pick<StoredChunk, 'label'>;
        builder.add(label, line);
      }
      start = end + 1;
    }
  }
  return builder.finish();
}

/**
 * Load a version for serving. Without `from`, the shared parts are read from the version
 * directory (the main thread); with `from`, another thread's parts are opened as they are
 * (an answer worker), and only the per-thread parts are read from disk.
 */
export async function loadServedState(versionDir: string, opts: { embedder?: Embedder; from?: SharedIndexParts } = {}): Promise<ServedState> {
  const { from } = opts;
  const manifest = await readManifest(versionDir);
  const docList = await readDocuments(versionDir);
  const docs = new Map(docList.map((d) => [d.id, d]));
  let chunks: ChunkStore;
  try {
    chunks = from ? ChunkStore.fromShared(from.chunks) : await readChunkStore(versionDir, manifest);
  } catch (err) {
    throw new AppError('INDEX_CORRUPT', `cannot read chunks in ${versionDir}`, { cause: err });
  }
  const bm25File = from?.bm25 ?? await readBinaryFile<Bm25FileHeader>(join(versionDir, VERSION_FILES.bm25), { shared: true });
  const bm25 = bm25FromFile(bm25File);
  const embedderDir = join(versionDir, VERSION_FILES.embedder);
  const lsa = opts.embedder || manifest.embedder.kind !== 'lsa' ? undefined : from?.lsa ?? await readLsaModel(embedderDir, { shared: true });
  const embedder = opts.embedder ?? (await loadEmbedder(manifest.embedder, embedderDir, lsa));
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
  return {
    manifest, docs, chunks, bm25, vectors, embedder, sourceDir: versionDir,
    shared: { chunks: chunks.shared(), bm25: bm25File, vectors: graph, ...(lsa ? { lsa } : {}) },
  };
}
