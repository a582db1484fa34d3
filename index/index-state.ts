/**
 * The in-memory form of one index version, and how it is loaded from a version directory:
 * documents, chunks (by integer label), BM25 postings, the HNSW graph and the embedder.
 * Ingest writes it back (ingest/store/save-state.ts) in the same file format.
 */
import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Chunk, DocumentRecord } from '../core/model.ts';
import type { Embedder } from '../core/ports.ts';
import { Bm25Index, type Bm25Source, type SerializedBm25 } from '../core/search/bm25.ts';
import { AppError } from '../core/errors.ts';
import { HnswIndex } from './hnsw-index.ts';
import { readBinaryFile, type BinaryContent } from './binary-file.ts';
import { MANIFEST, manifestSchema, type Manifest } from './manifest-file.ts';
import { loadEmbedder } from './embedders/load-embedder.ts';

/** A document as stored: the record plus where it came from and its chunk labels. */
export interface StoredDocument extends DocumentRecord {
  /** Source file path (posix) the document was loaded from. */
  file: string;
  labels: number[];
}

export interface StoredChunk extends Chunk {
  label: number;
}

/** BM25 fields: accented syllables+pairs, and their diacritic-folded shadow. */
export const BM25_FIELDS = ['terms', 'folded'] as const;

export interface IndexState {
  manifest: Manifest;
  docs: Map<string, StoredDocument>;
  chunks: Map<number, StoredChunk>;
  bm25: Bm25Index;
  vectors: HnswIndex;
  embedder: Embedder;
  /**
   * The embedder directory of the version `embedder` was loaded from, while it is that
   * same model: saving then links its files instead of rewriting them.
   */
  embedderDir?: string;
  /** The version directory this state was loaded from. */
  sourceDir?: string;
  /**
   * Source files whose chunk segments were not read (a lazy load for an update): saving
   * links their segment from `sourceDir` unchanged.
   */
  unloadedSegments?: Set<string>;
}

/** Each loaded chunk's JSON line, reused on save while the chunk object is unchanged. */
const rawChunkLines = new WeakMap<StoredChunk, string>();

/** The JSON line `chunk` was loaded from, if it was loaded and not replaced since. */
export function rawChunkLine(chunk: StoredChunk): string | undefined {
  return rawChunkLines.get(chunk);
}

/** Header of bm25.bin (the arrays are named `<field>.<part>`, plus `present`). */
export type Bm25FileHeader = Omit<SerializedBm25, 'fields' | 'present'> & { fieldMeta: Record<string, { totalLength: number }> };

/** The files of one version directory (the manifest aside). */
export const VERSION_FILES = {
  documents: 'documents.json',
  chunks: 'chunks',
  bm25: 'bm25.bin',
  vectors: 'vectors.hnsw',
  embedder: 'embedder',
} as const;

/** Read and validate a version's manifest. */
export async function readManifest(versionDir: string): Promise<Manifest> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(join(versionDir, MANIFEST), 'utf8'));
  } catch (err) {
    throw new AppError('INDEX_CORRUPT', `cannot read manifest in ${versionDir}`, { cause: err });
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('INDEX_CORRUPT', `manifest in ${versionDir}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

/** The documents of a version (documents.json), without its chunks or postings. */
export async function readDocuments(versionDir: string): Promise<StoredDocument[]> {
  try {
    return JSON.parse(await readFile(join(versionDir, VERSION_FILES.documents), 'utf8')) as StoredDocument[];
  } catch (err) {
    throw new AppError('INDEX_CORRUPT', `cannot read documents in ${versionDir}`, { cause: err });
  }
}

/** File name of the chunk segment of one source file (one JSONL file per source). */
export function segmentName(fileKey: string): string {
  return `${createHash('sha1').update(fileKey).digest('hex').slice(0, 20)}.jsonl`;
}

async function readSegment(versionDir: string, fileKey: string, into: Map<number, StoredChunk>): Promise<void> {
  const lines = createInterface({ input: createReadStream(join(versionDir, VERSION_FILES.chunks, segmentName(fileKey)), 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    const c = JSON.parse(line) as StoredChunk;
    rawChunkLines.set(c, line);
    into.set(c.label, c);
  }
}

/** Read the chunks of one source file into a lazily loaded state (no-op when present). */
export async function loadSegment(state: IndexState | Omit<IndexState, 'embedder'>, fileKey: string): Promise<void> {
  if (!state.unloadedSegments?.has(fileKey) || !state.sourceDir) return;
  await readSegment(state.sourceDir, fileKey, state.chunks);
  state.unloadedSegments.delete(fileKey);
}

/** Read every chunk segment not yet loaded. */
export async function loadAllSegments(state: IndexState | Omit<IndexState, 'embedder'>): Promise<void> {
  for (const key of [...(state.unloadedSegments ?? [])]) await loadSegment(state, key);
}

/** The BM25 index of a decoded bm25.bin; its postings are used as they are, not copied. */
export function bm25FromFile({ header, arrays }: BinaryContent<Bm25FileHeader>): Bm25Index {
  const fields: Bm25Source['fields'] = {};
  for (const name of header.fieldNames) {
    const meta = header.fieldMeta[name]!;
    fields[name] = {
      // Searched as bytes (core/search/sorted-terms.ts): no string per term, and a served
      // index's threads share them.
      terms: arrays[`${name}.terms`] as Uint8Array,
      totalLength: meta.totalLength,
      offsets: arrays[`${name}.offsets`] as Uint32Array,
      labels: arrays[`${name}.labels`] as Uint32Array,
      tfs: arrays[`${name}.tfs`] as Uint16Array,
      df: arrays[`${name}.df`] as Int32Array,
      lengths: arrays[`${name}.lengths`] as Int32Array,
    };
  }
  return Bm25Index.deserialize({ params: header.params, fieldNames: header.fieldNames, live: header.live, present: arrays.present as Uint32Array, fields });
}

/**
 * Load a version into memory. `lazyChunks` leaves chunk segments on disk until
 * loadSegment asks for them (what an incremental update needs).
 */
export async function loadState(versionDir: string, opts: { embedder?: Embedder; lazyChunks?: boolean } = {}): Promise<IndexState> {
  const manifest = await readManifest(versionDir);
  const docList = JSON.parse(await readFile(join(versionDir, VERSION_FILES.documents), 'utf8')) as StoredDocument[];
  const docs = new Map(docList.map((d) => [d.id, d]));
  const chunks = new Map<number, StoredChunk>();
  const segments = new Set(Object.entries(manifest.files).filter(([, f]) => f.docIds.length > 0).map(([key]) => key));
  if (!opts.lazyChunks) {
    try {
      for (const key of segments) await readSegment(versionDir, key, chunks);
    } catch (err) {
      throw new AppError('INDEX_CORRUPT', `cannot read chunks in ${versionDir}`, { cause: err });
    }
    segments.clear();
  }
  const bm25 = bm25FromFile(await readBinaryFile<Bm25FileHeader>(join(versionDir, VERSION_FILES.bm25)));
  const embedder = opts.embedder ?? (await loadEmbedder(manifest.embedder, join(versionDir, VERSION_FILES.embedder)));
  if (embedder.id !== manifest.embedder.id || embedder.dimension !== manifest.embedder.dimension) {
    throw new AppError('EMBEDDER_MISMATCH', `index built with ${manifest.embedder.id}/${manifest.embedder.dimension}, got ${embedder.id}/${embedder.dimension}`);
  }
  const liveLabels = docList.flatMap((d) => d.labels);
  const vectors = await HnswIndex.load(join(versionDir, VERSION_FILES.vectors), manifest.embedder.dimension, { liveLabels });
  if (docs.size !== manifest.counts.documents || liveLabels.length !== manifest.counts.chunks || (!opts.lazyChunks && chunks.size !== liveLabels.length)) {
    throw new AppError('INDEX_CORRUPT', `counts differ from manifest in ${versionDir}`);
  }
  return {
    manifest, docs, chunks, bm25, vectors, embedder, sourceDir: versionDir,
    ...(opts.embedder ? {} : { embedderDir: join(versionDir, VERSION_FILES.embedder) }),
    ...(segments.size ? { unloadedSegments: segments } : {}),
  };
}
