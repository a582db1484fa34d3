/**
 * Ports: the small interfaces core depends on. Adapters live beside their users
 * (ingest/, server/); honest fakes ship beside the ports for tests.
 */
import type { DocumentMeta } from './model.ts';

/**
 * Turns text into dense vectors. Implementations must return unit-length vectors, except
 * that a text carrying nothing the embedder knows (e.g. only words unseen by a corpus-fitted
 * model) may get the all-zero vector, which scores 0 against everything.
 */
export interface Embedder {
  /** Stable id saved in the index manifest, e.g. `lsa-256@<hash>` or `transformers:<model>`. */
  readonly id: string;
  readonly dimension: number;
  embedDocuments(texts: string[]): Promise<Float32Array[]>;
  embedQuery(text: string): Promise<Float32Array>;
}

/**
 * A nearest-neighbour index over unit vectors. Higher score means more similar (the cosine,
 * 1 for the vector itself). Wrong-dimension vectors throw AppError INVALID_ARGUMENT; k beyond
 * the size returns everything; removed labels never come back.
 */
export interface VectorIndex {
  readonly dimension: number;
  readonly size: number;
  add(label: number, vector: Float32Array): void;
  remove(label: number): void;
  search(query: Float32Array, k: number): Array<{ label: number; score: number }>;
}

/** What a loader produces from one source, before structure parsing. */
export interface LoadedDocument {
  /** Original id: relative file name, JSONL id, TTHC code. */
  sourceId: string;
  /** Human-readable origin for messages: path, or `path#line`. */
  source: string;
  /** Raw text (already decoded to a JS string). */
  text: string;
  /** Page texts, when the format has pages (PDF). `text` is their join. */
  pages?: string[];
  /** Metadata known from the source itself (JSONL fields, TTHC fields, sidecar). */
  meta?: Partial<DocumentMeta>;
  /**
   * Which structure parser applies; `sheet` documents come with their passages (one per
   * spreadsheet row) already cut and are not re-chunked.
   */
  kind: 'document' | 'legal-article' | 'procedure' | 'sheet';
  /**
   * Footnotes and endnotes the format keeps apart from the body (Word, OpenDocument); they
   * are indexed as passages of their own, never spliced into the body text.
   */
  notes?: LoadedNote[];
  /** For `sheet` documents: the passages, each with offsets into `text`. */
  passages?: LoadedPassage[];
  /** For procedures: the parsed catalog record (fields already split). */
  procedure?: Record<string, unknown>;
  /** Page headers and footers that the format keeps apart from the body (Word): read by checks such as secrecy, never indexed. */
  margins?: string[];
  /** For JSONL records: every top-level field holding a string, number or boolean, as text (checks such as secrecy read them). */
  fields?: Record<string, string>;
  contentHash: string;
}

/** A footnote or endnote: its marker as printed (`1`, `i`) and its text. */
export interface LoadedNote {
  kind: 'footnote' | 'endnote';
  marker: string;
  text: string;
}

/**
 * A passage a loader cut itself (a spreadsheet row with its column headers): where it sits
 * (`['Danh mục', 'dòng 5']`), its citable label (`Trang tính “Danh mục”, dòng 5`) and its
 * place in the document's text.
 */
export interface LoadedPassage {
  sectionPath: string[];
  sectionLabel: string;
  headingTrail: string[];
  start: number;
  end: number;
}

/** A problem with one source that was skipped. Never fatal for the run. */
export interface SkippedSource {
  source: string;
  code: string;
  message: string;
}
