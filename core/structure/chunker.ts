/**
 * Structure-aware chunking for the three kinds of source (ports.ts `LoadedDocument.kind`):
 * a cleaned document along its section tree, one ALQAC law article by khoản/điểm, and a
 * TTHC procedure by field. Tiny sibling sections are merged, long ones split at sentence
 * boundaries; ids are `${docId}#${ordinal}`.
 */
import type { Chunk } from '../model.ts';
import type { PageSpan } from './pdf-text.ts';
import { parseProcedure, procedureChunks } from './procedure.ts';
import { parseSections, sectionBlocks, sectionLabel, type SectionBlock } from './sections.ts';
import { splitText } from './sentence-split.ts';

/** Chunks shorter than this are merged with a neighbour when the structure allows. */
export const MIN_CHUNK_CHARS = 200;
/** Chunks are split at sentence boundaries beyond this length. */
export const MAX_CHUNK_CHARS = 1200;

export interface ChunkInput {
  docId: string;
  kind: 'document' | 'legal-article' | 'procedure';
  /**
   * `document`: the cleaned text (cleanExtractedText().text); offsets refer to it.
   * `legal-article`: the article text (title line, then khoản/điểm).
   */
  text: string;
  /** Page spans of the cleaned text, for `page` on document chunks. */
  pages?: PageSpan[];
  /** Article number for `legal-article` (else taken from a `…#5` docId). */
  articleId?: string;
  /** Law name for `legal-article` heading trails (ALQAC `law_id`). */
  lawTitle?: string;
  /** The catalogue record for `procedure`. */
  procedure?: Record<string, unknown>;
}

/** Split one source into retrievable chunks. */
export function chunkDocument(input: ChunkInput): Chunk[] {
  if (input.kind === 'procedure') return chunkProcedure(input);
  if (input.kind === 'legal-article') return chunkArticle(input);
  const parsed = parseSections(input.text);
  return finalize(input, mergeAndSplit(input.text, sectionBlocks(parsed), parsed.style));
}

interface Piece {
  path: string[];
  label: string;
  headingTrail: string[];
  start: number;
  end: number;
}

function chunkArticle(input: ChunkInput): Chunk[] {
  const articleId = input.articleId ?? /#([^#]+)$/.exec(input.docId)?.[1] ?? '?';
  const parsed = parseSections(input.text, { style: 'legal', article: articleId });
  const blocks = sectionBlocks(parsed)
    .filter((b) => b.path[0] !== 'Phần mở đầu')
    .map((b) => ({ ...b, headingTrail: [...(input.lawTitle ? [input.lawTitle] : []), ...articleTrail(b.headingTrail, articleId)] }));
  return finalize(input, mergeAndSplit(input.text, blocks, 'legal'));
}

/** `Phạm vi điều chỉnh` → `Điều 1. Phạm vi điều chỉnh` at the head of an article's trail. */
function articleTrail(trail: string[], articleId: string): string[] {
  const [first, ...rest] = trail;
  return first === undefined ? [`Điều ${articleId}`] : [`Điều ${articleId}. ${first}`, ...rest];
}

function chunkProcedure(input: ChunkInput): Chunk[] {
  return procedureChunks(input.docId, parseProcedure(input.procedure ?? {}), input.text, { max: MAX_CHUNK_CHARS, min: MIN_CHUNK_CHARS });
}

/**
 * Merge a heading-only or tiny block into the next block when both sit under the same
 * parent (or the next is its child) and the result stays within bounds; split what is
 * too long. A merged chunk is labelled by the deepest section common to its parts.
 */
function mergeAndSplit(text: string, blocks: SectionBlock[], style: 'legal' | 'admin'): Piece[] {
  const merged: Piece[] = [];
  for (const b of blocks) {
    const prev = merged[merged.length - 1];
    const size = (p: { start: number; end: number }): number => text.slice(p.start, p.end).trim().length;
    const intoChild = prev !== undefined && isPrefix(prev.path, b.path) && !isSpecial(prev.path);
    if (prev && size(prev) < MIN_CHUNK_CHARS && (intoChild || b.end - prev.start <= MAX_CHUNK_CHARS) && related(prev.path, b.path)) {
      const path = intoChild ? b.path : commonPrefix(prev.path, b.path);
      merged[merged.length - 1] = {
        path,
        label: sectionLabel(path, style),
        headingTrail: intoChild ? b.headingTrail : commonPrefix(prev.headingTrail, b.headingTrail),
        start: prev.start,
        end: b.end,
      };
      continue;
    }
    merged.push({ path: b.path, label: b.label, headingTrail: b.headingTrail, start: b.start, end: b.end });
  }
  const out: Piece[] = [];
  for (const p of merged) {
    for (const r of splitText(text.slice(p.start, p.end), MAX_CHUNK_CHARS, MIN_CHUNK_CHARS)) {
      out.push({ ...p, start: p.start + r.start, end: p.start + r.end });
    }
  }
  return out;
}

function isSpecial(path: string[]): boolean {
  return path.length === 1 && ['Phần mở đầu', 'Nơi nhận', 'Phụ lục'].includes(path[0] ?? '');
}

/** Same parent, or `b` inside `a`: merging keeps the label meaningful. */
function related(a: string[], b: string[]): boolean {
  if (isSpecial(a) !== isSpecial(b)) return false;
  if (isSpecial(a)) return a[0] === b[0];
  return isPrefix(a, b) || (a.length === b.length && isPrefix(a.slice(0, -1), b));
}

function isPrefix(a: string[], b: string[]): boolean {
  return a.length <= b.length && a.every((k, i) => b[i] === k);
}

function commonPrefix(a: string[], b: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < Math.min(a.length, b.length) && a[i] === b[i]; i += 1) out.push(a[i] ?? '');
  return out;
}

/** Trim each piece to its text, drop empty ones, number them and attach pages. */
function finalize(input: ChunkInput, pieces: Piece[]): Chunk[] {
  const chunks: Chunk[] = [];
  for (const p of pieces) {
    const raw = input.text.slice(p.start, p.end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (!body) continue;
    const start = p.start + lead;
    const chunk: Chunk = {
      id: `${input.docId}#${chunks.length}`,
      docId: input.docId,
      sectionPath: p.path,
      sectionLabel: p.label,
      headingTrail: p.headingTrail,
      text: body,
      start,
      end: start + body.length,
    };
    const page = input.pages?.find((s) => start >= s.start && start <= s.end)?.page;
    if (page !== undefined) chunk.page = page;
    chunks.push(chunk);
  }
  return chunks;
}
