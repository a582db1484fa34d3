/**
 * The sections of the source view, a page at a time: the first page — around the cited
 * section, or the whole of most documents — comes with the document in one request
 * (`GET /api/documents/{id}/view`); the sections before and after it load only when the
 * reader asks for them.
 */
import type { DocumentView } from '../../../protocol/documents.ts';
import { requestJson } from '../page/http.ts';
import { sectionItem } from './document-view.ts';

/** Sections per page. */
export const PAGE = 60;

export class SectionPager {
  /** The loaded range of positions, [lo, hi). */
  private lo = 0;
  private hi = 0;
  private total = 0;

  constructor(
    private readonly docId: string,
    private readonly token: string | undefined,
    private readonly list: HTMLElement,
    private readonly before: HTMLButtonElement,
    private readonly after: HTMLButtonElement,
  ) {
    before.addEventListener('click', () => void this.more('before'));
    after.addEventListener('click', () => void this.more('after'));
  }

  /** The first page, around the cited section `ordinal` (null: from the start). */
  async first(ordinal: number | null): Promise<DocumentView> {
    const view = await this.fetch({ ...(ordinal !== null ? { chunk: String(ordinal) } : {}), limit: String(PAGE) });
    this.total = view.total;
    this.lo = view.offset;
    this.hi = view.offset + view.sections.length;
    for (const s of view.sections) this.list.appendChild(sectionItem(s, s.ordinal === view.cited?.ordinal));
    this.updateButtons();
    return view;
  }

  /** Which sections show, for the page's notice. */
  get range(): { from: number; to: number; total: number } {
    return { from: this.lo + 1, to: this.hi, total: this.total };
  }

  private async more(side: 'before' | 'after'): Promise<void> {
    const button = side === 'before' ? this.before : this.after;
    button.disabled = true;
    const offset = side === 'before' ? Math.max(0, this.lo - PAGE) : this.hi;
    const limit = side === 'before' ? this.lo - offset : PAGE;
    try {
      const view = await this.fetch({ offset: String(offset), limit: String(limit) });
      const items = view.sections.map((s) => sectionItem(s, false));
      if (side === 'before') {
        this.list.prepend(...items);
        this.lo = view.offset;
      } else {
        this.list.append(...items);
        this.hi = view.offset + view.sections.length;
      }
      items[side === 'before' ? items.length - 1 : 0]?.setAttribute('tabindex', '-1');
      items[side === 'before' ? items.length - 1 : 0]?.focus();
    } finally {
      button.disabled = false;
      this.updateButtons();
    }
  }

  private updateButtons(): void {
    this.before.hidden = this.lo <= 0;
    this.after.hidden = this.hi >= this.total;
    this.before.textContent = `Hiện ${Math.min(PAGE, this.lo)} đoạn phía trước`;
    this.after.textContent = `Hiện ${Math.min(PAGE, this.total - this.hi)} đoạn tiếp theo`;
  }

  private fetch(query: Record<string, string>): Promise<DocumentView> {
    return requestJson<DocumentView>(`/api/documents/${encodeURIComponent(this.docId)}/view?${new URLSearchParams(query).toString()}`, { token: this.token });
  }
}
