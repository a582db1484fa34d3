/**
 * Minimal, safe formatting of answer text: the text is split into blocks (paragraphs
 * and lists) and inline segments (plain text and `[n]` citation markers). Pure data, no
 * DOM, so the renderer can build nodes with `textContent` only and never parse HTML.
 */

/** A run of plain text or one citation marker. */
export type Segment = { kind: 'text'; text: string } | { kind: 'cite'; n: number };

/** One line of an answer, as segments. */
export type Line = Segment[];

/** A paragraph (lines kept apart by line breaks) or a list. */
export type Block =
  | { kind: 'paragraph'; lines: Line[] }
  | { kind: 'list'; ordered: boolean; items: Line[] };

const MARKER = /\[(\d{1,3})\]/g;
const BULLET = /^\s*[-•]\s+/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+/;

/**
 * Split text into plain runs and `[n]` markers. Only numbers in `known` become markers
 * when it is given; any other bracket stays text.
 */
export function splitMarkers(text: string, known?: ReadonlySet<number>): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  const push = (t: string): void => {
    if (!t) return;
    const prev = out[out.length - 1];
    if (prev?.kind === 'text') prev.text += t;
    else out.push({ kind: 'text', text: t });
  };
  for (const m of text.matchAll(MARKER)) {
    const n = Number(m[1]);
    const at = m.index ?? 0;
    push(text.slice(last, at));
    if (!known || known.has(n)) out.push({ kind: 'cite', n });
    else push(m[0]);
    last = at + m[0].length;
  }
  push(text.slice(last));
  return out;
}

/** Whether a line is a list item, and which kind; `null` for an ordinary line. */
export function listItemKind(line: string): { ordered: boolean; body: string } | null {
  const bullet = BULLET.exec(line);
  if (bullet) return { ordered: false, body: line.slice(bullet[0].length) };
  const numbered = NUMBERED.exec(line);
  if (numbered) return { ordered: true, body: line.slice(numbered[0].length) };
  return null;
}

/**
 * Parse an answer into blocks: consecutive list lines of the same kind form one list,
 * blank lines end a paragraph, other lines stay inside their paragraph as line breaks.
 */
export function parseAnswer(text: string, known?: ReadonlySet<number>): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    if (!line.trim()) {
      current = null;
      continue;
    }
    const item = listItemKind(line);
    if (item) {
      if (current?.kind !== 'list' || current.ordered !== item.ordered) {
        current = { kind: 'list', ordered: item.ordered, items: [] };
        blocks.push(current);
      }
      current.items.push(splitMarkers(item.body, known));
    } else {
      if (current?.kind !== 'paragraph') {
        current = { kind: 'paragraph', lines: [] };
        blocks.push(current);
      }
      current.lines.push(splitMarkers(line.trim(), known));
    }
  }
  return blocks;
}
