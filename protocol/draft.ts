/**
 * `POST /api/draft` (officials and admins): the request in the official's words and/or
 * the fields already known; the answer asks for what is missing or brings the draft,
 * the format checker's findings and the .docx link. The draft objects mirror
 * core/drafting/model.ts (checked below).
 */
import { DRAFT_TYPES, type Draft as CoreDraft, type DraftFields as CoreDraftFields, type FormatFinding as CoreFormatFinding } from '../core/drafting/model.ts';
import { Citation } from './chat.ts';
import type { Assert, Same } from './type-equality.ts';
import { ConversationId, MAX_QUESTION_CHARS } from './values.ts';
import { PROFILE_FIELDS } from '../core/drafting/profile.ts';
import { z } from './zod.ts';

export const DraftType = z.enum(DRAFT_TYPES);
export type DraftType = z.infer<typeof DraftType>;

/** Signing authority prefix (Điều 13 khoản 1 of Decree 30/2020/NĐ-CP); empty when the head signs. */
export const SigningAuthority = z.enum(['TM.', 'KT.', 'TL.', 'TUQ.', 'Q.', '']);

const line = (max: number, what: string) => z.string().trim().min(1, `${what} không được để trống`).max(max, `${what} dài quá ${max} ký tự`);

/** What an official may give for a draft; every field optional (the assistant asks for what is missing). */
export const DraftFieldsInput = z.object({
  type: DraftType.optional(),
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
  signingAuthority: SigningAuthority.optional(),
  onBehalfOf: line(200, 'thẩm quyền ký thay').optional(),
  signerName: line(100, 'họ tên người ký').optional(),
  deadline: line(100, 'thời hạn').optional(),
}).strict().openapi('DraftFieldsInput');
export type DraftFieldsInput = z.input<typeof DraftFieldsInput>;

export const DraftRequest = z.object({
  type: DraftType.optional().openapi({ example: 'công văn' }),
  fields: DraftFieldsInput.optional(),
  request: z.string().max(MAX_QUESTION_CHARS, `yêu cầu dài quá ${MAX_QUESTION_CHARS.toLocaleString('vi-VN')} ký tự, bạn vui lòng rút gọn`).optional()
    .openapi({ example: 'Soạn công văn gửi UBND các xã về việc báo cáo kết quả chuyển đổi số năm 2025', description: 'Yêu cầu soạn thảo, hoặc yêu cầu sửa dự thảo hiện tại của hội thoại (“thêm nơi nhận …”, “đổi thời hạn thành …”, “bỏ đoạn 2”)' }),
  conversationId: ConversationId.optional().openapi({ description: 'Hội thoại (dùng chung với /api/chat): nhớ cơ quan, người ký giữa các lần soạn và là nơi giữ dự thảo hiện tại để sửa. Bỏ trống để bắt đầu hội thoại mới' }),
}).strict().refine((r) => Boolean(r.request?.trim() || r.type || r.fields?.type), 'cần nêu yêu cầu soạn thảo (request) hoặc loại văn bản (type)')
  .openapi('DraftRequest');
export type DraftRequest = z.input<typeof DraftRequest>;

/** The fields of a complete draft: what the official gave or the request said, and the request itself. */
export const DraftFields = z.object({
  type: DraftType,
  superiorBody: z.string().optional(),
  issuingBody: z.string(),
  issuingBodyCode: z.string(),
  issuingBodyName: z.string().optional(),
  draftingUnitCode: z.string().optional(),
  number: z.string().optional(),
  place: z.string(),
  date: z.string().optional(),
  subject: z.string(),
  recipients: z.array(z.string()),
  signerTitle: z.string(),
  signingAuthority: SigningAuthority.optional(),
  onBehalfOf: z.string().optional(),
  signerName: z.string(),
  deadline: z.string().optional(),
  request: z.string(),
}).openapi('DraftFields');
export type DraftFields = z.infer<typeof DraftFields>;

export const FormatFinding = z.object({
  element: z.string().openapi({ example: 'so-ky-hieu' }),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  rule: z.string().openapi({ example: 'Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.3' }),
}).openapi('FormatFinding');
export type FormatFinding = z.infer<typeof FormatFinding>;

export const DraftParagraph = z.object({
  text: z.string(),
  level: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]).openapi({ description: 'Cấp đề mục (I., 1., a)); 0 là đoạn thường' }),
  placeholder: z.boolean().optional().openapi({ description: 'Phần cán bộ cần tự viết hoặc kiểm tra' }),
  citations: z.array(z.number().int()).optional(),
}).openapi('DraftParagraph');
export type DraftParagraph = z.infer<typeof DraftParagraph>;

export const Draft = z.object({
  fields: DraftFields,
  numberLine: z.string(),
  placeDateLine: z.string(),
  typeName: z.string(),
  subjectLine: z.string(),
  salutation: z.array(z.string()),
  body: z.array(DraftParagraph),
  signature: z.object({ authority: z.string(), title: z.string(), name: z.string() }),
  recipientsBlock: z.array(z.string()),
  draftMark: z.literal(true),
  citations: z.array(Citation),
}).openapi('Draft');
export type Draft = z.infer<typeof Draft>;

/** A question for a missing field, in Vietnamese. */
export const DraftQuestion = z.object({ field: z.string(), question: z.string() }).openapi('DraftQuestion');
export type DraftQuestion = z.infer<typeof DraftQuestion>;

/** Fields the conversation remembered from an earlier draft (the agency, its code, the signer). */
const Remembered = z.array(z.enum(PROFILE_FIELDS)).openapi({ description: 'Những trường lấy lại từ lần soạn trước trong cùng hội thoại (cơ quan, mã cơ quan, người ký…)' });

export const DraftNeedsInput = z.object({
  status: z.literal('needs_input'),
  questions: z.array(DraftQuestion).openapi({ description: 'Câu hỏi cho những thông tin còn thiếu' }),
  fields: DraftFields.partial().openapi('DraftFieldsKnown', { description: 'Những gì đã biết (từ hội thoại, từ yêu cầu và các trường đã gửi)' }),
  conversationId: z.string(),
  remembered: Remembered,
}).openapi('DraftNeedsInput');
export type DraftNeedsInput = z.infer<typeof DraftNeedsInput>;

export const Drafted = z.object({
  status: z.literal('drafted'),
  id: z.string().uuid(),
  draft: Draft,
  findings: z.array(FormatFinding),
  docxUrl: z.string().openapi({ example: '/api/drafts/5f1e0c7a-0000-4000-8000-000000000000.docx' }),
  writtenBy: z.enum(['llm', 'template']).openapi({ description: 'llm: nội dung do mô hình ngôn ngữ viết (đã kiểm tra với nguồn); template: khung mẫu kèm các thông tin trích dẫn' }),
  conversationId: z.string(),
  version: z.number().int().min(1).openapi({ description: 'Phiên bản của dự thảo trong hội thoại: 1 khi soạn mới, tăng sau mỗi lần sửa' }),
  changes: z.array(z.string()).openapi({ description: 'Những gì đã sửa so với phiên bản trước (trống với phiên bản 1)', example: ['Đã thêm nơi nhận: Sở Tài chính.'] }),
  remembered: Remembered,
}).openapi('Drafted');
export type Drafted = z.infer<typeof Drafted>;

export const DraftResponse = z.discriminatedUnion('status', [DraftNeedsInput, Drafted]).openapi('DraftResponse');
export type DraftResponse = z.infer<typeof DraftResponse>;

type _FieldsAgree = Assert<Same<DraftFields, CoreDraftFields>>;
type _FindingAgrees = Assert<Same<FormatFinding, CoreFormatFinding>>;
type _DraftAgrees = Assert<Same<Draft, CoreDraft>>;
