/**
 * The data model shared by ingestion, retrieval and the server (DESIGN.md, "Data model").
 * Plain data only: every value here must survive a JSON round trip.
 */
import type { ProcedureFacts } from './structure/procedure-facts.ts';

export { DOCUMENT_TYPES, type DocumentType } from './document-types.ts';
import type { DocumentType } from './document-types.ts';

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
  /**
   * What this text says it does to other texts ("thay thế …", "bãi bỏ …", "sửa đổi, bổ
   * sung …", "… hết hiệu lực"), read from its clauses at ingest (core/structure/relations/).
   */
  relations?: DocumentRelation[];
  audience: Audience;
  /** Free extra fields (procedure level, field of activity …). */
  extra?: Record<string, string>;
  /** How the text was obtained (pages, OCR, confidence, warnings), for the admin; set by the loaders. */
  extraction?: ExtractionReport;
  /**
   * What the document's own text says in its header, signature and `Nơi nhận` blocks, each
   * fact with where it was read. The fields above are the effective values (a sidecar wins);
   * these are the text's, for answers cited to "the header". Absent for records (TTHC, ALQAC).
   */
  header?: DocumentHeader;
  /** For a TTHC procedure: its fee, time and place as typed fields, parsed at ingest. */
  procedure?: ProcedureFacts;
}

/**
 * What a loader knows about how it got a document's text: shown to the admin per file so
 * that a badly recognised scan is checked by a person before it is relied on.
 */
export interface ExtractionReport {
  /** Pages of the source (PDF pages, TIFF pages; 1 for a single image); 0 when the format has none. */
  pages: number;
  /** 1-based numbers of the pages whose text was recognised from the image (OCR). */
  ocrPages: number[];
  /** Mean OCR confidence (0–100) of each page of `ocrPages`, in the same order. */
  pageConfidence: number[];
  /** Mean OCR confidence over the OCR'd pages, weighted by characters; absent without OCR. */
  meanConfidence?: number;
  /** OCR'd pages whose confidence is under the threshold: an admin should read them. */
  lowConfidencePages: number[];
  /** Words whose marks were repaired after OCR: tone repair (core/ocr/tone-repair.ts) and word-pair repair (core/ocr/pair-repair.ts). */
  toneRepairs?: number;
  /** The OCR engine, e.g. `tesseract 5.3.0 (vie)`. */
  engine?: string;
  /** Notes for the admin, in Vietnamese (a page turned upright, a page given up for time …). */
  warnings: string[];
}

/** Where a fact of a document's header was read. */
export interface FactSource {
  /** The block, which is also the `kind` of the chunk that shows it. */
  block: 'header' | 'signature' | 'recipients';
  /** 0-based line of the document's cleaned text (one paragraph per line). */
  line: number;
}

/**
 * A document's header facts as written (Decree 30/2020/NĐ-CP layout). Only what the text
 * holds: a số ký hiệu or date left blank, or lost in extraction, stays absent.
 */
export interface DocumentHeader {
  /** From the type heading (`THÔNG BÁO` → `thông báo`), or `công văn` for a `V/v` line. */
  type?: DocumentType;
  /** Số ký hiệu (`114/TB-SKHCN`). */
  number?: string;
  /** ISO date of the place-date line. */
  date?: string;
  /** Place of the place-date line (`Quảng Ngãi`). */
  place?: string;
  /** Cơ quan ban hành as its header names it (`Sở Khoa học và Công nghệ`). */
  issuer?: string;
  /** Cơ quan chủ quản, above the issuer (`Ủy ban nhân dân tỉnh Quảng Ngãi`). */
  parentBody?: string;
  /** Trích yếu: the subject under the type heading or after `V/v`. */
  subject?: string;
  /** The enacting authority line of a quyết định (`CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI`). */
  authority?: string;
  /** Addressees after `Kính gửi:`. */
  addressees?: string[];
  /** True when Quốc hiệu and Tiêu ngữ are written. */
  nationalMotto?: boolean;
  /** How the signer signs: `KT.` (ký thay), `TM.` (thay mặt), `TL.` (thừa lệnh), `TUQ.`, `Q.`. */
  signingAuthority?: string;
  /** The authority lines in full (`TL. CHỦ TỊCH`, `KT. CHÁNH VĂN PHÒNG`). */
  signingFor?: string[];
  /** The signer's title (`PHÓ GIÁM ĐỐC`). */
  signerTitle?: string;
  /** The signer's name (`Nguyễn Trọng Tâm`). */
  signer?: string;
  /** Nơi nhận, one item each (`Bộ KH&CN (báo cáo)`, `Lưu: VT, CN&CN`). */
  recipients?: string[];
  /** Where each present fact was read. */
  sources: Partial<Record<DocumentHeaderFact, FactSource>>;
}

export type DocumentHeaderFact = Exclude<keyof DocumentHeader, 'sources'>;

/** What one text does to another: replaces, repeals, amends (some parts) or ends it. */
export type RelationKind = 'replaces' | 'repeals' | 'amends' | 'expires';

/** The text a relation names, as its clause writes it. */
export interface RelationTarget {
  /** Số ký hiệu as written (`1287/QĐ-UBND`, `15/2021/QĐ-UBND`). */
  number: string;
  /** Type word in lower case (`quyết định`, `thông tư liên tịch`), when written. */
  docType?: string;
  /** The year in the number, else the year of `date`. */
  year?: number;
  /** Issue date of the target (ISO), when the clause writes it. */
  date?: string;
  /** Issuer as written (`UBND tỉnh`), when named. */
  issuer?: string;
}

/** One relation clause of a document (see {@link DocumentMeta.relations}). */
export interface DocumentRelation {
  kind: RelationKind;
  target: RelationTarget;
  /** Units concerned (`khoản 2 Điều 3`, `Phụ lục I`); empty for the whole text or unnamed parts. */
  parts: string[];
  /** ISO day the relation takes effect, when the text lets one say. */
  from?: string;
  /** The clause, shortened, for the admin who confirms the link. */
  quote: string;
}

/**
 * A relation of another indexed document that names this one, linked at read time by
 * normalised number (core/inforce/); never stored in the index.
 */
export interface DocumentChange {
  kind: RelationKind;
  /** The document whose clause it is. */
  byId: string;
  /** How that document is named ("Quyết định số 2318/QĐ-UBND ngày 20/10/2026"). */
  byLabel: string;
  parts: string[];
  /** ISO day it takes effect; absent when neither the clause nor the document says. */
  from?: string;
  /** Whether an admin confirmed the link (an automatic link is used until rejected). */
  confirmed: boolean;
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
  /** Set when documents are read (linked relations of other documents); not stored. */
  changedBy?: DocumentChange[];
}

/**
 * What a chunk holds when it is not running text (absent: the document's body):
 * - `header`: the header block (`Phần đầu văn bản`): issuer, số, place-date, type, trích yếu;
 * - `signature`: the signature block (`Chữ ký`); `recipients`: the `Nơi nhận` list;
 * - `footnote`: one footnote, labelled with the section that cites it;
 * - `table-row`: one row of a table read back from a flattened extraction;
 * - `outline`: a bare heading with the headings of its subsections (what "… gồm những gì?" asks);
 * - `closing`: the closing formula ending the body (`Nay thông báo … thực hiện./.`).
 */
export type ChunkKind = 'header' | 'signature' | 'recipients' | 'footnote' | 'table-row' | 'outline' | 'closing';

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
  /** Absent for body text; see ChunkKind. */
  kind?: ChunkKind;
  /** Footnotes whose markers fall in this chunk's text, in order. */
  notes?: Array<{ marker: string; text: string }>;
  /** True when the text begins inside a paragraph begun by the previous chunk (a long paragraph split). */
  continues?: boolean;
  /**
   * Passages of `text` that read as instructions planted in the document (core/guard/
   * planted-instructions.ts), flagged at ingest: shown to admins, never quoted to citizens.
   */
  instructionFlags?: InstructionFlag[];
}

/** A flagged passage of a chunk: `text.slice(start, end)`, its kind and the rule that matched. */
export interface InstructionFlag {
  category: 'assistant-directive' | 'private-payment' | 'documents-over-chat' | 'fast-track-contact';
  rule: string;
  start: number;
  end: number;
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
