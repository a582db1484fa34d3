/** Vietnamese labels of the protocol's codes, shared by the pages. */
import type { Audience, DocumentStatus } from '../../../protocol/values.ts';

export const STATUS_LABELS: Record<DocumentStatus, string> = { in_force: 'Còn hiệu lực', superseded: 'Đã được thay thế', expired: 'Hết hiệu lực' };

export const AUDIENCE_LABELS: Record<Audience, string> = { public: 'Công khai', internal: 'Nội bộ' };

/** The label of `code` in `labels`, else the code itself (a code newer than the page). */
export function labelOf(labels: Readonly<Record<string, string>>, code: string | undefined): string {
  if (!code) return '';
  return labels[code] ?? code;
}
