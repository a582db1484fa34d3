/**
 * The read side of an index directory: open the active version as a Corpus that
 * answerers and the server search (core/search/hybrid-search.ts).
 */
import { join, resolve } from 'node:path';
import { AppError } from '../core/errors.ts';
import type { Chunk } from '../core/model.ts';
import type { Embedder } from '../core/ports.ts';
import { hybridSearch } from '../core/search/hybrid-search.ts';
import type { Corpus } from '../core/search/types.ts';
import { readCurrent, versionsDir } from './layout.ts';
import { loadState, type IndexState, type StoredChunk, type StoredDocument } from './index-state.ts';

export type { SearchHit, SearchOptions } from '../core/search/types.ts';

export interface OpenIndex extends Corpus {
  readonly version: string;
  readonly state: IndexState;
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
}

/** Open the active version of an index directory (or the version named in `opts`). */
export async function openIndex(indexDir: string, opts: OpenIndexOptions = {}): Promise<OpenIndex> {
  const dir = resolve(indexDir);
  const version = opts.version ?? await readCurrent(dir);
  if (!version) throw new AppError('INDEX_NOT_FOUND', `no published index in ${dir}`);
  const state = await loadState(join(versionsDir(dir), version), opts.embedder ? { embedder: opts.embedder } : {});
  const { view } = opts;
  const document = view
    ? (id: string) => {
      const d = state.docs.get(id);
      return d && view(d);
    }
    : (id: string) => state.docs.get(id);
  const parts = {
    bm25: state.bm25,
    vectors: state.vectors,
    embedder: state.embedder,
    chunk: (label: number) => state.chunks.get(label),
    document,
  };
  return {
    version,
    state,
    document,
    chunk: (label) => state.chunks.get(label),
    chunksOf: (docId): Chunk[] => (state.docs.get(docId)?.labels ?? []).map((l) => state.chunks.get(l)!).filter(Boolean),
    search: (query, o) => hybridSearch(parts, query, o),
    termStats: (term) => ({ df: state.bm25.docFreq('folded', term), n: state.bm25.size }),
  };
}
