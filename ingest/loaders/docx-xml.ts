/**
 * WordprocessingML (`word/document.xml`, `word/footnotes.xml`, `word/endnotes.xml`) to
 * blocks and notes. Read with a DOM because the structure matters: a table cell's
 * paragraphs and line breaks must stay apart. Deleted text of tracked changes, field
 * instructions and the fallback copy of alternate content are left out; footnotes and
 * endnotes are returned as notes in the order the body refers to them.
 */
import { createRequire } from 'node:module';
import type { LoadedNote } from '../../core/ports.ts';
import { paragraphLines, type Block } from './blocks.ts';

/** The DOM node shape this reader uses. */
export type XmlNode = { nodeType: number; localName?: string | null; nodeValue?: string | null; childNodes: ArrayLike<XmlNode> | null; getAttributeNS?: (ns: string, name: string) => string | null; getAttribute?: (name: string) => string | null };

/**
 * xmldom's parser, typed locally: its own typings pull in the DOM library, whose `Blob`
 * and `Buffer`-related types conflict with Node's across the project.
 */
interface XmlErrorHandler { warning: (m: string) => void; error: (m: string) => void; fatalError: (m: string) => void }
const { DOMParser } = createRequire(import.meta.url)('@xmldom/xmldom') as {
  DOMParser: new (opts: { errorHandler: XmlErrorHandler }) => { parseFromString(xml: string, mime: string): unknown };
};

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const SKIP = new Set(['del', 'delText', 'instrText', 'Fallback', 'rPr', 'pPr', 'tblPr', 'trPr', 'tcPr', 'sectPr', 'fldData']);

function children(n: XmlNode): XmlNode[] {
  return Array.from(n.childNodes ?? []);
}

function attr(n: XmlNode, name: string): string | null {
  return n.getAttributeNS?.(W, name) ?? n.getAttribute?.(`w:${name}`) ?? null;
}

/** Parses XML, failing on any error instead of guessing. */
export function parseXml(xml: string): XmlNode {
  const errors: string[] = [];
  const doc = new DOMParser({
    errorHandler: { warning: () => undefined, error: (msg: string) => errors.push(msg), fatalError: (msg: string) => errors.push(msg) },
  }).parseFromString(xml, 'text/xml') as XmlNode;
  if (errors.length) throw new Error(`XML: ${errors[0]}`);
  return doc;
}

interface Context {
  footnoteRefs: string[];
  endnoteRefs: string[];
}

/** Raw text of a paragraph: runs, tabs as `\t`, line breaks as `\n`. */
function paragraphText(p: XmlNode, ctx: Context): string {
  let out = '';
  const visit = (n: XmlNode): void => {
    if (n.nodeType !== 1) return;
    const name = n.localName ?? '';
    if (SKIP.has(name)) return;
    switch (name) {
      case 't':
        out += children(n).map((c) => c.nodeValue ?? '').join('');
        return;
      case 'tab':
      case 'ptab':
        out += '\t';
        return;
      case 'br':
      case 'cr':
        out += '\n';
        return;
      case 'noBreakHyphen':
        out += '-';
        return;
      case 'footnoteReference':
        ctx.footnoteRefs.push(attr(n, 'id') ?? '');
        return;
      case 'endnoteReference':
        ctx.endnoteRefs.push(attr(n, 'id') ?? '');
        return;
      case 'AlternateContent': {
        const choice = children(n).find((c) => c.localName === 'Choice');
        if (choice) visit(choice);
        return;
      }
      case 'txbxContent':
        // A text box's paragraphs: their own lines.
        out += `\n${blocksOf(n, ctx).flatMap((b) => (b.kind === 'paragraph' ? b.lines : b.rows.flat(2))).join('\n')}\n`;
        return;
      default:
        for (const c of children(n)) visit(c);
    }
  };
  for (const c of children(p)) visit(c);
  return out;
}

function cellLines(tc: XmlNode, ctx: Context): string[] {
  return blocksOf(tc, ctx).flatMap((b) => (b.kind === 'paragraph' ? b.lines : b.rows.flat(2)));
}

/** The blocks under a body, cell, text box or note. */
export function blocksOf(container: XmlNode, ctx: Context): Block[] {
  const blocks: Block[] = [];
  const visit = (n: XmlNode): void => {
    if (n.nodeType !== 1) return;
    const name = n.localName ?? '';
    if (SKIP.has(name)) return;
    if (name === 'p') {
      blocks.push({ kind: 'paragraph', lines: paragraphLines(paragraphText(n, ctx)) });
    } else if (name === 'tbl') {
      const rows = children(n).filter((r) => r.localName === 'tr').map((tr) => {
        const cells: XmlNode[] = [];
        const collect = (x: XmlNode): void => {
          for (const c of children(x)) {
            if (c.localName === 'tc') cells.push(c);
            else if (c.localName === 'sdt' || c.localName === 'sdtContent' || c.localName === 'customXml') collect(c);
          }
        };
        collect(tr);
        return cells.map((tc) => cellLines(tc, ctx));
      });
      blocks.push({ kind: 'table', rows });
    } else {
      for (const c of children(n)) visit(c);
    }
  };
  for (const c of children(container)) visit(c);
  return blocks;
}

function findFirst(n: XmlNode, localName: string): XmlNode | undefined {
  if (n.localName === localName) return n;
  for (const c of children(n)) {
    const f = findFirst(c, localName);
    if (f) return f;
  }
  return undefined;
}

/** The body's blocks and the ids of the notes it refers to, in order. */
export function readDocumentXml(xml: string): { blocks: Block[]; footnoteRefs: string[]; endnoteRefs: string[] } {
  const body = findFirst(parseXml(xml), 'body');
  if (!body) throw new Error('no w:body');
  const ctx: Context = { footnoteRefs: [], endnoteRefs: [] };
  return { blocks: blocksOf(body, ctx), ...ctx };
}

/** The blocks of a page header or footer part (`word/header1.xml`: a `w:hdr` or `w:ftr` root). */
export function readPartXml(xml: string): Block[] {
  const root = parseXml(xml);
  const part = findFirst(root, 'hdr') ?? findFirst(root, 'ftr');
  if (!part) return [];
  return blocksOf(part, { footnoteRefs: [], endnoteRefs: [] });
}

/**
 * The notes of `footnotes.xml` or `endnotes.xml` that the body refers to, numbered in the
 * order of reference (as Word prints them); separators and unreferenced notes are left out.
 */
export function readNotesXml(xml: string, kind: LoadedNote['kind'], refs: readonly string[]): LoadedNote[] {
  const root = parseXml(xml);
  const byId = new Map<string, XmlNode>();
  const walk = (n: XmlNode): void => {
    if (n.localName === 'footnote' || n.localName === 'endnote') {
      const id = attr(n, 'id');
      if (id !== null) byId.set(id, n);
      return;
    }
    for (const c of children(n)) walk(c);
  };
  walk(root);
  const notes: LoadedNote[] = [];
  refs.forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const ctx: Context = { footnoteRefs: [], endnoteRefs: [] };
    const text = blocksOf(node, ctx).flatMap((b) => (b.kind === 'paragraph' ? b.lines : b.rows.flat(2))).join('\n').trim();
    if (text) notes.push({ kind, marker: String(i + 1), text });
  });
  return notes;
}
