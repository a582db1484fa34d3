/**
 * `GET /api/documents…`: the documents the caller may see, one document with its
 * sections, and one section's text with its neighbours (the source view).
 */
import { Audience, DocumentStatus, DocumentType } from './values.ts';
import { z } from './zod.ts';

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

/** One section (chunk) of a document, without its text. */
export const Section = z.object({
  ordinal: z.number().int(),
  chunkId: z.string(),
  section: z.string(),
  headingTrail: z.array(z.string()),
  page: z.number().int().optional(),
}).openapi('Section');
export type Section = z.infer<typeof Section>;

export const DocumentDetail = DocumentSummary.extend({
  effectiveDate: z.string().optional(),
  supersedes: z.array(z.string()).optional(),
  extra: z.record(z.string()).optional(),
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
