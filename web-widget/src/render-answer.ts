/** Answer text to DOM nodes: paragraphs, line breaks, lists and `[n]` chips, all via text nodes. */
import { h } from './dom.ts';
import { parseAnswer, type Line } from './format.ts';
import { T } from './strings.ts';
import { citationName, type Citation } from './types.ts';

/** Called when a chip is activated, with the chip (focus returns to it). */
export type OnCite = (citation: Citation, chip: HTMLButtonElement) => void;

/** Build the body of an answer; markers without a matching citation stay plain text. */
export function renderAnswer(text: string, citations: readonly Citation[], onCite: OnCite): DocumentFragment {
  const byN = new Map(citations.map((c) => [c.n, c]));
  const frag = document.createDocumentFragment();
  for (const block of parseAnswer(text, new Set(byN.keys()))) {
    if (block.kind === 'paragraph') {
      const p = h('p');
      block.lines.forEach((line, i) => {
        if (i > 0) p.appendChild(h('br'));
        renderLine(p, line, byN, onCite);
      });
      frag.appendChild(p);
    } else {
      const list = h(block.ordered ? 'ol' : 'ul');
      for (const item of block.items) {
        const li = h('li');
        renderLine(li, item, byN, onCite);
        list.appendChild(li);
      }
      frag.appendChild(list);
    }
  }
  return frag;
}

function renderLine(parent: HTMLElement, line: Line, byN: Map<number, Citation>, onCite: OnCite): void {
  for (const seg of line) {
    if (seg.kind === 'text') {
      parent.appendChild(document.createTextNode(seg.text));
      continue;
    }
    const c = byN.get(seg.n);
    if (!c) continue;
    const chip = h('button', {
      type: 'button', class: 'cite', 'aria-label': T.citationLabel(c.n, citationName(c)), 'aria-expanded': 'false',
    }, `[${c.n}]`);
    chip.addEventListener('click', () => onCite(c, chip));
    parent.appendChild(chip);
  }
}
