/**
 * The guard against mass removal: a run that would remove more than a share of the
 * documents (INDEX_MAX_REMOVAL_SHARE) without being asked to — files gone from their
 * roots, records gone from changed files, a rebuild that comes back smaller — stops
 * before publishing, and the active version keeps serving. Removals asked for (a root
 * removed explicitly, documents an admin deleted) do not count.
 */
import { AppError } from '../../core/errors.ts';

export interface RemovalCheck {
  /** Documents of the active version. */
  before: number;
  /** Documents this run would remove that nobody asked to remove, by source id. */
  unasked: readonly string[];
  /** The largest share allowed (undefined: no limit). */
  maxShare: number | undefined;
  /** The operator accepted the removals (--allow-removal, allowRemoval). */
  allowed: boolean;
}

const percent = (x: number) => `${(Math.round(x * 1000) / 10).toLocaleString('vi-VN')}%`;

/** Throws INDEX_REMOVAL_BLOCKED when the unasked removals pass the share. */
export function checkRemovals(c: RemovalCheck): void {
  if (c.allowed || c.maxShare === undefined || c.before === 0 || c.unasked.length === 0) return;
  const share = c.unasked.length / c.before;
  if (share <= c.maxShare) return;
  const sample = c.unasked.slice(0, 5).join(', ');
  throw new AppError('INDEX_REMOVAL_BLOCKED', `run would remove ${c.unasked.length} of ${c.before} documents (${share.toFixed(3)} > ${c.maxShare}): ${sample}${c.unasked.length > 5 ? ', …' : ''}`, {
    userSuffix: `Lượt này sẽ gỡ ${c.unasked.length.toLocaleString('vi-VN')} trong ${c.before.toLocaleString('vi-VN')} văn bản (${percent(share)}, ngưỡng ${percent(c.maxShare)} — INDEX_MAX_REMOVAL_SHARE), ví dụ: ${sample}${c.unasked.length > 5 ? ' …' : ''}. `
      + 'Nếu một ổ mạng chưa được gắn hay tệp bị xóa nhầm, hãy khôi phục rồi chạy lại; nếu đúng là muốn gỡ, hãy chạy lại với --allow-removal (dòng lệnh) hoặc allowRemoval (trang quản trị).',
  });
}
