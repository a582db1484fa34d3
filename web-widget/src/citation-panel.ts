/** The passage behind a citation chip: quote, document label and date, section, link to the source. */
import { safeHref } from './config.ts';
import { h } from './dom.ts';
import { T } from './strings.ts';
import { citationName, type Citation } from './types.ts';

/** Format an ISO date as dd/mm/yyyy, the way Vietnamese documents write it. */
export function vnDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/**
 * Build the citation region. `onClose` is called by its close button; Escape is handled
 * by the widget, which knows where focus should go back.
 */
export function citationPanel(c: Citation, server: string, onClose: () => void): HTMLElement {
  const name = citationName(c);
  const dated = c.issuedDate && !c.label ? ` ngày ${vnDate(c.issuedDate)}` : '';
  const href = c.link ? safeHref(`${server}${c.link}`, server) : undefined;
  const close = h('button', { type: 'button', class: 'xbtn', 'aria-label': T.closeCitation }, '×');
  close.addEventListener('click', onClose);
  const region = h('div', { role: 'region', 'aria-label': T.citations, class: 'citation', tabindex: '-1' },
    h('div', { class: 'citation-head' }, h('span', {}, `${T.sources} ${c.n}`), close),
    c.quote ? h('blockquote', {}, c.quote) : null,
    h('p', { class: 'meta' }, `${name}${dated}`),
    c.section ? h('p', { class: 'meta' }, `${T.section}: ${c.section}`) : null,
    href ? h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, T.fullText) : null,
  );
  return region;
}
