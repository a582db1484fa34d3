/**
 * OpenDocument Text (.odt): a zip whose `content.xml` holds the body, so no converter is
 * needed. Paragraphs, headings, lists and tables are laid out like DOCX
 * (ingest/loaders/blocks.ts); footnotes and endnotes (`text:note`) become notes.
 */
import type { LoadedNote } from '../../core/ports.ts';
import { normalizeText } from '../../core/text/normalize.ts';
import { layoutBlocks, paragraphLines, type Block } from './blocks.ts';
import { parseXml } from './docx-xml.ts';
import type { Extracted } from './extracted.ts';
import { DEFAULT_MAX_UNPACKED_BYTES, userError } from './result.ts';
import { inspectZip, readZipEntries } from './zip.ts';

type XmlNode = ReturnType<typeof parseXml>;

const SKIP = new Set(['tracked-changes', 'annotation', 'soft-page-break', 'note-citation', 'sequence-decls', 'forms']);
const TEXT_NS = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';
const TABLE_NS = 'urn:oasis:names:tc:opendocument:xmlns:table:1.0';

function children(n: XmlNode): XmlNode[] {
  return Array.from(n.childNodes ?? []);
}

function attrNS(n: XmlNode, ns: string, name: string): string | null {
  return n.getAttributeNS?.(ns, name) ?? null;
}

interface Context {
  notes: LoadedNote[];
}

function paragraphText(p: XmlNode, ctx: Context): string {
  let out = '';
  const visit = (n: XmlNode): void => {
    if (n.nodeType === 3) {
      out += (n.nodeValue ?? '').replace(/[\r\n]+/g, ' ');
      return;
    }
    if (n.nodeType !== 1) return;
    const name = n.localName ?? '';
    if (SKIP.has(name)) return;
    if (name === 'line-break') out += '\n';
    else if (name === 'tab') out += '\t';
    else if (name === 's') out += ' '.repeat(Math.min(100, Number(attrNS(n, TEXT_NS, 'c') ?? 1) || 1));
    else if (name === 'note') {
      const body = children(n).find((c) => c.localName === 'note-body');
      const citation = children(n).find((c) => c.localName === 'note-citation');
      const kind = attrNS(n, TEXT_NS, 'note-class') === 'endnote' ? 'endnote' : 'footnote';
      const marker = citation ? children(citation).map((c) => c.nodeValue ?? '').join('').trim() : '';
      const text = body ? linesOf(blocksOf(body, ctx)).join('\n').trim() : '';
      if (text) ctx.notes.push({ kind, marker: marker || String(ctx.notes.filter((x) => x.kind === kind).length + 1), text });
    } else if (name === 'frame' || name === 'text-box') {
      out += `\n${linesOf(blocksOf(n, ctx)).join('\n')}\n`;
    } else for (const c of children(n)) visit(c);
  };
  for (const c of children(p)) visit(c);
  return out;
}

function linesOf(blocks: Block[]): string[] {
  return blocks.flatMap((b) => (b.kind === 'paragraph' ? b.lines : b.rows.flat(2)));
}

function tableRows(table: XmlNode, ctx: Context): string[][][] {
  const rows: string[][][] = [];
  const visit = (n: XmlNode): void => {
    for (const c of children(n)) {
      if (c.localName === 'table-row') {
        const cells = children(c).filter((x) => x.localName === 'table-cell').map((tc) => linesOf(blocksOf(tc, ctx)));
        const repeat = Math.min(1000, Number(attrNS(c, TABLE_NS, 'number-rows-repeated') ?? 1) || 1);
        // Repeated empty rows pad a sheet's used range; repeated rows with text are rare but real.
        if (cells.some((cell) => cell.length)) for (let i = 0; i < repeat; i++) rows.push(cells);
      } else if (c.localName === 'table-header-rows' || c.localName === 'table-rows' || c.localName === 'table-row-group') {
        visit(c);
      }
    }
  };
  visit(table);
  return rows;
}

function blocksOf(container: XmlNode, ctx: Context): Block[] {
  const blocks: Block[] = [];
  const visit = (n: XmlNode): void => {
    if (n.nodeType !== 1) return;
    const name = n.localName ?? '';
    if (SKIP.has(name)) return;
    if (name === 'p' || name === 'h') blocks.push({ kind: 'paragraph', lines: paragraphLines(paragraphText(n, ctx)) });
    else if (name === 'table') blocks.push({ kind: 'table', rows: tableRows(n, ctx) });
    else for (const c of children(n)) visit(c);
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

/** Inspects the zip, then reads `content.xml`. Throws ODT_CORRUPT or DOCX_TOO_LARGE_UNPACKED (zip bomb). */
export async function extractOdt(bytes: Buffer, maxUnpackedBytes = DEFAULT_MAX_UNPACKED_BYTES): Promise<Extracted> {
  const summary = await inspectZip(bytes, maxUnpackedBytes, 'ODT_CORRUPT');
  if (!summary.names.has('content.xml')) throw userError('ODT_CORRUPT', 'zip has no content.xml');
  const entries = await readZipEntries(bytes, ['content.xml'], 'ODT_CORRUPT');
  try {
    const body = findFirst(parseXml(entries.get('content.xml')!.toString('utf8')), 'text');
    if (!body) throw new Error('no office:text body (not a text document)');
    const ctx: Context = { notes: [] };
    const blocks = blocksOf(body, ctx);
    const notes = ctx.notes.map((n) => ({ ...n, text: normalizeText(n.text) }));
    return { text: layoutBlocks(blocks), ...(notes.length ? { notes } : {}) };
  } catch (err) {
    throw userError('ODT_CORRUPT', `content.xml: ${err instanceof Error ? err.message : String(err)}`, undefined, err);
  }
}
