/**
 * Entry point of portal.js, the demo portal's procedure search: the search box asks
 * `POST /api/search` and lists the matching documents — each once, best first, with the
 * section that matched and a short excerpt, linked to its source view. The query stays
 * in the address (`?q=`), so a reload or the back button shows the same results.
 * Everything from the API is set as text.
 */
import type { SearchResponse, SearchResult } from '../../../protocol/search.ts';
import { byId, clear, el } from '../page/dom.ts';
import { ApiError, requestJson } from '../page/http.ts';
import { byDocument, excerpt } from './results.ts';

/** Passages asked for; several may come from one procedure. */
const PASSAGES = 30;

function resultItem(r: SearchResult): HTMLLIElement {
  const li = el('li', 'result');
  const h3 = el('h3');
  const a = el('a', '', r.title);
  a.href = `/sources/${encodeURIComponent(r.docId)}`;
  h3.appendChild(a);
  li.append(h3, el('p', 'result-section', r.section), el('p', 'result-text', excerpt(r.text)));
  return li;
}

async function search(query: string): Promise<void> {
  const status = byId('ket-qua-trang-thai');
  const list = byId('ket-qua-danh-sach');
  byId('ket-qua').hidden = false;
  clear(list);
  status.textContent = 'Đang tìm…';
  try {
    const res = await requestJson<SearchResponse>('/api/search', { method: 'POST', json: { query, k: PASSAGES } });
    const docs = byDocument(res.results);
    for (const r of docs) list.appendChild(resultItem(r));
    status.textContent = docs.length
      ? `Có ${docs.length} kết quả cho “${query}”.`
      : `Không tìm thấy thủ tục nào cho “${query}”. Hãy thử từ khóa khác hoặc hỏi Trợ lý ảo.`;
  } catch (err) {
    status.textContent = err instanceof ApiError ? err.message : 'Có lỗi khi tìm kiếm; vui lòng thử lại.';
  }
}

function start(): void {
  const form = byId<HTMLFormElement>('tim-thu-tuc');
  const input = byId<HTMLInputElement>('tu-khoa');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const query = input.value.trim();
    if (!query) return input.focus();
    history.replaceState(null, '', `?q=${encodeURIComponent(query)}`);
    void search(query);
  });
  const asked = new URLSearchParams(location.search).get('q')?.trim();
  if (asked) {
    input.value = asked;
    void search(asked);
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
