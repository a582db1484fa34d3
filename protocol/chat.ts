/**
 * `POST /api/chat`: a question answered from the indexed documents with numbered
 * citations, or refused with a reason. The same exchange streams over socket.io
 * (protocol/socket.ts).
 */
import type { NearestDocument as CoreNearestDocument } from '../core/answer/types.ts';
import type { Citation as CoreCitation } from '../core/model.ts';
import type { Assert, Same } from './type-equality.ts';
import { ConversationId, QuestionText, RefusalReason } from './values.ts';
import { z } from './zod.ts';

export const ChatRequest = z.object({
  message: QuestionText.openapi({ example: 'Làm căn cước cho con dưới 14 tuổi cần giấy tờ gì?' }),
  conversationId: ConversationId.optional(),
}).strict().openapi('ChatRequest');
export type ChatRequest = z.infer<typeof ChatRequest>;

/** A cited passage; `n` is the `[n]` marker in the answer text. */
export const Citation = z.object({
  n: z.number().int(),
  docId: z.string(),
  sourceId: z.string(),
  title: z.string(),
  number: z.string().optional().openapi({ example: '83/KH-UBND' }),
  issuedDate: z.string().optional().openapi({ example: '2021-06-04' }),
  label: z.string().optional().openapi({ example: 'Kế hoạch số 83/KH-UBND ngày 04/6/2021' }),
  section: z.string().openapi({ example: 'Mục II.4.b' }),
  quote: z.string(),
  link: z.string().optional().openapi({ example: '/sources/1.001193?chunk=1.001193%234' }),
}).openapi('Citation');
export type Citation = z.infer<typeof Citation>;

/** A follow-up question offered after an answer, shown as a button that asks it. */
export const Suggestion = z.object({
  label: z.string().openapi({ example: 'Lệ phí?' }),
  question: z.string().openapi({ example: 'Lệ phí đăng ký khai sinh là bao nhiêu?' }),
}).openapi('Suggestion');
export type Suggestion = z.infer<typeof Suggestion>;

/** One paper of a procedure's dossier, for the printable checklist. */
export const ChecklistItem = z.object({
  paper: z.string().openapi({ example: 'Tờ khai đăng ký khai sinh' }),
  original: z.number().int().min(0).optional().openapi({ description: 'Số bản chính' }),
  copies: z.number().int().min(0).optional().openapi({ description: 'Số bản sao' }),
  note: z.string().optional().openapi({ example: 'Trường hợp trẻ em bị bỏ rơi' }),
}).openapi('ChecklistItem');
export type ChecklistItem = z.infer<typeof ChecklistItem>;

/** A document an official's refusal offers to open: the nearest the search found, though it does not answer. */
export const NearestDocument = z.object({
  docId: z.string(),
  sourceId: z.string(),
  title: z.string(),
  label: z.string().optional().openapi({ example: 'Thông báo số 114/TB-SKHCN ngày 04/6/2026' }),
  link: z.string().openapi({ example: '/sources/quang-ngai-thong-bao-114.md-b8a349' }),
}).openapi('NearestDocument');
export type NearestDocument = z.infer<typeof NearestDocument>;

export const ChatResponse = z.object({
  answer: z.string().openapi({ description: 'Văn bản thuần, có dấu [n] trỏ tới các trích dẫn' }),
  citations: z.array(Citation),
  refused: z.boolean(),
  reason: RefusalReason.optional().openapi({ description: 'Lý do từ chối (khi refused là true)' }),
  conversationId: z.string(),
  notices: z.array(z.string()),
  nearest: z.array(NearestDocument).optional().openapi({ description: 'Khi từ chối trả lời cán bộ: các văn bản gần nhất đã lập chỉ mục, để mở xem' }),
  exchangeId: z.string().openapi({ description: 'Mã lượt hỏi đáp trong nhật ký (dùng cho phản hồi)' }),
  suggestions: z.array(Suggestion).optional().openapi({ description: 'Câu hỏi tiếp theo gợi ý về cùng thủ tục (hồ sơ, lệ phí, nơi nộp, thời hạn)' }),
  checklist: z.array(ChecklistItem).optional().openapi({ description: 'Danh sách giấy tờ của hồ sơ thủ tục, để in' }),
}).openapi('ChatResponse');
export type ChatResponse = z.infer<typeof ChatResponse>;

type _CitationAgrees = Assert<Same<Citation, CoreCitation>>;
type _NearestAgrees = Assert<Same<NearestDocument, CoreNearestDocument>>;
