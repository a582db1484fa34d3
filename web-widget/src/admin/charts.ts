/**
 * The usage charts, built with DOM APIs (no markup strings): labelled horizontal bars,
 * and questions per day as SVG bars with the same figures in a table. The text is what
 * is read; the bars are decoration.
 */
import { clear, el } from '../page/dom.ts';
import { formatDate, formatNumber } from '../page/format.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface Bar {
  label: string;
  value: number;
  /** The value as read, e.g. `12 lượt`, `4,5%`. */
  text: string;
  href?: string;
}

/** A list of labelled bars, longest = `fixedMax` (default: the largest value). */
export function renderBars(target: HTMLElement, rows: readonly Bar[], emptyText: string, fixedMax?: number): void {
  clear(target);
  if (rows.length === 0) {
    target.appendChild(el('p', 'muted', emptyText));
    return;
  }
  const max = fixedMax ?? (Math.max(...rows.map((r) => r.value)) || 1);
  const list = el('ol', 'bars');
  for (const r of rows) {
    const item = el('li');
    const label = el('span', 'bar-label');
    if (r.href) {
      const a = el('a', '', r.label);
      a.href = r.href;
      label.appendChild(a);
    } else {
      label.textContent = r.label;
    }
    item.appendChild(label);
    item.appendChild(el('span', 'bar-value', `: ${r.text}`));
    const track = el('span', 'bar-track');
    track.setAttribute('aria-hidden', 'true');
    const fill = el('span', 'bar-fill');
    // CSSOM, not a style attribute: allowed by the page's CSP.
    fill.style.width = `${Math.max(1, Math.round((r.value / max) * 100))}%`;
    track.appendChild(fill);
    item.appendChild(track);
    list.appendChild(item);
  }
  target.appendChild(list);
}

/** The last 31 days of `perDay` (`YYYY-MM-DD` → count), oldest first, with their total and maximum. */
export function lastDays(perDay: Readonly<Record<string, number>>): { days: Array<[string, number]>; total: number; max: number } {
  const days = Object.entries(perDay).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).slice(-31);
  return { days, total: days.reduce((s, [, n]) => s + n, 0), max: Math.max(0, ...days.map(([, n]) => n)) };
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

/** Questions per day: vertical bars, a caption, and the figures in a table. */
export function renderDays(target: HTMLElement, perDay: Readonly<Record<string, number>>): void {
  clear(target);
  const { days, total, max: highest } = lastDays(perDay);
  if (days.length === 0) {
    target.appendChild(el('p', 'muted', 'Chưa có câu hỏi nào.'));
    return;
  }
  const max = highest || 1;
  const width = 300;
  const height = 120;
  const gap = 2;
  // A single day must not fill the whole chart: bars are at most a tenth of its width.
  const barW = Math.min(width / 10, Math.max(2, (width - gap * days.length) / days.length));
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height + 4}`, class: 'day-chart', role: 'img' });
  chart.setAttribute('aria-label', `Biểu đồ cột: ${formatNumber(total)} câu hỏi trong ${days.length} ngày, nhiều nhất ${formatNumber(highest)} câu một ngày. Số liệu chi tiết ở bảng bên dưới.`);
  days.forEach(([day, n], i) => {
    const h = Math.max(1, (n / max) * height);
    const rect = svg('rect', { x: i * (barW + gap), y: height - h, width: barW, height: h, class: 'day-bar' });
    const title = document.createElementNS(SVG_NS, 'title');
    title.textContent = `${day}: ${n} câu hỏi`;
    rect.appendChild(title);
    chart.appendChild(rect);
  });
  chart.appendChild(svg('line', { x1: 0, x2: width, y1: height + 1, y2: height + 1, class: 'day-axis' }));
  target.appendChild(chart);
  const first = formatDate(days[0]![0]);
  const last = formatDate(days[days.length - 1]![0]);
  target.appendChild(el('p', 'chart-caption', `Tổng ${formatNumber(total)} câu hỏi, từ ${first} đến ${last}; nhiều nhất ${formatNumber(highest)} câu một ngày.`));

  const details = el('details');
  details.appendChild(el('summary', '', 'Bảng số liệu theo ngày'));
  const table = el('table', 'data-table compact');
  table.appendChild(el('caption', 'visually-hidden', 'Số câu hỏi theo ngày'));
  const head = el('tr');
  for (const name of ['Ngày', 'Số câu hỏi']) {
    const th = el('th', '', name);
    th.scope = 'col';
    head.appendChild(th);
  }
  const thead = el('thead');
  thead.appendChild(head);
  table.appendChild(thead);
  const tbody = el('tbody');
  for (const [day, n] of [...days].reverse()) {
    const tr = el('tr');
    tr.appendChild(el('td', '', formatDate(day)));
    tr.appendChild(el('td', 'num', formatNumber(n)));
    tbody.appendChild(tr);
  }
  table.appendChild(tbody);
  details.appendChild(table);
  target.appendChild(details);
}
