/**
 * The read side of an index directory: open the active version as a Corpus that
 * answerers and the server search (core/search/hybrid-search.ts). The version is held in
 * shared memory (index/served-state.ts): answer worker threads open the main thread's
 * copy (`shared`, then `openIndex(dir, { version, from })`) instead of loading their own.
 */
import { join, resolve } from 'node:path';
import { AppError } from '../core/errors.ts';
import type { Chunk } from '../core/model.ts';
import type { Embedder } from '../core/ports.ts';
import { hybridSearch } from '../core/search/hybrid-search.ts';
import type { Corpus } from '../core/search/types.ts';
import { readCurrent, versionsDir } from './layout.ts';
import type { StoredChunk, StoredDocument } from './index-state.ts';
import { loadServedState, type ServedState, type SharedIndexParts } from './served-state.ts';

export type { SearchHit, SearchOptions } from '../core/search/types.ts';

export interface OpenIndex extends Corpus {
  readonly version: string;
  readonly state: ServedState;
  /** The shared memory of this version, to hand to a worker thread (posting shares it). */
  readonly shared: SharedIndexParts;
  document(id: string): StoredDocument | undefined;
  chunk(label: number): StoredChunk | undefined;
}

export interface OpenIndexOptions {
  /** The version to open (default: the active one, CURRENT). */
  version?: string;
  embedder?: Embedder;
  /**
   * The effective record of a document, e.g. with an admin's metadata overrides applied at
   * read time (audience, status). Every lookup goes through it, search filters included.
   */
  view?: (doc: StoredDocument) => StoredDocument;
  /** Another thread's copy of this same version (its `shared`), opened without a copy. */
  from?: SharedIndexParts;
  /**
   * The version served so far: the files the new version shares with it (linked chunk
   * segments, an unchanged embedder) are taken from it instead of read again.
   */
  previous?: OpenIndex;
}

/** Open the active version of an index directory (or the version named in `opts`). */
export async function openIndex(indexDir: string, opts: OpenIndexOptions = {}): Promise<OpenIndex> {
  const dir = resolve(indexDir);
  const version = opts.version ?? await readCurrent(dir);
  if (!version) throw new AppError('INDEX_NOT_FOUND', `no published index in ${dir}`);
  const state = await loadServedState(join(versionsDir(dir), version), {
    ...(opts.embedder ? { embedder: opts.embedder } : {}),
    ...(opts.from ? { from: opts.from } : {}),
    ...(opts.previous ? { previous: opts.previous.state } : {}),
  });
  const { view } = opts;
  const document = view
    ? (id: string) => {
      const d = state.docs.get(id);
      return d && view(d);
    }
    : (id: string) => state.docs.get(id);
  // Which document each label belongs to, without parsing its chunk (search filters ask
  // it of every candidate).
  const owners: string[] = [];
  for (const d of state.docs.values()) for (const label of d.labels) owners[label] = d.id;
  const parts = {
    docIdOf: (label: number) => owners[label],
    bm25: state.bm25,
    vectors: state.vectors,
    embedder: state.embedder,
    chunk: (label: number) => state.chunks.get(label),
    document,
  };
  return {
    version,
    state,
    shared: state.shared,
    document,
    chunk: (label) => state.chunks.get(label),
    chunksOf: (docId): Chunk[] => (state.docs.get(docId)?.labels ?? []).map((l) => state.chunks.get(l)!).filter(Boolean),
    search: (query, o) => hybridSearch(parts, query, o),
    termStats: (term) => ({ df: state.bm25.docFreq('folded', term), n: state.bm25.size }),
  };
}
