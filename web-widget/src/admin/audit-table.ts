/**
 * The audit trail: the latest 100 exchanges, newest first (role, redacted question,
 * outcome, reason), and the whole trail as a CSV file.
 */
import type { AuditRecord, AuditRecords } from '../../../protocol/admin/audit.ts';
import { byId, clear, el } from '../page/dom.ts';
import { formatTime } from '../page/format.ts';
import { labelOf } from '../page/labels.ts';
import type { AdminApi } from './api.ts';
import { OUTCOME_LABELS, reasonText, ROLE_LABELS } from './labels.ts';

const SHOWN = 100;
const DAY_MS = 86_400_000;

/** The latest `n` records, newest first. */
export function latestFirst(records: readonly AuditRecord[], n = SHOWN): AuditRecord[] {
  return [...records].sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : 0)).slice(0, n);
}

export class AuditTable {
  private readonly body = byId('audit-body');
  private readonly status = byId('audit-status');
  private readonly csvButton = byId<HTMLButtonElement>('audit-csv');

  constructor(private readonly api: AdminApi) {
    byId('audit-refresh').addEventListener('click', () => void this.load());
    this.csvButton.addEventListener('click', () => void this.downloadCsv());
  }

  async load(): Promise<void> {
    this.status.textContent = 'Đang tải nhật ký…';
    let res: AuditRecords;
    try {
      // The trail comes oldest first and `limit` keeps the oldest: read the last week (or
      // everything when the week holds fewer than 100) and show the latest 100.
      res = await this.api.audit(new Date(Date.now() - 7 * DAY_MS).toISOString());
      if (res.records.length < SHOWN) res = await this.api.audit();
    } catch (err) {
      this.status.textContent = `Không tải được nhật ký: ${err instanceof Error ? err.message : String(err)}`;
      return;
    }
    clear(this.body);
    const records = latestFirst(res.records);
    for (const r of records) {
      const tr = el('tr');
      tr.appendChild(el('td', 'nowrap', formatTime(r.time)));
      tr.appendChild(el('td', '', labelOf(ROLE_LABELS, r.role)));
      tr.appendChild(el('td', 'question', r.question));
      tr.appendChild(el('td', `outcome-${r.outcome}`, labelOf(OUTCOME_LABELS, r.outcome)));
      tr.appendChild(el('td', '', reasonText(r.reason)));
      this.body.appendChild(tr);
    }
    if (records.length === 0) {
      const tr = el('tr');
      const td = el('td', 'muted', 'Chưa có lượt hỏi đáp nào.');
      td.colSpan = 5;
      tr.appendChild(td);
      this.body.appendChild(tr);
    }
    this.status.textContent = records.length ? `Hiện ${records.length} lượt hỏi đáp gần nhất (mới nhất ở trên).` : '';
  }

  private async downloadCsv(): Promise<void> {
    this.csvButton.disabled = true;
    this.status.textContent = 'Đang chuẩn bị tệp CSV…';
    try {
      const res = await this.api.auditCsv();
      const name = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? 'nhat-ky.csv';
      const url = URL.createObjectURL(new Blob([await res.blob()], { type: 'text/csv;charset=utf-8' }));
      const a = el('a');
      a.href = url;
      a.download = name;
      a.hidden = true;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      this.status.textContent = `Đã tải tệp ${name}.`;
    } catch (err) {
      this.status.textContent = `Không tải được tệp CSV: ${err instanceof Error ? err.message : String(err)}`;
    } finally {
      this.csvButton.disabled = false;
    }
  }
}
