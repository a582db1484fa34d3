/**
 * Values several public shapes share: roles, audiences, document types and statuses,
 * refusal reasons, the question text and its limit, conversation ids. Each enum is
 * checked against the core type it mirrors, so the two cannot drift.
 */
import type { RefusalReason as CoreRefusalReason, Role as CoreRole } from '../core/answer/types.ts';
import { DOCUMENT_TYPES, type Audience as CoreAudience, type DocumentStatus as CoreDocumentStatus } from '../core/model.ts';
import type { Assert, Same } from './type-equality.ts';
import { z } from './zod.ts';

/** Longest question accepted (characters); longer ones are refused with a clear message. */
export const MAX_QUESTION_CHARS = 2000;

/** Who is asking: citizens without a token, officials and admins with one. */
export const Role = z.enum(['citizen', 'official', 'admin']);
export type Role = z.infer<typeof Role>;

/** Who may see a document: everyone, or officials and admins only. */
export const Audience = z.enum(['public', 'internal']);
export type Audience = z.infer<typeof Audience>;

/** Whether a document is in force. */
export const DocumentStatus = z.enum(['in_force', 'superseded', 'expired']);
export type DocumentStatus = z.infer<typeof DocumentStatus>;

/** Kinds of document (core/model.ts). */
export const DocumentType = z.enum(DOCUMENT_TYPES);
export type DocumentType = z.infer<typeof DocumentType>;

/** Why an answer was refused. */
export const RefusalReason = z.enum(['NO_SOURCE', 'EMPTY_QUESTION', 'STATE_SECRET', 'PROMPT_INJECTION', 'OUT_OF_SCOPE', 'ABUSIVE', 'PERSONAL_DATA']);
export type RefusalReason = z.infer<typeof RefusalReason>;

/** A question typed by a person, at most {@link MAX_QUESTION_CHARS} characters. */
export const QuestionText = z.string({ required_error: 'thiếu nội dung câu hỏi', invalid_type_error: 'câu hỏi phải là chuỗi ký tự' })
  .max(MAX_QUESTION_CHARS, `câu hỏi dài quá ${MAX_QUESTION_CHARS.toLocaleString('vi-VN')} ký tự, bạn vui lòng rút gọn`);

/** A conversation's id, sent back to continue it. */
export const ConversationId = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'mã hội thoại không hợp lệ');

type _RoleAgrees = Assert<Same<Role, CoreRole>>;
type _AudienceAgrees = Assert<Same<Audience, CoreAudience>>;
type _StatusAgrees = Assert<Same<DocumentStatus, CoreDocumentStatus>>;
type _RefusalAgrees = Assert<Same<RefusalReason, CoreRefusalReason>>;
