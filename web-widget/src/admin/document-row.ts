/**
 * One row of the documents table: title (a link to the source view), number, type, the
 * status and audience selects (each change applied at once by PATCH), the chunk count,
 * and "Xóa" for uploaded documents, confirmed in place.
 */
import type { MetadataPatch } from '../../../protocol/admin/documents.ts';
import type { RemovalResponse } from '../../../protocol/admin/uploads.ts';
import type { DocumentSummary } from '../../../protocol/documents.ts';
import type { Audience, DocumentStatus } from '../../../protocol/values.ts';
import { el } from '../page/dom.ts';
import { formatNumber } from '../page/format.ts';
import { AUDIENCE_LABELS, labelOf, STATUS_LABELS } from '../page/labels.ts';
import type { AdminApi } from './api.ts';

export interface RowContext {
  api: AdminApi;
  /** Whether the document came from an upload (only those can be deleted); unknown: offer it. */
  deletable(docId: string): boolean;
  /** Say what happened, in the table's status line. */
  say(text: string): void;
  /** A deletion started a re-index. */
  removed(res: RemovalResponse): void;
}

function selectFor(labels: Readonly<Record<string, string>>, value: string, label: string): HTMLSelectElement {
  const select = el('select');
  select.setAttribute('aria-label', label);
  for (const [code, text] of Object.entries(labels)) {
    const option = el('option', '', text);
    option.value = code;
    select.appendChild(option);
  }
  select.value = value;
  return select;
}

function cell(child: Node, className?: string): HTMLTableCellElement {
  const td = el('td', className);
  td.appendChild(child);
  return td;
}

export function documentRow(d: DocumentSummary, ctx: RowContext): HTMLTableRowElement {
  const tr = el('tr');
  const link = el('a', '', d.title);
  link.href = `/sources/${encodeURIComponent(d.id)}`;
  tr.appendChild(cell(link));
  tr.appendChild(el('td', '', d.number ?? ''));
  tr.appendChild(el('td', '', d.type));
  const status = selectFor(STATUS_LABELS, d.status, `Hiệu lực của văn bản ${d.title}`);
  const audience = selectFor(AUDIENCE_LABELS, d.audience, `Phạm vi của văn bản ${d.title}`);
  tr.appendChild(cell(status));
  tr.appendChild(cell(audience));
  tr.appendChild(el('td', 'num', formatNumber(d.chunkCount)));

  const current: { status: DocumentStatus; audience: Audience } = { status: d.status, audience: d.audience };
  const change = (field: 'status' | 'audience', select: HTMLSelectElement): void => {
    const patch: MetadataPatch = field === 'status' ? { status: select.value as DocumentStatus } : { audience: select.value as Audience };
    select.disabled = true;
    ctx.api.patchDocument(d.id, patch).then((res) => {
      current.status = res.status;
      current.audience = res.audience;
      select.value = res[field];
      ctx.say(`Đã cập nhật văn bản “${d.title}”: ${field === 'status' ? `hiệu lực ${labelOf(STATUS_LABELS, res.status)}` : `phạm vi ${labelOf(AUDIENCE_LABELS, res.audience)}`}.`);
    }, (err: unknown) => {
      select.value = current[field];
      ctx.say(`Không cập nhật được văn bản “${d.title}”: ${err instanceof Error ? err.message : String(err)}`);
    }).finally(() => {
      select.disabled = false;
    });
  };
  status.addEventListener('change', () => change('status', status));
  audience.addEventListener('change', () => change('audience', audience));

  tr.appendChild(cell(ctx.deletable(d.id) ? deleteControls(d, ctx) : el('span', 'muted', 'Văn bản có sẵn'), 'actions'));
  return tr;
}

/** "Xóa" asks for a confirmation in place (no dialog), then deletes and re-indexes. */
function deleteControls(d: DocumentSummary, ctx: RowContext): HTMLElement {
  const box = el('div', 'button-row');
  const button = (text: string, className: string, label?: string): HTMLButtonElement => {
    const b = el('button', className, text);
    b.type = 'button';
    if (label) b.setAttribute('aria-label', label);
    box.appendChild(b);
    return b;
  };
  const del = button('Xóa', 'secondary', `Xóa văn bản ${d.title}`);
  const confirm = button('Xác nhận xóa', '', `Xác nhận xóa văn bản ${d.title}`);
  const cancel = button('Hủy', 'secondary');
  confirm.hidden = true;
  cancel.hidden = true;
  del.addEventListener('click', () => {
    del.hidden = true;
    confirm.hidden = false;
    cancel.hidden = false;
    confirm.focus();
  });
  cancel.addEventListener('click', () => {
    confirm.hidden = true;
    cancel.hidden = true;
    del.hidden = false;
    del.focus();
  });
  confirm.addEventListener('click', () => {
    confirm.disabled = true;
    cancel.disabled = true;
    ctx.api.deleteDocument(d.id).then((res) => {
      ctx.say(`Đã xóa văn bản “${d.title}”. Đang lập chỉ mục lại.`);
      ctx.removed(res);
    }, (err: unknown) => {
      ctx.say(`Không xóa được văn bản “${d.title}”: ${err instanceof Error ? err.message : String(err)}`);
      confirm.disabled = false;
      cancel.disabled = false;
      cancel.click();
    });
  });
  return box;
}
