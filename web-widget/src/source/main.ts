/**
 * Entry point of source.js, the source view a citation links to:
 * /sources/<docId>?chunk=<chunkId>. Shows the document's metadata and sections, the
 * cited one highlighted and loaded first. Everything from the API is set as text (a
 * document may contain markup), never as HTML. Officials signed in to the widget, and
 * admins signed in to the console, see internal documents too.
 */
import type { DocumentDetail } from '../../../protocol/documents.ts';
import { byId } from '../page/dom.ts';
import { ApiError, requestJson } from '../page/http.ts';
import { loadReaderToken } from '../page/tokens.ts';
import { renderDocument, renderSkeleton, type SectionItem } from './document-view.ts';
import { citedOrdinal, docIdFromPath } from './location.ts';
import { SectionLoader } from './sections.ts';

/** Sections loaded at once: each is one request, and citizens share a small per-minute budget with the chat. */
const LOAD_ALL_UP_TO = 15;
/** Around the cited section, this many on each side are loaded at once. */
const NEIGHBOURS = 3;
const NOT_FOUND = 'Không tìm thấy văn bản này hoặc bạn không có quyền xem.';

const status = byId('source-status');

function showError(message: string): void {
  status.textContent = '';
  const error = byId('source-error');
  error.textContent = message;
  error.hidden = false;
}

function focusCited(li: HTMLElement): void {
  li.scrollIntoView({ block: 'start' });
  li.focus({ preventScroll: true });
}

async function show(docId: string, token: string | undefined): Promise<void> {
  let cited = citedOrdinal(location.search);
  const doc = await requestJson<DocumentDetail>(`/api/documents/${encodeURIComponent(docId)}`, { token });
  renderDocument(doc);
  const sections = doc.sections;
  if (cited !== null && !sections.some((s) => s.ordinal === cited)) cited = null;
  const items = renderSkeleton(doc, cited);
  const loader = new SectionLoader(docId, token);
  const centre = cited === null ? 0 : sections.findIndex((s) => s.ordinal === cited);
  const eager: SectionItem[] = [];
  sections.forEach((s, i) => {
    const item = items.get(s.ordinal)!;
    if (sections.length <= LOAD_ALL_UP_TO || Math.abs(i - centre) <= NEIGHBOURS) eager.push(item);
    else loader.addButton(item, 'Hiện nội dung đoạn này');
  });
  byId('doc-notice').textContent = sections.length === 0
    ? 'Văn bản này chưa có đoạn nội dung nào.'
    : eager.length < sections.length
      ? `Văn bản có ${sections.length} đoạn; đang hiện các đoạn gần đoạn được trích dẫn. Bấm “Hiện nội dung đoạn này” để xem thêm.`
      : `Văn bản có ${sections.length} đoạn.`;
  byId('source-document').hidden = false;
  const citedItem = cited === null ? undefined : items.get(cited);
  if (citedItem) {
    byId('cited-nav').hidden = false;
    const link = byId<HTMLAnchorElement>('cited-link');
    link.href = `#doan-${cited}`;
    link.addEventListener('click', (ev) => {
      ev.preventDefault();
      focusCited(citedItem.li);
    });
  }
  status.textContent = 'Đang tải nội dung văn bản…';
  // The cited section first, then the others in document order.
  if (citedItem) {
    await loader.load(citedItem);
    focusCited(citedItem.li);
  }
  await loader.loadAll(eager.filter((it) => it !== citedItem), 3);
  status.textContent = citedItem ? 'Đã tải văn bản; đoạn được trích dẫn được tô đậm.' : 'Đã tải văn bản.';
  // Loading neighbours above the cited section moved it: bring it back into view.
  if (citedItem && document.activeElement === citedItem.li) citedItem.li.scrollIntoView({ block: 'start' });
}

function start(): void {
  const docId = docIdFromPath(location.pathname);
  if (!docId) return showError(NOT_FOUND);
  show(docId, loadReaderToken()).catch((err: unknown) => {
    if (err instanceof ApiError) showError(err.status === 404 ? NOT_FOUND : err.message);
    else showError('Có lỗi khi hiển thị văn bản. Vui lòng tải lại trang.');
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
