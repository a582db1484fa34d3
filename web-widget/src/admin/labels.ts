/** Vietnamese labels of the admin console for the protocol's codes. */
import type { AuditRecord } from '../../../protocol/admin/audit.ts';
import type { JobPhase } from '../../../protocol/admin/jobs.ts';
import type { RefusalReason, Role } from '../../../protocol/values.ts';

export const ROLE_LABELS: Record<Role, string> = { citizen: 'Người dân', official: 'Cán bộ', admin: 'Quản trị' };

export const OUTCOME_LABELS: Record<AuditRecord['outcome'], string> = { answered: 'Đã trả lời', refused: 'Từ chối', error: 'Lỗi' };

/** Refusal reasons; the audit trail also holds error codes and guard codes, shown as they are. */
export const REASON_LABELS: Record<RefusalReason, string> = {
  NO_SOURCE: 'Không có nguồn', STATE_SECRET: 'Bí mật nhà nước', PROMPT_INJECTION: 'Câu lệnh chèn vào',
  OUT_OF_SCOPE: 'Ngoài phạm vi', ABUSIVE: 'Ngôn từ không phù hợp', EMPTY_QUESTION: 'Câu hỏi trống',
  PERSONAL_DATA: 'Tra cứu hồ sơ cá nhân',
};

export const PHASE_LABELS: Record<JobPhase, string> = {
  scan: 'Đang quét tệp', load: 'Đang đọc văn bản', embed: 'Đang tạo vector ngữ nghĩa',
  index: 'Đang xây dựng chỉ mục', save: 'Đang lưu chỉ mục', done: 'Đang hoàn tất',
};

/** A reason with its label, `Không có nguồn (NO_SOURCE)`; an unknown code alone. */
export function reasonText(code: string | undefined): string {
  if (!code) return '';
  const label = (REASON_LABELS as Record<string, string | undefined>)[code];
  return label ? `${label} (${code})` : code;
}
