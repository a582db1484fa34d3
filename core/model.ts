/**
 * The data model shared by ingestion, retrieval and the server (DESIGN.md, "Data model").
 * Plain data only: every value here must survive a JSON round trip.
 */
import type { ProcedureFacts } from './structure/procedure-facts.ts';

/** Kinds of document the product knows; `khác` is the honest fallback. */
export const DOCUMENT_TYPES = [
  'luật', 'bộ luật', 'nghị định', 'nghị quyết', 'thông tư', 'quyết định', 'chỉ thị', 'kế hoạch',
  'báo cáo', 'thông báo', 'công văn', 'tờ trình', 'chương trình', 'hướng dẫn', 'phụ lục',
  'thủ tục', 'khác',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export type Audience = 'public' | 'internal';
export type DocumentStatus = 'in_force' | 'superseded' | 'expired';

/** Metadata of one document, extracted from its text and overridable by a sidecar file. */
export interface DocumentMeta {
  title: string;
  type: DocumentType;
  /** Số ký hiệu, e.g. `83/KH-UBND`, `14/2021/NQ-HĐND`, or a TTHC code for procedures. */
  number?: string;
  issuer?: string;
  /** ISO date `YYYY-MM-DD`. */
  issuedDate?: string;
  effectiveDate?: string;
  /** Place written before the date (`Quảng Ngãi, ngày …`). */
  place?: string;
  status: DocumentStatus;
  /** Ids or numbers of documents this one replaces. */
  supersedes?: string[];
  /** Id or number of the document that replaced this one. */
  supersededBy?: string;
  audience: Audience;
  /** Free extra fields (procedure level, field of activity …). */
  extra?: Record<string, string>;
  /** For a TTHC procedure: its fee, time and place as typed fields, parsed at ingest. */
  procedure?: ProcedureFacts;
}

/** A document as indexed. */
export interface DocumentRecord extends DocumentMeta {
  /** Stable internal id (derived from the source id). */
  id: string;
  /** The original id: file name relative to the ingest root, JSONL `id`/`doc_id`, or TTHC code. */
  sourceId: string;
  /** Where it came from: file path, or `file.jsonl#line`. */
  source: string;
  /** sha256 of the source content, hex. */
  contentHash: string;
  chunkCount: number;
}

/** One retrievable passage. */
export interface Chunk {
  /** `${docId}#${ordinal}` */
  id: string;
  docId: string;
  /** Machine path of the section, e.g. `['II', '4', 'b']` or `['Điều 5', 'khoản 2']`. */
  sectionPath: string[];
  /** Human label: `Mục II.4.b`, `Điều 5 khoản 2`, `Lệ phí`. */
  sectionLabel: string;
  /** Headings from the top of the document down to this chunk. */
  headingTrail: string[];
  text: string;
  /** Character offsets into the document's normalised text, when known. */
  start?: number;
  end?: number;
  /** 1-based page of the chunk's start, when the source has pages. */
  page?: number;
}

/** A citation attached to an answer (DESIGN.md, `/api/chat`). */
export interface Citation {
  n: number;
  docId: string;
  sourceId: string;
  title: string;
  number?: string;
  /** ISO issue date of the document, when known. */
  issuedDate?: string;
  /** How the document is named in Vietnamese: "Kế hoạch số 83/KH-UBND ngày 04/6/2021". */
  label?: string;
  section: string;
  quote: string;
  link?: string;
}
