/**
 * The read side of an index directory: open the active version as a Corpus that
 * answerers and the server search (core/search/hybrid-search.ts).
 */
import { join, resolve } from 'node:path';
import { AppError } from '../../core/errors.ts';
import type { Chunk } from '../../core/model.ts';
import type { Embedder } from '../../core/ports.ts';
import { hybridSearch } from '../../core/search/hybrid-search.ts';
import type { Corpus } from '../../core/search/types.ts';
import { readCurrent, versionsDir } from './layout.ts';
import { loadState, type IndexState, type StoredChunk, type StoredDocument } from './index-state.ts';

export type { SearchHit, SearchOptions } from '../../core/search/types.ts';

export interface OpenIndex extends Corpus {
  readonly version: string;
  readonly state: IndexState;
  document(id: string): StoredDocument | undefined;
  chunk(label: number): StoredChunk | undefined;
}

/** Open the active version of an index directory. */
export async function openIndex(indexDir: string, opts: { embedder?: Embedder } = {}): Promise<OpenIndex> {
  const dir = resolve(indexDir);
  const version = await readCurrent(dir);
  if (!version) throw new AppError('INDEX_NOT_FOUND', `no published index in ${dir}`);
  const state = await loadState(join(versionsDir(dir), version), opts);
  const parts = {
    bm25: state.bm25,
    vectors: state.vectors,
    embedder: state.embedder,
    chunk: (label: number) => state.chunks.get(label),
    document: (id: string) => state.docs.get(id),
  };
  return {
    version,
    state,
    document: (id) => state.docs.get(id),
    chunk: (label) => state.chunks.get(label),
    chunksOf: (docId): Chunk[] => (state.docs.get(docId)?.labels ?? []).map((l) => state.chunks.get(l)!).filter(Boolean),
    search: (query, o) => hybridSearch(parts, query, o),
    termStats: (term) => ({ df: state.bm25.docFreq('folded', term), n: state.bm25.size }),
  };
}
