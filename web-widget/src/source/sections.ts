/**
 * Loading section texts: one request per section (`/api/documents/{id}/chunks/{n}`), a few
 * at a time; a failed or deferred section gets a button to load it.
 */
import type { ChunkView } from '../../../protocol/documents.ts';
import { el } from '../page/dom.ts';
import { requestJson } from '../page/http.ts';
import { sectionTitle, type SectionItem } from './document-view.ts';

export class SectionLoader {
  constructor(private readonly docId: string, private readonly token: string | undefined) {}

  /** Load one section's text into its item (an error message and a retry button on failure). */
  async load(item: SectionItem): Promise<void> {
    item.body.textContent = '';
    item.body.appendChild(el('p', 'muted', 'Đang tải nội dung…'));
    try {
      const res = await requestJson<ChunkView>(`/api/documents/${encodeURIComponent(this.docId)}/chunks/${item.section.ordinal}`, { token: this.token });
      item.body.textContent = '';
      item.body.appendChild(el('p', 'text', res.chunk.text));
    } catch (err) {
      item.body.textContent = '';
      item.body.appendChild(el('p', 'error', err instanceof Error ? err.message : String(err)));
      this.addButton(item, 'Thử tải lại');
    }
  }

  /** A button that loads the section on demand, then focuses its text. */
  addButton(item: SectionItem, label: string): void {
    const button = el('button', 'secondary', label);
    button.type = 'button';
    button.setAttribute('aria-label', `${label}: ${sectionTitle(item.section)}`);
    button.addEventListener('click', () => {
      void this.load(item).then(() => {
        const text = item.body.querySelector<HTMLElement>('.text');
        if (text) {
          text.setAttribute('tabindex', '-1');
          text.focus();
        }
      });
    });
    item.body.appendChild(button);
  }

  /** Load `items` in order, at most `width` requests at a time. */
  async loadAll(items: readonly SectionItem[], width: number): Promise<void> {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < items.length) await this.load(items[next++]!);
    };
    await Promise.all(Array.from({ length: width }, worker));
  }
}
