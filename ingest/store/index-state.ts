/**
 * The in-memory form of one index version, and its load/save to a version directory:
 * documents, chunks (by integer label), BM25 postings, the HNSW graph and the embedder.
 */
import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Chunk, DocumentRecord } from '../../core/model.ts';
import type { Embedder } from '../../core/ports.ts';
import { Bm25Index, type SerializedBm25 } from '../../core/search/bm25.ts';
import { AppError } from '../../core/errors.ts';
import { HnswIndex } from './hnsw-index.ts';
import { encodeBinary, readBinaryFile, type NumericArray } from './binary-file.ts';
import { FORMAT_VERSION, MANIFEST, manifestSchema, type Manifest } from './manifest-file.ts';
import { writeFileAtomic } from './layout.ts';
import { loadEmbedder, saveEmbedder, type EmbedderConfig } from '../embedders/registry.ts';

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

const FILES = {
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

/** File name of the chunk segment of one source file (one JSONL file per source). */
export function segmentName(fileKey: string): string {
  return `${createHash('sha1').update(fileKey).digest('hex').slice(0, 20)}.jsonl`;
}

async function readSegment(versionDir: string, fileKey: string, into: Map<number, StoredChunk>): Promise<void> {
  const lines = createInterface({ input: createReadStream(join(versionDir, FILES.chunks, segmentName(fileKey)), 'utf8'), crlfDelay: Infinity });
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

/**
 * Load a version into memory. `lazyChunks` leaves chunk segments on disk until
 * loadSegment asks for them (what an incremental update needs).
 */
export async function loadState(versionDir: string, opts: { embedder?: Embedder; lazyChunks?: boolean } = {}): Promise<IndexState> {
  const manifest = await readManifest(versionDir);
  const docList = JSON.parse(await readFile(join(versionDir, FILES.documents), 'utf8')) as StoredDocument[];
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
  const { header, arrays } = await readBinaryFile<Omit<SerializedBm25, 'fields' | 'present'> & { fieldMeta: Record<string, { totalLength: number }> }>(join(versionDir, FILES.bm25));
  const fields: SerializedBm25['fields'] = {};
  for (const name of header.fieldNames) {
    const meta = header.fieldMeta[name]!;
    fields[name] = {
      terms: new TextDecoder().decode(arrays[`${name}.terms`] as Uint8Array),
      totalLength: meta.totalLength,
      offsets: arrays[`${name}.offsets`] as Uint32Array,
      labels: arrays[`${name}.labels`] as Uint32Array,
      tfs: arrays[`${name}.tfs`] as Uint16Array,
      df: arrays[`${name}.df`] as Int32Array,
      lengths: arrays[`${name}.lengths`] as Int32Array,
    };
  }
  const bm25 = Bm25Index.deserialize({ params: header.params, fieldNames: header.fieldNames, live: header.live, present: arrays.present as Uint32Array, fields });
  const embedder = opts.embedder ?? (await loadEmbedder(manifest.embedder, join(versionDir, FILES.embedder)));
  if (embedder.id !== manifest.embedder.id || embedder.dimension !== manifest.embedder.dimension) {
    throw new AppError('EMBEDDER_MISMATCH', `index built with ${manifest.embedder.id}/${manifest.embedder.dimension}, got ${embedder.id}/${embedder.dimension}`);
  }
  const liveLabels = docList.flatMap((d) => d.labels);
  const vectors = await HnswIndex.load(join(versionDir, FILES.vectors), manifest.embedder.dimension, { liveLabels });
  if (docs.size !== manifest.counts.documents || liveLabels.length !== manifest.counts.chunks || (!opts.lazyChunks && chunks.size !== liveLabels.length)) {
    throw new AppError('INDEX_CORRUPT', `counts differ from manifest in ${versionDir}`);
  }
  return {
    manifest, docs, chunks, bm25, vectors, embedder, sourceDir: versionDir,
    ...(opts.embedder ? {} : { embedderDir: join(versionDir, FILES.embedder) }),
    ...(segments.size ? { unloadedSegments: segments } : {}),
  };
}

/** Hard-link (or, across devices, copy) every file of `from` into `to`. */
async function linkDir(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const name of await readdir(from)) {
    await link(join(from, name), join(to, name)).catch(() => copyFile(join(from, name), join(to, name)));
  }
}

/** Write every file of a version; the manifest goes last so its presence marks completeness. */
export async function saveState(state: IndexState, versionDir: string, embedderConfig?: EmbedderConfig): Promise<void> {
  const docs = [...state.docs.values()].sort((a, b) => a.id.localeCompare(b.id));
  await writeFileAtomic(join(versionDir, FILES.documents), JSON.stringify(docs));
  // One segment per source file: rewrite what was loaded or added, link the rest.
  const bySegment = new Map<string, StoredChunk[]>();
  for (const c of state.chunks.values()) {
    const file = state.docs.get(c.docId)?.file;
    if (file === undefined) continue;
    let list = bySegment.get(file);
    if (!list) bySegment.set(file, (list = []));
    list.push(c);
  }
  const chunkDir = join(versionDir, FILES.chunks);
  await mkdir(chunkDir, { recursive: true });
  for (const key of Object.keys(state.manifest.files)) {
    const target = join(chunkDir, segmentName(key));
    if (state.unloadedSegments?.has(key)) {
      const from = join(state.sourceDir!, FILES.chunks, segmentName(key));
      await link(from, target).catch(() => copyFile(from, target));
      continue;
    }
    const list = bySegment.get(key);
    if (!list?.length) continue;
    list.sort((a, b) => a.label - b.label);
    await writeFileAtomic(target, list.map((c) => rawChunkLines.get(c) ?? JSON.stringify(c)).join('\n') + '\n');
  }
  const ser = state.bm25.serialize();
  const arrays: Record<string, NumericArray> = { present: ser.present };
  const fieldMeta: Record<string, { totalLength: number }> = {};
  for (const [name, f] of Object.entries(ser.fields)) {
    arrays[`${name}.offsets`] = f.offsets;
    arrays[`${name}.labels`] = f.labels;
    arrays[`${name}.tfs`] = f.tfs;
    arrays[`${name}.df`] = f.df;
    arrays[`${name}.lengths`] = f.lengths;
    arrays[`${name}.terms`] = new TextEncoder().encode(f.terms);
    fieldMeta[name] = { totalLength: f.totalLength };
  }
  await writeFileAtomic(join(versionDir, FILES.bm25), encodeBinary({ params: ser.params, fieldNames: ser.fieldNames, live: ser.live, fieldMeta }, arrays));
  await state.vectors.save(join(versionDir, FILES.vectors));
  let spec = state.manifest.embedder;
  if (state.embedderDir) await linkDir(state.embedderDir, join(versionDir, FILES.embedder));
  else spec = await saveEmbedder(state.embedder, join(versionDir, FILES.embedder), embedderConfig);
  const manifest: Manifest = {
    ...state.manifest,
    formatVersion: FORMAT_VERSION,
    embedder: spec,
    counts: { documents: state.docs.size, chunks: [...state.docs.values()].reduce((n, d) => n + d.labels.length, 0) },
  };
  state.manifest = manifest;
  await writeFileAtomic(join(versionDir, MANIFEST), JSON.stringify(manifest, null, 1));
}
