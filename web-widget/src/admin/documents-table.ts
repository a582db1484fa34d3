/**
 * The documents table: up to 200 documents matching the filter (diacritics ignored by
 * the server), with what can be changed per row (document-row.ts). Knows the titles it
 * has seen, for the statistics' most cited documents.
 */
import type { DocumentList } from '../../../protocol/documents.ts';
import { byId, clear, el } from '../page/dom.ts';
import type { AdminApi } from './api.ts';
import { documentRow, type RowContext } from './document-row.ts';
import type { JobPanel } from './job-panel.ts';

/** Pause after typing in the filter before asking the server. */
const FILTER_DELAY_MS = 300;

export class DocumentsTable {
  /** Titles by document id, of every document listed so far. */
  readonly titles = new Map<string, string>();
  private readonly body = byId('documents-body');
  private readonly status = byId('documents-status');
  private readonly filter = byId<HTMLInputElement>('doc-filter');
  /** Ids of uploaded documents; null when the upload list could not be read. */
  private uploadedIds: Set<string> | null = null;
  private filterTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly api: AdminApi, private readonly jobs: JobPanel, private readonly onLoaded: () => void) {
    byId('doc-filter-form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      void this.load();
    });
    this.filter.addEventListener('input', () => {
      if (this.filterTimer) clearTimeout(this.filterTimer);
      this.filterTimer = setTimeout(() => void this.load(), FILTER_DELAY_MS);
    });
  }

  async load(): Promise<void> {
    const q = this.filter.value.trim();
    const params = new URLSearchParams({ limit: '200' });
    if (q) params.set('q', q);
    this.status.textContent = 'Đang tải danh sách văn bản…';
    const uploads = this.api.uploads().then((res) => {
      this.uploadedIds = new Set(res.files.flatMap((f) => (f.kind === 'document' ? [f.docId] : [])));
    }, () => {
      this.uploadedIds = null;
    });
    let list: DocumentList;
    try {
      [list] = await Promise.all([this.api.documents(params), uploads]);
    } catch (err) {
      this.status.textContent = `Không tải được danh sách văn bản: ${err instanceof Error ? err.message : String(err)}`;
      return;
    }
    this.render(list, q);
    this.onLoaded();
  }

  private render(list: DocumentList, q: string): void {
    clear(this.body);
    const ctx: RowContext = {
      api: this.api,
      deletable: (id) => this.uploadedIds === null || this.uploadedIds.has(id),
      say: (text) => {
        this.status.textContent = text;
      },
      removed: (res) => this.jobs.follow(res.job, res.queued),
    };
    for (const d of list.documents) {
      this.titles.set(d.id, d.title);
      this.body.appendChild(documentRow(d, ctx));
    }
    if (list.documents.length === 0) {
      const tr = el('tr');
      const td = el('td', 'muted', q ? 'Không có văn bản nào khớp với bộ lọc.' : 'Chưa có văn bản nào.');
      td.colSpan = 7;
      tr.appendChild(td);
      this.body.appendChild(tr);
    }
    this.status.textContent = list.total > list.documents.length
      ? `Hiện ${list.documents.length} trên ${list.total} văn bản; hãy lọc để thu hẹp.`
      : `${list.total} văn bản.`;
  }
}
