/**
 * Usage statistics: questions per day, refusal rate by reason, the most cited documents
 * (named with the titles the documents table has seen) and the questions with no source.
 */
import type { UsageStats } from '../../../protocol/admin/stats.ts';
import { byId } from '../page/dom.ts';
import { formatNumber } from '../page/format.ts';
import type { AdminApi } from './api.ts';
import { renderBars, renderDays, type Bar } from './charts.ts';
import { reasonText } from './labels.ts';

export class StatsPanel {
  private readonly status = byId('stats-status');
  private last: UsageStats | undefined;

  constructor(private readonly api: AdminApi, private readonly titles: ReadonlyMap<string, string>) {
    byId('stats-refresh').addEventListener('click', () => void this.load());
  }

  async load(): Promise<void> {
    this.status.textContent = 'Đang tải thống kê…';
    let stats: UsageStats;
    try {
      stats = await this.api.stats();
    } catch (err) {
      this.status.textContent = `Không tải được thống kê: ${err instanceof Error ? err.message : String(err)}`;
      return;
    }
    this.last = stats;
    this.status.textContent = '';
    renderDays(byId('chart-days'), stats.questionsPerDay);
    const refusals: Bar[] = Object.entries(stats.refusalRateByReason)
      .map(([reason, share]) => ({ label: reasonText(reason), value: share, text: `${(share * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%` }))
      .sort((a, b) => b.value - a.value);
    renderBars(byId('chart-refusals'), refusals, 'Chưa có câu hỏi nào bị từ chối.', 1);
    this.renderTopDocuments();
    renderBars(byId('chart-notfound'), stats.notFound.slice(0, 20).map((q) => ({ label: q.question, value: q.count, text: `${formatNumber(q.count)} lượt` })),
      'Chưa có câu hỏi nào không tìm thấy nguồn.');
  }

  /** Most cited documents; run again when the documents table has learnt more titles. */
  renderTopDocuments(): void {
    if (!this.last) return;
    const rows = this.last.topDocuments.slice(0, 10).map((t) => ({
      label: t.title ?? this.titles.get(t.docId) ?? t.docId, value: t.count, text: `${formatNumber(t.count)} lượt`, href: `/sources/${encodeURIComponent(t.docId)}`,
    }));
    renderBars(byId('chart-top'), rows, 'Chưa có văn bản nào được trích dẫn.');
  }
}
