/**
 * `GET /api/documents…`: the documents the caller may see, one document with its
 * sections, one section's text with its neighbours, and a page of a document's sections
 * with their texts around a cited one (the widget's source panel and the source view,
 * each in one request).
 */
import { Audience, DocumentStatus, DocumentType } from './values.ts';
import { z } from './zod.ts';

/** How a document's text was obtained (core/model.ts ExtractionReport): shown to admins only. */
export const Extraction = z.object({
  pages: z.number().int(),
  ocrPages: z.array(z.number().int()).openapi({ description: 'Các trang được nhận dạng chữ (OCR), đánh số từ 1' }),
  pageConfidence: z.array(z.number()).openapi({ description: 'Độ tin cậy OCR (0–100) của từng trang trong ocrPages' }),
  meanConfidence: z.number().optional(),
  lowConfidencePages: z.array(z.number().int()).openapi({ description: 'Trang có độ tin cậy thấp, cần người kiểm tra' }),
  toneRepairs: z.number().int().optional(),
  engine: z.string().optional(),
  warnings: z.array(z.string()),
}).openapi('Extraction');
export type Extraction = z.infer<typeof Extraction>;

export const DocumentSummary = z.object({
  id: z.string(),
  sourceId: z.string(),
  title: z.string(),
  type: DocumentType,
  number: z.string().optional(),
  issuer: z.string().optional(),
  issuedDate: z.string().optional(),
  status: DocumentStatus,
  supersededBy: z.string().optional(),
  audience: Audience,
  chunkCount: z.number().int(),
  extraction: Extraction.optional().openapi({ description: 'Chỉ trả cho quản trị viên: số trang, trang OCR, độ tin cậy, cảnh báo' }),
}).openapi('DocumentSummary');
export type DocumentSummary = z.infer<typeof DocumentSummary>;

export const DocumentListQuery = z.object({
  q: z.string().max(200).optional().openapi({ description: 'Lọc theo tên, số ký hiệu (không phân biệt dấu)' }),
  type: DocumentType.optional(),
  status: DocumentStatus.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
}).strict();
/** The query as a client writes it (numbers may be strings; defaults apply). */
export type DocumentListQuery = z.input<typeof DocumentListQuery>;

export const DocumentList = z.object({
  total: z.number().int(),
  offset: z.number().int(),
  documents: z.array(DocumentSummary).openapi({ description: 'Mới nhất trước' }),
}).openapi('DocumentList');
export type DocumentList = z.infer<typeof DocumentList>;

/** A passage of a section read as an instruction planted in the document (core/model.ts InstructionFlag): admins only. */
export const InstructionFlag = z.object({
  category: z.enum(['assistant-directive', 'private-payment', 'documents-over-chat', 'fast-track-contact']),
  label: z.string().openapi({ description: 'Loại nội dung bị gắn cờ, bằng tiếng Việt' }),
  rule: z.string(),
  start: z.number().int().openapi({ description: 'Vị trí bắt đầu (ký tự) trong text của đoạn' }),
  end: z.number().int(),
}).openapi('InstructionFlag');
export type InstructionFlag = z.infer<typeof InstructionFlag>;

/** One section (chunk) of a document, without its text. */
export const Section = z.object({
  ordinal: z.number().int(),
  chunkId: z.string(),
  section: z.string(),
  headingTrail: z.array(z.string()),
  page: z.number().int().optional(),
  instructionFlags: z.array(InstructionFlag).optional().openapi({
    description: 'Chỉ trả cho quản trị viên: các câu đọc như lời chỉ dẫn cài vào văn bản (không bao giờ trích cho người dân; với người dân, các câu này bị lược khỏi text)',
  }),
}).openapi('Section');
export type Section = z.infer<typeof Section>;

/** A document's metadata, without its sections. */
export const DocumentInfo = DocumentSummary.extend({
  effectiveDate: z.string().optional(),
  supersedes: z.array(z.string()).optional(),
  extra: z.record(z.string()).optional(),
}).openapi('DocumentInfo');
export type DocumentInfo = z.infer<typeof DocumentInfo>;

export const DocumentDetail = DocumentInfo.extend({
  sections: z.array(Section),
}).openapi('DocumentDetail');
export type DocumentDetail = z.infer<typeof DocumentDetail>;

export const ChunkView = z.object({
  document: DocumentSummary,
  chunk: Section.extend({ text: z.string() }),
  previous: Section.optional(),
  next: Section.optional(),
}).openapi('ChunkView');
export type ChunkView = z.infer<typeof ChunkView>;

/** Largest page of {@link DocumentView}, in sections (at most 1,200 characters each). */
export const VIEW_MAX_LIMIT = 200;

export const DocumentViewQuery = z.object({
  chunk: z.coerce.number().int().min(0).optional()
    .openapi({ description: 'Số thứ tự của đoạn được trích dẫn (phần sau dấu # của chunkId): không có offset thì trang bao quanh đoạn này' }),
  offset: z.coerce.number().int().min(0).optional()
    .openapi({ description: 'Vị trí (từ 0) của đoạn đầu trang; mặc định: trang bao quanh đoạn được trích dẫn, hoặc đầu văn bản' }),
  limit: z.coerce.number().int().min(1).max(VIEW_MAX_LIMIT).default(60).openapi({ description: 'Số đoạn trong trang (1–200, mặc định 60)' }),
}).strict();
/** The query as a client writes it (numbers may be strings; defaults apply). */
export type DocumentViewQuery = z.input<typeof DocumentViewQuery>;

/** One section with its text. */
export const SectionText = Section.extend({ text: z.string() }).openapi('SectionText');
export type SectionText = z.infer<typeof SectionText>;

export const DocumentView = z.object({
  document: DocumentInfo,
  total: z.number().int().openapi({ description: 'Số đoạn của văn bản' }),
  offset: z.number().int().openapi({ description: 'Vị trí (từ 0) của đoạn đầu tiên trong trang' }),
  sections: z.array(SectionText).openapi({ description: 'Các đoạn của trang, theo thứ tự trong văn bản' }),
  cited: z.object({
    ordinal: z.number().int(),
    position: z.number().int().openapi({ description: 'Vị trí (từ 0) của đoạn được trích dẫn trong văn bản' }),
  }).optional().openapi({ description: 'Đoạn được trích dẫn (khi chunk có trong văn bản)' }),
}).openapi('DocumentView');
export type DocumentView = z.infer<typeof DocumentView>;
