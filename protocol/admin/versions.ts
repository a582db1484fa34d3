/**
 * The versions of the index (`/api/admin/versions…`): counts, what changed and who built
 * each one, its disk use, and the rollback to one of them (served without downtime).
 */
import { z } from '../zod.ts';

/** Who built a version and what changed against its parent. */
export const IndexBuild = z.object({
  via: z.enum(['cli', 'job']),
  by: z.string().openapi({ description: 'cli:<tài khoản>, bí danh quản trị viên, hoặc system' }),
  job: z.string().optional().openapi({ description: 'Mã lượt lập chỉ mục đã tạo phiên bản' }),
  parent: z.string().optional().openapi({ description: 'Phiên bản được dùng làm gốc' }),
  changes: z.object({ added: z.number().int(), updated: z.number().int(), removed: z.number().int(), unchanged: z.number().int() }),
  removedRoots: z.array(z.string()).openapi({ description: 'Nguồn được gỡ khi tạo phiên bản này' }),
  missingRoots: z.array(z.string()).openapi({ description: 'Nguồn không truy cập được: văn bản của chúng được giữ' }),
}).openapi('IndexBuild');
export type IndexBuild = z.infer<typeof IndexBuild>;

export const IndexVersion = z.object({
  version: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
  documents: z.number().int(),
  chunks: z.number().int(),
  roots: z.number().int(),
  embedder: z.string(),
  build: IndexBuild.optional().openapi({ description: 'Không có ở phiên bản tạo trước khi ghi nhận' }),
  lastServedAt: z.string().optional(),
  bytes: z.number().int().openapi({ description: 'Dung lượng các tệp của phiên bản' }),
  ownBytes: z.number().int().openapi({ description: 'Dung lượng được giải phóng nếu xóa phiên bản (tệp không dùng chung với phiên bản khác)' }),
}).openapi('IndexVersion');
export type IndexVersion = z.infer<typeof IndexVersion>;

export const IndexVersionList = z.object({
  active: z.string().nullable().openapi({ description: 'Phiên bản CURRENT trên đĩa' }),
  served: z.string().nullable().openapi({ description: 'Phiên bản máy chủ đang phục vụ' }),
  keep: z.number().int().openapi({ description: 'INDEX_KEEP_VERSIONS' }),
  totalBytes: z.number().int().openapi({ description: 'Dung lượng mọi phiên bản, tệp dùng chung tính một lần' }),
  versions: z.array(IndexVersion).openapi({ description: 'Mới nhất trước' }),
}).openapi('IndexVersionList');
export type IndexVersionList = z.infer<typeof IndexVersionList>;

export const RollbackResult = z.object({
  version: z.string(),
  previous: z.string().nullable(),
  switched: z.boolean().openapi({ description: 'false: phiên bản này đã đang được dùng' }),
  documents: z.number().int(),
  chunks: z.number().int(),
}).openapi('RollbackResult');
export type RollbackResult = z.infer<typeof RollbackResult>;
