/**
 * An in-memory Corpus built with the real pieces (structure parsing and chunking, metadata
 * extraction, the BM25 analyzer, the flat vector index with the fake embedder, hybrid
 * search), for answerer tests. Honest: nothing here knows what a test will ask.
 */
import { FakeEmbedder } from '../../embed/fake-embedder.ts';
import { docIdFor } from '../../ids.ts';
import type { Chunk, DocumentMeta, DocumentRecord } from '../../model.ts';
import { analyzeForIndex } from '../../search/analysis.ts';
import { Bm25Index } from '../../search/bm25.ts';
import { FlatIndex } from '../../search/flat-index.ts';
import { hybridSearch, type SearchParts } from '../../search/hybrid-search.ts';
import { indexTextOf } from '../../search/index-text.ts';
import type { Corpus, SearchHit, SearchOptions, TermStats } from '../../search/types.ts';
import { chunkDocument, MAX_CHUNK_CHARS, MIN_CHUNK_CHARS } from '../../structure/chunker.ts';
import { extractMetadata } from '../../structure/metadata.ts';
import { parseProcedure, procedureChunks } from '../../structure/procedure.ts';
import { cleanExtractedText } from '../../structure/pdf-text.ts';
import { normalizeText } from '../../text/normalize.ts';

/** A document ready to index: its record and its chunks. */
export interface IndexedDocument {
  record: DocumentRecord;
  chunks: Chunk[];
}

function record(sourceId: string, meta: DocumentMeta, chunks: Chunk[], source: string): DocumentRecord {
  return { ...meta, id: docIdFor(sourceId), sourceId, source, contentHash: '', chunkCount: chunks.length };
}

/** A TTHC catalogue record as ingest makes it: metadata from its fields, one chunk per field. */
export function procedureDocument(raw: Record<string, unknown>): IndexedDocument {
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) fields[k] = typeof v === 'string' ? normalizeText(v) : v;
  const code = String(fields.ma_thu_tuc ?? '').trim();
  const id = docIdFor(code);
  const parsed = parseProcedure(fields);
  const meta: DocumentMeta = {
    ...extractMetadata('', { title: String(fields.ten_thu_tuc ?? '').trim(), type: 'thủ tục', number: code, audience: 'public', status: 'in_force' }),
    procedure: parsed.facts,
  };
  const chunks = procedureChunks(id, parsed, '', { max: MAX_CHUNK_CHARS, min: MIN_CHUNK_CHARS });
  return { record: record(code, meta, chunks, `procedures.jsonl#${code}`), chunks };
}

/** A plain-text document (seed, fixture) as ingest makes it: cleaned, metadata extracted, chunked by structure. */
export function textDocument(sourceId: string, text: string, hints: Partial<DocumentMeta> = {}): IndexedDocument {
  const cleaned = cleanExtractedText(normalizeText(text));
  const id = docIdFor(sourceId);
  const meta = extractMetadata(cleaned.text, hints);
  const chunks = chunkDocument({ docId: id, kind: 'document', text: cleaned.text });
  return { record: record(sourceId, meta, chunks, sourceId), chunks };
}

/** The Corpus port over documents held in memory, searched with {@link hybridSearch}. */
export class MemoryCorpus implements Corpus {
  private readonly docs = new Map<string, DocumentRecord>();
  private readonly chunksByDoc = new Map<string, Chunk[]>();
  private readonly labels: Chunk[] = [];
  private readonly bm25 = new Bm25Index(['terms', 'folded']);
  private readonly parts: SearchParts;

  constructor(documents: readonly IndexedDocument[], embedder = new FakeEmbedder(64)) {
    const vectors = new FlatIndex(embedder.dimension);
    for (const { record: doc, chunks } of documents) {
      this.docs.set(doc.id, doc);
      this.chunksByDoc.set(doc.id, chunks);
      for (const chunk of chunks) {
        const label = this.labels.length;
        this.labels.push(chunk);
        const text = indexTextOf(doc, chunk);
        this.bm25.add(label, analyzeForIndex(text));
        vectors.add(label, embedder.embed(text));
      }
    }
    this.parts = {
      bm25: this.bm25, vectors, embedder,
      chunk: (label) => this.labels[label],
      document: (id) => this.docs.get(id),
    };
  }

  search(query: string, opts?: SearchOptions): Promise<SearchHit[]> {
    return hybridSearch(this.parts, query, opts);
  }

  document(docId: string): DocumentRecord | undefined {
    return this.docs.get(docId);
  }

  chunksOf(docId: string): Chunk[] {
    return this.chunksByDoc.get(docId) ?? [];
  }

  chunk(label: number): Chunk | undefined {
    return this.labels[label];
  }

  termStats(term: string): TermStats {
    return { df: this.bm25.docFreq('folded', term), n: this.bm25.size };
  }

  /** BM25 idf of a folded term, for answerers weighting question terms by rarity. */
  idf(foldedTerm: string): number {
    return this.bm25.idf('folded', foldedTerm);
  }
}
