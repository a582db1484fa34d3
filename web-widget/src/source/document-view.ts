/**
 * The document's heading and metadata, and one list item per section (the cited one
 * marked), whose texts are filled in as they load (sections.ts).
 */
import type { DocumentDetail, Section } from '../../../protocol/documents.ts';
import { byId, el } from '../page/dom.ts';
import { formatDate } from '../page/format.ts';
import { AUDIENCE_LABELS, labelOf, STATUS_LABELS } from '../page/labels.ts';

/** A section's list item, its body (where the text goes) and the section. */
export interface SectionItem {
  li: HTMLLIElement;
  body: HTMLDivElement;
  section: Section;
}

function addMeta(dl: HTMLElement, label: string, value: string | undefined, badgeClass?: string): void {
  if (!value) return;
  dl.appendChild(el('dt', '', label));
  const dd = el('dd');
  if (badgeClass) dd.appendChild(el('span', `badge ${badgeClass}`, value));
  else dd.textContent = value;
  dl.appendChild(dd);
}

export function renderDocument(doc: DocumentDetail): void {
  document.title = `${doc.title} — Trợ lý ảo Quảng Ngãi`;
  byId('doc-title').textContent = doc.title;
  const dl = byId('doc-meta');
  addMeta(dl, 'Số ký hiệu', doc.number);
  addMeta(dl, 'Loại văn bản', doc.type);
  addMeta(dl, 'Cơ quan ban hành', doc.issuer);
  addMeta(dl, 'Ngày ban hành', doc.issuedDate ? formatDate(doc.issuedDate) : '');
  addMeta(dl, 'Ngày hiệu lực', doc.effectiveDate ? formatDate(doc.effectiveDate) : '');
  addMeta(dl, 'Tình trạng', labelOf(STATUS_LABELS, doc.status), `badge-${doc.status}`);
  addMeta(dl, 'Được thay thế bởi', doc.supersededBy);
  if (doc.audience === 'internal') addMeta(dl, 'Phạm vi', AUDIENCE_LABELS.internal);
}

export function sectionTitle(s: Section): string {
  return s.section || s.headingTrail[s.headingTrail.length - 1] || `Đoạn ${s.ordinal + 1}`;
}

/** One list item per section, by ordinal; the `cited` one marked and focusable. */
export function renderSkeleton(doc: DocumentDetail, cited: number | null): Map<number, SectionItem> {
  const list = byId('doc-sections');
  const items = new Map<number, SectionItem>();
  for (const s of doc.sections) {
    const li = el('li', 'section');
    li.id = `doan-${s.ordinal}`;
    if (s.ordinal === cited) {
      li.classList.add('cited');
      li.setAttribute('aria-current', 'true');
      li.setAttribute('tabindex', '-1');
      li.appendChild(el('h2', 'cited-label', 'Đoạn được trích dẫn'));
    }
    li.appendChild(el('h3', '', sectionTitle(s)));
    if (s.headingTrail.length > 1) li.appendChild(el('p', 'trail', s.headingTrail.join(' › ')));
    const body = el('div', 'body');
    li.appendChild(body);
    if (s.page) li.appendChild(el('p', 'page', `Trang ${s.page}`));
    list.appendChild(li);
    items.set(s.ordinal, { li, body, section: s });
  }
  return items;
}
