/**
 * Chunks of a cleaned official document. The body is chunked along its section tree; the
 * header block, the `Nơi nhận` list and the signature block each become one chunk of their
 * own kind (`Phần đầu văn bản`, `Nơi nhận`, `Chữ ký`), so their lines never run into body
 * text and an answer about "who signed" cites the signature. A table row read back from
 * the extraction is a chunk labelled by its table and row; a footnote is a chunk labelled
 * by the section citing it, and a note on that section's chunk.
 *
 * Lists are kept findable as a unit by their section path: every chunk of a list carries
 * the path of the heading the list stands under, however many chunks it takes (see
 * section-items.ts for gathering them back).
 */
import type { Chunk, ChunkKind } from '../model.ts';
import { finalize, MAX_CHUNK_CHARS, mergeAndSplit, MIN_CHUNK_CHARS, type Piece } from './chunk-pieces.ts';
import type { DocumentLayout } from './document-layout.ts';
import type { CleanedTable, Footnote, FootnoteMarker, PageSpan } from './pdf-text.ts';
import { parseSections, sectionBlocks, sectionLabel, type DocumentStyle, type SectionBlock, type SectionNode } from './sections.ts';
import { splitText } from './sentence-split.ts';

export const HEADER_LABEL = 'Phần đầu văn bản';
export const RECIPIENTS_LABEL = 'Nơi nhận';
export const SIGNATURE_LABEL = 'Chữ ký';
export const CLOSING_LABEL = 'Phần kết';

/**
 * What each block holds, in the words questions about it use: the heading trail of its chunk
 * (indexed with it, core/search/index-text.ts), so "… ban hành ngày nào", "… do ai ký",
 * "… gửi những nơi nào" find the block that answers them.
 */
const BLOCK_TRAILS: Record<'header' | 'signature' | 'recipients', string> = {
  header: `${HEADER_LABEL}: số và ký hiệu, nơi và ngày ban hành, cơ quan ban hành, loại văn bản, trích yếu`,
  signature: `${SIGNATURE_LABEL}: người ký văn bản, chức vụ và thẩm quyền ký`,
  recipients: `${RECIPIENTS_LABEL}: các cơ quan, đơn vị được gửi văn bản`,
};

export interface DocumentChunkInput {
  docId: string;
  text: string;
  pages?: PageSpan[] | undefined;
  layout?: DocumentLayout | undefined;
  tables?: CleanedTable[] | undefined;
  footnotes?: Footnote[] | undefined;
  markers?: FootnoteMarker[] | undefined;
}

interface Range {
  start: number;
  end: number;
}

/** Chunk a cleaned document; see the module comment. */
export function chunkOfficialDocument(input: DocumentChunkInput): Chunk[] {
  const { text } = input;
  const lineStart = lineOffsets(text);
  const off = (line: number): number => lineStart[line] ?? text.length;
  const special: Piece[] = [];
  const excluded: Range[] = [];
  const layout = input.layout;

  if (layout && layout.header.end > 0) {
    const range = { start: 0, end: off(layout.header.end) };
    excluded.push(range);
    special.push(piece(range, [HEADER_LABEL], HEADER_LABEL, 'header'));
  }
  if (layout?.formula !== undefined) {
    const range = { start: off(layout.formula), end: off(layout.formula + 1) };
    excluded.push(range);
    special.push(piece(range, [CLOSING_LABEL], CLOSING_LABEL, 'closing'));
  }
  const closing = layout?.closing;
  if (closing) {
    excluded.push({ start: off(closing.start), end: off(closing.end) });
    const rec = closing.recipients;
    if (rec) special.push(piece({ start: off(rec.start), end: off(rec.end) }, [RECIPIENTS_LABEL], RECIPIENTS_LABEL, 'recipients'));
    const sig = closing.signature;
    if (sig) {
      const lines = [...sig.lines].sort((a, b) => a - b);
      const shared = rec !== undefined && lines.some((l) => l >= rec.start && l < rec.end);
      const first = lines[0] ?? closing.start;
      const range = { start: off(first), end: off((lines[lines.length - 1] ?? first) + 1) };
      const p = piece(range, [SIGNATURE_LABEL], SIGNATURE_LABEL, 'signature');
      // Written beside the recipients on the same lines: the block is composed from its parts.
      if (shared || lines.some((l, i) => i > 0 && l !== (lines[i - 1] ?? l) + 1)) {
        p.text = [...sig.authority, sig.title, sig.name].filter((x): x is string => !!x).join('\n');
      }
      special.push(p);
    }
  }
  for (const table of input.tables ?? []) {
    const caption = captionLabel(table.caption);
    for (const row of table.rows) {
      const range = { start: row.start, end: row.end };
      excluded.push(range);
      const rowName = `dòng ${row.index}`;
      const p = piece(range, [caption, rowName], `${caption}, ${rowName}`, 'table-row');
      p.headingTrail = [caption, `STT ${row.index}${row.group ? ` - ${row.group}` : ''}`];
      special.push(...splitPiece(text, p));
    }
  }

  // What follows the main text (a PHỤ LỤC after the signature) is one block per caption.
  const appendixStart = layout && layout.mainEnd < lineStart.length ? off(layout.mainEnd) : text.length;
  const mainExcluded = [...excluded, { start: appendixStart, end: text.length }];
  const masked = mask(text, mainExcluded);
  const parsed = parseSections(masked);
  const blocks = [
    ...clip(sectionBlocks(parsed), mainExcluded, masked),
    ...clip(appendixBlocks(text, appendixStart), excluded, mask(text, excluded)),
  ];
  const body = mergeAndSplit(text, blocks, parsed.style);
  special.push(...outlines(parsed.root, masked, parsed.style));
  const pieces = [...body, ...special.flatMap((p) => (p.kind === 'table-row' ? [p] : splitPiece(text, p)))]
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const chunks = finalize(input, pieces);
  return withFootnotes(input, chunks);
}

/** Subsection headings: short lines, not sentences (a khoản's first line is a sentence). */
const OUTLINE_HEADING_MAX = 200;

/**
 * One chunk per bare heading with two or more subsections: the heading and theirs, verbatim
 * (`1. Danh mục nhu cầu công nghệ gồm các nhóm trụ cột chính:` / `a. Nhóm Chuyển đổi số …` /
 * …), placed before the first subsection. The list of what a section holds is then one
 * passage however long the subsections are.
 */
function outlines(root: SectionNode, masked: string, style: DocumentStyle): Piece[] {
  const out: Piece[] = [];
  const walk = (node: SectionNode, path: string[], trail: string[]): void => {
    const here = node.kind === 'root' ? path : [...path, node.key];
    const hereTrail = node.heading ? [...trail, node.heading] : trail;
    const subs = node.children.filter((c) => c.kind !== 'preamble' && c.kind !== 'recipients' && c.kind !== 'appendix');
    const own = masked.slice(node.start, node.ownEnd).trim();
    const bare = node.kind !== 'root' && own === node.heading;
    if (bare && subs.length >= 2 && subs.every((c) => c.heading.length <= OUTLINE_HEADING_MAX && !/[.;]$/u.test(c.heading))) {
      const text = [node.heading, ...subs.map((c) => c.heading)].join('\n');
      if (text.length <= MAX_CHUNK_CHARS) {
        // The heading is the outline's first line, not a trail above it.
        out.push({ path: here, label: sectionLabel(here, style), headingTrail: trail, start: node.start, end: node.start, kind: 'outline', text });
      }
    }
    for (const child of node.children) walk(child, here, hereTrail);
  };
  walk(root, [], []);
  return out;
}

function appendixBlocks(text: string, from: number): SectionBlock[] {
  const blocks: SectionBlock[] = [];
  let offset = from;
  for (const line of text.slice(from).split('\n')) {
    const trimmed = line.trim();
    const last = blocks[blocks.length - 1];
    if (!last || /^PHỤ LỤC(?:\s|$)/u.test(trimmed)) {
      blocks.push({ path: ['Phụ lục'], label: 'Phụ lục', headingTrail: trimmed ? [trimmed] : [], start: offset, end: offset + line.length });
    } else {
      last.end = offset + line.length;
    }
    offset += line.length + 1;
  }
  return blocks;
}

function piece(range: Range, path: string[], label: string, kind: ChunkKind): Piece {
  const trail = kind === 'header' || kind === 'signature' || kind === 'recipients' ? BLOCK_TRAILS[kind] : label;
  return { path, label, headingTrail: [trail], start: range.start, end: range.end, kind };
}

/** Long pieces split at sentence boundaries, each part keeping the label. */
function splitPiece(text: string, p: Piece): Piece[] {
  if (p.text !== undefined) return [p];
  return splitText(text.slice(p.start, p.end), MAX_CHUNK_CHARS, MIN_CHUNK_CHARS)
    .map((r) => ({ ...p, start: p.start + r.start, end: p.start + r.end }));
}

/** `PHỤ LỤC SỐ 02` → `Phụ lục số 02`; a table without caption is a `Bảng`. */
function captionLabel(caption: string | undefined): string {
  if (!caption) return 'Bảng';
  const lower = caption.trim().toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

function lineOffsets(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Blank the excluded ranges (newlines kept) so the section parser reads the body only. */
function mask(text: string, ranges: Range[]): string {
  let out = text;
  for (const r of ranges) out = out.slice(0, r.start) + out.slice(r.start, r.end).replace(/[^\n]/gu, ' ') + out.slice(r.end);
  return out;
}

/** Section blocks with the excluded ranges cut out of them. */
function clip(blocks: SectionBlock[], excluded: Range[], masked: string): SectionBlock[] {
  const sorted = [...excluded].sort((a, b) => a.start - b.start);
  const out: SectionBlock[] = [];
  for (const b of blocks) {
    let cursor = b.start;
    for (const r of sorted) {
      if (r.end <= cursor || r.start >= b.end) continue;
      if (r.start > cursor) out.push({ ...b, start: cursor, end: r.start });
      cursor = Math.max(cursor, r.end);
    }
    if (cursor < b.end) out.push({ ...b, start: cursor, end: b.end });
  }
  return out.filter((b) => masked.slice(b.start, b.end).trim().length > 0);
}

/** Notes on the chunks citing each footnote, and one chunk per footnote after its citing chunk. */
function withFootnotes(input: DocumentChunkInput, chunks: Chunk[]): Chunk[] {
  const footnotes = input.footnotes ?? [];
  if (footnotes.length === 0) return chunks;
  const byMarker = new Map(footnotes.map((f) => [f.marker, f]));
  const cited = new Map<string, Chunk>();
  const anchors = new Map<string, string>();
  for (const m of input.markers ?? []) {
    const chunk = chunks.find((c) => c.start !== undefined && c.end !== undefined && m.offset >= c.start && m.offset <= c.end);
    const note = byMarker.get(m.marker);
    if (!chunk || !note || cited.has(m.marker)) continue;
    chunk.notes = [...(chunk.notes ?? []), { marker: note.marker, text: note.text }];
    cited.set(m.marker, chunk);
    anchors.set(m.marker, anchorBefore(input.text, m.offset));
  }
  const out: Chunk[] = [];
  const pending = new Map<Chunk, Footnote[]>();
  const orphans: Footnote[] = [];
  for (const f of footnotes) {
    const host = cited.get(f.marker);
    if (host) pending.set(host, [...(pending.get(host) ?? []), f]);
    else orphans.push(f);
  }
  const noteChunks = (host: Chunk | undefined, list: Footnote[]): Chunk[] => list.flatMap((f) => {
    const label = host ? `${host.sectionLabel}, chú thích ${f.marker}` : `Chú thích ${f.marker}`;
    return splitText(f.text, MAX_CHUNK_CHARS, MIN_CHUNK_CHARS).map((r) => {
      const c: Chunk = {
        id: '', docId: input.docId, sectionPath: host ? host.sectionPath : ['Chú thích'], sectionLabel: label,
        headingTrail: [...(host ? host.headingTrail : []), `Chú thích ${f.marker}${anchors.get(f.marker) ? ` cho: ${anchors.get(f.marker)}` : ''}`],
        text: f.text.slice(r.start, r.end).trim(), kind: 'footnote',
      };
      if (host?.page !== undefined) c.page = host.page;
      return c;
    });
  });
  for (const c of chunks) {
    out.push(c);
    out.push(...noteChunks(c, pending.get(c) ?? []));
  }
  out.push(...noteChunks(undefined, orphans));
  return out.map((c, i) => ({ ...c, id: `${input.docId}#${i}` }));
}

/** The words a footnote marker stands after, back to the clause they belong to (`Văn bản số 8177/… ngày 30/12/2025`). */
function anchorBefore(text: string, offset: number): string {
  const before = text.slice(Math.max(0, offset - 120), offset);
  const clause = before.split(/[\n;:(]|[.!?]\s/u).pop() ?? '';
  const words = clause.trim().split(/\s+/u);
  return (words.length > 12 ? `… ${words.slice(-12).join(' ')}` : words.join(' ')).replace(/[,]+$/u, '');
}
