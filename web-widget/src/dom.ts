/** A tiny element builder: attributes and text only, so no untrusted HTML is ever parsed. */

type Attrs = Record<string, string | boolean | undefined>;
type Child = Node | string | null | undefined | false;

/** Create an element with attributes (`false`/`undefined` skipped) and children as text or nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? '' : v);
  }
  append(el, ...children);
  return el;
}

/** Append text (as text nodes) and nodes. */
export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
}

let counter = 0;
/** An id unique within the widget, for `aria-labelledby` and `for`. */
export function uid(prefix: string): string {
  counter += 1;
  return `tla-${prefix}-${counter}`;
}
