/**
 * Feedback from citizens and officials, newest first: when, the question, what the answer
 * was (its outcome and the documents it cited, by title: the answer text itself is not
 * kept), the rating and comment, and a "Đã xử lý" checkbox stored on the server.
 */
import type { FeedbackItem, FeedbackList } from '../../../protocol/admin/feedback.ts';
import { byId, clear, el } from '../page/dom.ts';
import { formatTime } from '../page/format.ts';
import { labelOf } from '../page/labels.ts';
import type { AdminApi } from './api.ts';
import { OUTCOME_LABELS, reasonText } from './labels.ts';

const SHOWN = 200;

/** The latest `n` items, newest first; unhandled first when `unhandledFirst`. */
export function feedbackOrder(items: readonly FeedbackItem[], n = SHOWN, unhandledFirst = true): FeedbackItem[] {
  return [...items].sort((a, b) => {
    if (unhandledFirst && !!a.handled !== !!b.handled) return a.handled ? 1 : -1;
    return a.time < b.time ? 1 : a.time > b.time ? -1 : 0;
  }).slice(0, n);
}

/** What the answer was, in words: its outcome, its reason when refused, and the cited titles. */
export function answerSummary(item: FeedbackItem): string {
  const outcome = labelOf(OUTCOME_LABELS, item.outcome);
  if (item.outcome !== 'answered') return item.reason ? `${outcome}: ${reasonText(item.reason)}` : outcome;
  const sources = item.citations.map((c) => c.title ?? c.docId);
  return sources.length ? `${outcome}, dẫn nguồn: ${sources.join('; ')}` : `${outcome}, không dẫn nguồn`;
}

export class FeedbackTable {
  private readonly body = byId('feedback-body');
  private readonly status = byId('feedback-status');

  constructor(private readonly api: AdminApi) {
    byId('feedback-refresh').addEventListener('click', () => void this.load());
  }

  async load(): Promise<void> {
    this.status.textContent = 'Đang tải góp ý…';
    let res: FeedbackList;
    try {
      res = await this.api.feedback();
    } catch (err) {
      this.status.textContent = `Không tải được góp ý: ${err instanceof Error ? err.message : String(err)}`;
      return;
    }
    clear(this.body);
    const items = feedbackOrder(res.feedback);
    for (const item of items) this.body.appendChild(this.row(item));
    if (items.length === 0) {
      const tr = el('tr');
      const td = el('td', 'muted', 'Chưa có góp ý nào.');
      td.colSpan = 6;
      tr.appendChild(td);
      this.body.appendChild(tr);
    }
    const open = res.feedback.filter((f) => !f.handled).length;
    this.status.textContent = res.feedback.length ? `${res.feedback.length} góp ý, ${open} chưa xử lý (chưa xử lý ở trên, mới nhất trước).` : '';
  }

  private row(item: FeedbackItem): HTMLTableRowElement {
    const tr = el('tr');
    tr.appendChild(el('td', 'nowrap', formatTime(item.time)));
    tr.appendChild(el('td', 'question', item.question));
    tr.appendChild(el('td', '', answerSummary(item)));
    tr.appendChild(el('td', item.useful ? 'outcome-answered' : 'outcome-refused', item.useful ? 'Hữu ích' : 'Chưa hữu ích'));
    tr.appendChild(el('td', 'question', item.comment ?? ''));
    const cell = el('td', 'nowrap');
    const label = el('label');
    const box = el('input');
    box.type = 'checkbox';
    box.checked = !!item.handled;
    label.append(box, ' Đã xử lý');
    box.addEventListener('change', () => void this.mark(item, box));
    cell.appendChild(label);
    tr.appendChild(cell);
    return tr;
  }

  private async mark(item: FeedbackItem, box: HTMLInputElement): Promise<void> {
    box.disabled = true;
    try {
      await this.api.markFeedback(item.exchangeId, box.checked);
      this.status.textContent = box.checked ? 'Đã đánh dấu góp ý là đã xử lý.' : 'Đã bỏ dấu đã xử lý của góp ý.';
    } catch (err) {
      box.checked = !box.checked;
      this.status.textContent = `Không lưu được dấu đã xử lý: ${err instanceof Error ? err.message : String(err)}`;
    } finally {
      box.disabled = false;
    }
  }
}
