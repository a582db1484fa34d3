/**
 * Entry point of source.js, the source view a citation links to:
 * /sources/<docId>?chunk=<chunkId>. Shows the document's metadata and sections, the
 * cited one highlighted, from one request (section-pager.ts). Everything from the API is
 * set as text (a document may contain markup), never as HTML. Officials see internal
 * documents too: the widget that opened this tab hands over their token by postMessage
 * (token-handoff.ts); an admin signed in to the console has theirs in this tab.
 */
import { byId } from '../page/dom.ts';
import { ApiError } from '../page/http.ts';
import { loadReaderToken } from '../page/tokens.ts';
import { renderDocument } from './document-view.ts';
import { citedOrdinal, docIdFromPath } from './location.ts';
import { SectionPager } from './section-pager.ts';
import { receiveToken } from './token-handoff.ts';

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
  const pager = new SectionPager(docId, token, byId('doc-sections'), byId<HTMLButtonElement>('more-before'), byId<HTMLButtonElement>('more-after'));
  const view = await pager.first(citedOrdinal(location.search));
  renderDocument(view.document);
  const { from, to, total } = pager.range;
  byId('doc-notice').textContent = total === 0
    ? 'Văn bản này chưa có đoạn nội dung nào.'
    : to - from + 1 < total
      ? `Văn bản có ${total} đoạn; đang hiện đoạn ${from}–${to}${view.cited ? ', quanh đoạn được trích dẫn' : ''}.`
      : `Văn bản có ${total} đoạn.`;
  byId('source-document').hidden = false;
  const citedItem = view.cited ? document.getElementById(`doan-${view.cited.ordinal}`) : null;
  if (citedItem) {
    byId('cited-nav').hidden = false;
    const link = byId<HTMLAnchorElement>('cited-link');
    link.href = `#doan-${view.cited!.ordinal}`;
    link.addEventListener('click', (ev) => {
      ev.preventDefault();
      focusCited(citedItem);
    });
    focusCited(citedItem);
  }
  status.textContent = citedItem ? 'Đã tải văn bản; đoạn được trích dẫn được tô đậm.' : 'Đã tải văn bản.';
}

async function start(): Promise<void> {
  const docId = docIdFromPath(location.pathname);
  if (!docId) return showError(NOT_FOUND);
  const token = (await receiveToken()) ?? loadReaderToken();
  await show(docId, token).catch((err: unknown) => {
    if (err instanceof ApiError) showError(err.status === 404 ? NOT_FOUND : err.message);
    else showError('Có lỗi khi hiển thị văn bản. Vui lòng tải lại trang.');
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void start());
else void start();
