/**
 * Request and response schemas of the REST API. The same zod schemas validate requests
 * and generate the OpenAPI description (server/http/openapi.ts), so the two cannot drift.
 */
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { DRAFT_TYPES } from '../../core/drafting/model.ts';
import { DOCUMENT_TYPES } from '../../core/model.ts';

extendZodWithOpenApi(z);

/** Longest question accepted (characters); longer ones are refused with a clear message. */
export const MAX_QUESTION_CHARS = 2000;

const question = z.string({ required_error: 'thiếu nội dung câu hỏi', invalid_type_error: 'câu hỏi phải là chuỗi ký tự' })
  .max(MAX_QUESTION_CHARS, `câu hỏi dài quá ${MAX_QUESTION_CHARS.toLocaleString('vi-VN')} ký tự, bạn vui lòng rút gọn`);

export const ErrorBody = z.object({
  ok: z.literal(false),
  code: z.string().openapi({ example: 'RATE_LIMITED' }),
  message: z.string().openapi({ example: 'Bạn gửi yêu cầu quá nhanh; vui lòng đợi một lát rồi thử lại.' }),
}).passthrough().openapi('Error');

export const SearchRequest = z.object({
  query: question.openapi({ example: 'đăng ký thường trú cần giấy tờ gì' }),
  k: z.number().int().min(1).max(50).optional().openapi({ description: 'Số kết quả (1–50, mặc định 10)' }),
}).strict().openapi('SearchRequest');

export const SearchResponse = z.object({
  results: z.array(z.object({
    docId: z.string(), sourceId: z.string(), title: z.string(), section: z.string(), score: z.number(), text: z.string(),
  })),
}).openapi('SearchResponse');

export const ConversationId = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'mã hội thoại không hợp lệ');

export const ChatRequest = z.object({
  message: question.openapi({ example: 'Làm căn cước cho con dưới 14 tuổi cần giấy tờ gì?' }),
  conversationId: ConversationId.optional(),
}).strict().openapi('ChatRequest');

export const Citation = z.object({
  n: z.number().int(), docId: z.string(), sourceId: z.string(), title: z.string(), number: z.string().optional(),
  issuedDate: z.string().optional(), label: z.string().optional(), section: z.string(), quote: z.string(),
  link: z.string().optional().openapi({ example: '/sources/1.001193?chunk=1.001193%234' }),
}).openapi('Citation');

export const ChatResponse = z.object({
  answer: z.string(),
  citations: z.array(Citation),
  refused: z.boolean(),
  reason: z.string().optional().openapi({ description: 'Lý do từ chối: NO_SOURCE, STATE_SECRET, PERSONAL_DATA …' }),
  conversationId: z.string(),
  notices: z.array(z.string()),
  nearest: z.array(z.object({
    docId: z.string(), sourceId: z.string(), title: z.string(), label: z.string().optional(), link: z.string(),
  })).optional().openapi({ description: 'Khi từ chối trả lời cán bộ: các văn bản gần nhất đã lập chỉ mục để mở xem' }),
  exchangeId: z.string().openapi({ description: 'Mã lượt hỏi đáp trong nhật ký (dùng cho phản hồi)' }),
}).openapi('ChatResponse');

export const FeedbackRequest = z.object({
  exchangeId: z.string().uuid('mã lượt hỏi đáp không hợp lệ'),
  useful: z.boolean(),
  comment: z.string().max(1000, 'góp ý dài quá 1.000 ký tự').optional(),
}).strict().openapi('FeedbackRequest');

export const DocumentSummary = z.object({
  id: z.string(), sourceId: z.string(), title: z.string(), type: z.enum(DOCUMENT_TYPES), number: z.string().optional(),
  issuer: z.string().optional(), issuedDate: z.string().optional(), status: z.enum(['in_force', 'superseded', 'expired']),
  supersededBy: z.string().optional(), audience: z.enum(['public', 'internal']), chunkCount: z.number().int(),
}).openapi('DocumentSummary');

export const DocumentList = z.object({
  total: z.number().int(), offset: z.number().int(), documents: z.array(DocumentSummary),
}).openapi('DocumentList');

export const DocumentListQuery = z.object({
  q: z.string().max(200).optional().openapi({ description: 'Lọc theo tên, số ký hiệu (không phân biệt dấu)' }),
  type: z.enum(DOCUMENT_TYPES).optional(),
  status: z.enum(['in_force', 'superseded', 'expired']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
}).strict();

export const Section = z.object({ ordinal: z.number().int(), chunkId: z.string(), section: z.string(), headingTrail: z.array(z.string()), page: z.number().int().optional() });

export const DocumentDetail = DocumentSummary.extend({
  effectiveDate: z.string().optional(), supersedes: z.array(z.string()).optional(), extra: z.record(z.string()).optional(),
  sections: z.array(Section),
}).openapi('DocumentDetail');

export const ChunkView = z.object({
  document: DocumentSummary,
  chunk: Section.extend({ text: z.string() }),
  previous: Section.optional(),
  next: Section.optional(),
}).openapi('ChunkView');

export const MetadataPatch = z.object({
  audience: z.enum(['public', 'internal']).optional(),
  status: z.enum(['in_force', 'superseded', 'expired']).optional(),
  supersedes: z.array(z.string().min(1).max(200)).max(50).optional(),
  supersededBy: z.string().min(1).max(200).optional(),
}).strict().refine((p) => Object.keys(p).length > 0, 'cần ít nhất một trường: audience, status, supersedes, supersededBy').openapi('MetadataPatch');

export const ReindexRequest = z.object({ rebuild: z.boolean().optional() }).strict().openapi('ReindexRequest');

export const Job = z.object({
  id: z.string(), kind: z.literal('reindex'), status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  requestedBy: z.string(), createdAt: z.string(), startedAt: z.string().optional(), finishedAt: z.string().optional(),
  options: z.object({ rebuild: z.boolean().optional() }).passthrough(),
  progress: z.object({ phase: z.string(), sourcesDone: z.number(), sourcesTotal: z.number(), chunks: z.number(), percent: z.number() }).passthrough().optional(),
  summary: z.record(z.unknown()).optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
}).openapi('Job');

export const AuditQueryParams = z.object({
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
  role: z.enum(['citizen', 'official', 'admin']).optional(),
  outcome: z.enum(['answered', 'refused', 'error']).optional(),
  reason: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100_000).default(1000),
  format: z.enum(['json', 'csv']).default('json'),
}).strict();

export const StatsQueryParams = z.object({
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
}).strict();

export const UsageStats = z.object({
  questionsPerDay: z.record(z.number()),
  refusalRateByReason: z.record(z.number()),
  topDocuments: z.array(z.object({ docId: z.string(), count: z.number() })),
  notFound: z.array(z.object({ question: z.string(), count: z.number() })),
}).openapi('UsageStats');

const line = (max: number, what: string) => z.string().trim().min(1, `${what} không được để trống`).max(max, `${what} dài quá ${max} ký tự`);

/** What an official may give for a draft; every field optional (the assistant asks for what is missing). */
export const DraftFieldsInput = z.object({
  type: z.enum(DRAFT_TYPES).optional(),
  superiorBody: line(200, 'cơ quan chủ quản').optional(),
  issuingBody: line(200, 'cơ quan ban hành').optional(),
  issuingBodyCode: line(40, 'chữ viết tắt cơ quan').optional(),
  issuingBodyName: line(200, 'tên cơ quan trong câu văn').optional(),
  draftingUnitCode: line(40, 'chữ viết tắt đơn vị soạn thảo').optional(),
  number: line(40, 'số văn bản').optional(),
  place: line(100, 'địa danh').optional(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày phải có dạng YYYY-MM-DD').optional(),
  subject: line(500, 'trích yếu').optional(),
  recipients: z.array(line(300, 'nơi nhận')).min(1, 'cần ít nhất một nơi nhận').max(50, 'tối đa 50 nơi nhận').optional(),
  signerTitle: line(200, 'chức vụ người ký').optional(),
  signingAuthority: z.enum(['TM.', 'KT.', 'TL.', 'TUQ.', 'Q.', '']).optional(),
  onBehalfOf: line(200, 'thẩm quyền ký thay').optional(),
  signerName: line(100, 'họ tên người ký').optional(),
  deadline: line(100, 'thời hạn').optional(),
}).strict().openapi('DraftFields');

export const DraftRequest = z.object({
  type: z.enum(DRAFT_TYPES).optional().openapi({ example: 'công văn' }),
  fields: DraftFieldsInput.optional(),
  request: z.string().max(MAX_QUESTION_CHARS, `yêu cầu dài quá ${MAX_QUESTION_CHARS.toLocaleString('vi-VN')} ký tự, bạn vui lòng rút gọn`).optional()
    .openapi({ example: 'Soạn công văn gửi UBND các xã về việc báo cáo kết quả chuyển đổi số năm 2025' }),
}).strict().refine((r) => Boolean(r.request?.trim() || r.type || r.fields?.type), 'cần nêu yêu cầu soạn thảo (request) hoặc loại văn bản (type)')
  .openapi('DraftRequest');

export const FormatFinding = z.object({
  element: z.string(), severity: z.enum(['error', 'warning']), message: z.string(), rule: z.string(),
}).openapi('FormatFinding');

export const DraftDocument = z.object({
  fields: z.record(z.unknown()), numberLine: z.string(), placeDateLine: z.string(), typeName: z.string(), subjectLine: z.string(),
  salutation: z.array(z.string()),
  body: z.array(z.object({ text: z.string(), level: z.number().int(), placeholder: z.boolean().optional(), citations: z.array(z.number().int()).optional() })),
  signature: z.object({ authority: z.string(), title: z.string(), name: z.string() }),
  recipientsBlock: z.array(z.string()), draftMark: z.literal(true), citations: z.array(Citation),
}).openapi('Draft');

export const DraftResponse = z.union([
  z.object({
    status: z.literal('needs_input'),
    questions: z.array(z.object({ field: z.string(), question: z.string() })).openapi({ description: 'Câu hỏi cho những thông tin còn thiếu' }),
    fields: z.record(z.unknown()).openapi({ description: 'Những gì đã biết (từ yêu cầu và các trường đã gửi)' }),
  }),
  z.object({
    status: z.literal('drafted'), id: z.string().uuid(), draft: DraftDocument, findings: z.array(FormatFinding),
    docxUrl: z.string().openapi({ example: '/api/drafts/5f1e0c7a-0000-4000-8000-000000000000.docx' }),
    writtenBy: z.enum(['llm', 'template']).openapi({ description: 'llm: nội dung do mô hình ngôn ngữ viết (đã kiểm tra với nguồn); template: khung mẫu kèm các thông tin trích dẫn' }),
  }),
]).openapi('DraftResponse');

/** The first problem of a failed parse, in Vietnamese, for a 400 body. */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return '';
  if (issue.code === 'unrecognized_keys') return `Trường không được hỗ trợ: ${issue.keys.join(', ')}.`;
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  // Messages written in Vietnamese above pass through; zod's English defaults get a generic Vietnamese one.
  const vietnamese = /[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i.test(issue.message);
  return `${where}${vietnamese ? issue.message : 'giá trị không hợp lệ'}.`;
}
