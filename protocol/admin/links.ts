/**
 * `/api/admin/links`: the links between documents read from their clauses ("thay thế
 * Quyết định số …", "bãi bỏ …", "sửa đổi, bổ sung …", "… hết hiệu lực"), for an admin to
 * confirm, reject or point at another document.
 */
import { z } from '../zod.ts';

const RelationKind = z.enum(['replaces', 'repeals', 'amends', 'expires']).openapi({
  description: 'replaces: thay thế · repeals: bãi bỏ · amends: sửa đổi, bổ sung · expires: hết hiệu lực',
});
const LinkState = z.enum(['automatic', 'ambiguous', 'unmatched', 'confirmed', 'rejected']).openapi({
  description: 'automatic: một văn bản khớp số, đang dùng · ambiguous: nhiều văn bản khớp, chưa dùng · unmatched: chưa có văn bản khớp · confirmed: đã xác nhận · rejected: đã bác bỏ',
});
const DocRef = z.object({ id: z.string(), label: z.string() });

export const LinkListQuery = z.object({
  state: LinkState.optional(),
  docId: z.string().min(1).max(300).optional().openapi({ description: 'Chỉ các liên kết của văn bản này (văn bản có điều khoản hoặc văn bản bị tác động)' }),
}).strict();
export type LinkListQuery = z.input<typeof LinkListQuery>;

export const RelationLinkView = z.object({
  /** Opaque, URL-safe: names the relating document and the relation. */
  id: z.string(),
  key: z.string().openapi({ example: 'replaces:1024/qđ-ubnd' }),
  kind: RelationKind,
  by: DocRef.openapi({ description: 'Văn bản có điều khoản' }),
  targetNumber: z.string().openapi({ example: '1024/QĐ-UBND' }),
  target: DocRef.optional().openapi({ description: 'Văn bản bị tác động, khi liên kết đang được dùng' }),
  candidates: z.array(DocRef).openapi({ description: 'Các văn bản trong kho khớp số ký hiệu' }),
  parts: z.array(z.string()),
  from: z.string().optional().openapi({ description: 'Ngày có hiệu lực (YYYY-MM-DD)' }),
  quote: z.string(),
  state: LinkState,
}).openapi('RelationLink');
export type RelationLinkView = z.infer<typeof RelationLinkView>;

export const LinkList = z.object({
  available: z.boolean().openapi({ description: 'false khi tệp điều chỉnh bị hỏng: không liên kết nào được dùng và không nhận quyết định mới' }),
  links: z.array(RelationLinkView),
}).openapi('LinkList');
export type LinkList = z.infer<typeof LinkList>;

export const LinkDecisionRequest = z.object({
  decision: z.enum(['confirmed', 'rejected']),
  targetId: z.string().min(1).max(300).optional().openapi({ description: 'Văn bản đúng, khi liên kết tự động sai hoặc có nhiều văn bản khớp' }),
}).strict().refine((d) => d.decision === 'confirmed' || d.targetId === undefined, 'targetId chỉ dùng khi xác nhận').openapi('LinkDecision');
export type LinkDecisionRequest = z.input<typeof LinkDecisionRequest>;
