/**
 * A cited source inside the widget: a sheet over the conversation with the document's
 * name, the cited section highlighted (the quote marked in it) between its neighbours,
 * and "Xem toàn văn". The quote shows at once; the sections come in one request,
 * `GET /api/documents/{id}/view?chunk=…&limit=3`, charged to the reading budget, so
 * reading sources never costs a question. Everything is set as text.
 */
import type { DocumentView, SectionText } from '../../protocol/documents.ts';
import type { ErrorBody } from '../../protocol/errors.ts';
import { safeHref } from './config.ts';
import { h } from './dom.ts';
import { markedRuns } from './highlight.ts';
import type { SourceHandoff } from './source-handoff.ts';
import { citedOrdinal } from './source/location.ts';
import { T } from './strings.ts';
import { citationName, type Citation } from './types.ts';

/** Format an ISO date as dd/mm/yyyy, the way Vietnamese documents write it. */
export function vnDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

export interface SourcePanelDeps {
  server: string;
  /** The official's token now, if signed in. */
  token(): string | undefined;
  handoff: SourceHandoff;
  /** What the sheet covers: made inert while it is open, so focus stays in the sheet. */
  behind: readonly HTMLElement[];
}

function sectionTitle(s: SectionText): string {
  return s.section || s.headingTrail[s.headingTrail.length - 1] || `Đoạn ${s.ordinal + 1}`;
}

/** The sheet; one citation at a time. */
export class SourcePanel {
  readonly el: HTMLElement;
  private readonly head: HTMLElement;
  private readonly meta: HTMLElement;
  private readonly body: HTMLElement;
  private readonly foot: HTMLElement;
  private chip: HTMLButtonElement | null = null;
  private readonly views = new Map<string, Promise<DocumentView>>();

  constructor(private readonly deps: SourcePanelDeps) {
    const close = h('button', { type: 'button', class: 'xbtn', 'aria-label': T.closeCitation }, '×');
    close.addEventListener('click', () => this.close(true));
    this.head = h('h3', { class: 'sheet-title' });
    this.meta = h('div', { class: 'sheet-meta' });
    this.body = h('div', { class: 'sheet-body' });
    this.foot = h('div', { class: 'sheet-foot' });
    this.el = h('div', { role: 'region', 'aria-label': T.citations, class: 'sheet', tabindex: '-1', hidden: true },
      h('div', { class: 'sheet-head' }, this.head, close), this.meta, this.body, this.foot);
  }

  get isOpen(): boolean {
    return this.chip !== null;
  }

  /** Forget loaded sections (what may be read changed: sign-in or sign-out). */
  forget(): void {
    this.views.clear();
  }

  /** Show citation `c`, opened from `chip` (focus goes back to it on close). */
  show(c: Citation, chip: HTMLButtonElement): void {
    if (this.chip === chip) return this.close(true);
    this.close(false);
    this.chip = chip;
    chip.setAttribute('aria-expanded', 'true');
    this.head.textContent = `${T.sources} ${c.n}`;
    this.meta.textContent = '';
    this.body.textContent = '';
    this.foot.textContent = '';
    const dated = c.issuedDate && !c.label ? ` ngày ${vnDate(c.issuedDate)}` : '';
    const passages = h('div', { class: 'passages' }, c.quote ? h('blockquote', {}, c.quote) : null, h('p', { class: 'meta' }, T.sourceLoading));
    const href = c.link ? safeHref(`${this.deps.server}${c.link}`, this.deps.server) : undefined;
    this.meta.append(h('p', { class: 'meta doc' }, `${citationName(c)}${dated}`), c.section ? h('p', { class: 'meta' }, `${T.section}: ${c.section}`) : '');
    this.body.append(passages);
    if (href) this.foot.appendChild(this.fullTextLink(href));
    this.foot.hidden = !href;
    for (const e of this.deps.behind) e.inert = true;
    this.el.hidden = false;
    this.el.focus();
    const ordinal = c.link ? citedOrdinal(c.link.slice(c.link.indexOf('?'))) : null;
    this.load(c.docId, ordinal).then(
      (view) => this.chip === chip && this.fill(passages, view, c),
      (err: unknown) => {
        if (this.chip !== chip) return;
        passages.lastElementChild?.remove();
        passages.prepend(h('p', { class: 'meta' }, err instanceof Error && err.message ? err.message : T.sourceFailed));
      },
    );
  }

  /** Close the sheet; focus back on the chip that opened it when asked. */
  close(refocus: boolean): void {
    const chip = this.chip;
    if (!chip) return;
    this.chip = null;
    chip.setAttribute('aria-expanded', 'false');
    this.el.hidden = true;
    for (const e of this.deps.behind) e.inert = false;
    if (refocus && chip.isConnected) chip.focus();
  }

  private fullTextLink(href: string): HTMLAnchorElement {
    const a = h('a', { href, target: '_blank', rel: 'noopener noreferrer', class: 'fulltext' }, T.fullText);
    a.addEventListener('click', (e) => {
      // An official's tab is handed the token by postMessage; a citizen's opens like any link.
      if (!this.deps.token()) return;
      e.preventDefault();
      this.deps.handoff.open(href);
    });
    return a;
  }

  /** One request for the cited section and its neighbours (kept for the next time). */
  private load(docId: string, ordinal: number | null): Promise<DocumentView> {
    const key = `${docId}#${ordinal ?? ''}`;
    let view = this.views.get(key);
    if (!view) {
      view = fetchView(this.deps.server, docId, ordinal, this.deps.token());
      this.views.set(key, view);
      view.catch(() => this.views.delete(key));
    }
    return view;
  }

  private fill(passages: HTMLElement, view: DocumentView, c: Citation): void {
    passages.textContent = '';
    const cited = view.cited?.ordinal;
    let marked = false;
    let citedEl: HTMLElement | undefined;
    for (const s of view.sections) {
      const isCited = s.ordinal === cited;
      const text = h('p', { class: 'text' });
      for (const run of isCited ? markedRuns(s.text, c.quote) : [{ text: s.text, marked: false }]) {
        text.appendChild(run.marked ? h('mark', {}, run.text) : document.createTextNode(run.text));
        marked ||= run.marked;
      }
      const el = h('div', { class: isCited ? 'passage cited' : 'passage' },
        h('h4', {}, isCited ? `${T.citedSection}: ${sectionTitle(s)}` : `${T.nearbySection}: ${sectionTitle(s)}`), text);
      if (isCited) citedEl = el;
      passages.appendChild(el);
    }
    // The quote could not be placed in the text: keep it in view above the sections.
    if (!marked && c.quote) passages.prepend(h('blockquote', {}, c.quote));
    // The cited section first in view; the one before it is a scroll up.
    else if (citedEl) this.body.scrollTop += citedEl.getBoundingClientRect().top - this.body.getBoundingClientRect().top - 8;
  }
}

async function fetchView(server: string, docId: string, ordinal: number | null, token: string | undefined): Promise<DocumentView> {
  const query = `${ordinal !== null ? `chunk=${ordinal}&` : ''}limit=3`;
  let res: Response;
  try {
    res = await fetch(`${server}/api/documents/${encodeURIComponent(docId)}/view?${query}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  } catch {
    throw new Error(T.sourceFailed);
  }
  if (res.ok) return await res.json() as DocumentView;
  const body = await res.json().catch(() => null) as ErrorBody | null;
  throw new Error(res.status === 404 ? T.sourceNotFound : body?.message ?? T.sourceFailed);
}
