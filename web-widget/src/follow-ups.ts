/**
 * What comes after an answer about a procedure: follow-up questions as buttons that ask
 * them (`Lệ phí?` → "Lệ phí … là bao nhiêu?"), and the papers of the dossier as a
 * printable checklist. Both come from the server (ChatResponse `suggestions`, `checklist`)
 * and are shown only when it sends them.
 */
import { h } from './dom.ts';
import { T } from './strings.ts';
import type { ChecklistItem, Suggestion } from './types.ts';

/** The follow-up buttons; `ask` sends a question as if typed. */
export function followUps(suggestions: readonly Suggestion[], ask: (question: string) => void): HTMLElement {
  const group = h('div', { role: 'group', 'aria-label': T.followUps, class: 'followups' });
  for (const s of suggestions) {
    const b = h('button', { type: 'button', class: 'chipq', title: s.question }, s.label);
    b.addEventListener('click', () => ask(s.question));
    group.appendChild(b);
  }
  return group;
}

/** "1 bản chính, 2 bản sao" (zero counts left out), or ''. */
export function paperCounts(item: ChecklistItem): string {
  return [item.original ? T.originals(item.original) : '', item.copies ? T.copies(item.copies) : ''].filter(Boolean).join(', ');
}

const PRINT_PAGE_CSS = '@media print { body > :not(tro-ly-ao-widget) { display: none !important; } }';

/**
 * Print the checklist on a clean page: a sheet added to the widget's root is all that
 * prints (the widget's print styles hide the rest of it, a document style the portal's
 * page); both go away after printing.
 */
export function printChecklist(root: HTMLElement, items: readonly ChecklistItem[], procedure: string): void {
  root.querySelector('.print-sheet')?.remove();
  const sheet = h('div', { class: 'print-sheet' },
    h('h1', {}, T.checklistTitle),
    procedure ? h('p', { class: 'print-procedure' }, procedure) : null,
    h('ul', {}, ...items.map((item) => {
      const counts = paperCounts(item);
      return h('li', {}, h('span', { class: 'box', 'aria-hidden': 'true' }, '☐'), ' ', item.paper,
        counts ? ` — ${counts}` : '', item.note ? h('span', { class: 'print-note' }, item.note) : null);
    })),
    h('p', { class: 'print-foot' }, T.printedOn(new Date().toLocaleDateString('vi-VN'))));
  root.appendChild(sheet);
  const before = document.adoptedStyleSheets;
  let pageStyle: CSSStyleSheet | undefined;
  try {
    pageStyle = new CSSStyleSheet();
    pageStyle.replaceSync(PRINT_PAGE_CSS);
    document.adoptedStyleSheets = [...before, pageStyle];
  } catch {
    // Without constructable style sheets the portal's page prints too, the checklist after it.
  }
  window.addEventListener('afterprint', () => {
    sheet.remove();
    if (pageStyle) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== pageStyle);
  }, { once: true });
  window.print();
}
