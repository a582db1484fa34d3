/**
 * Pieces of a document on their way to chunks: sections merged when tiny and split at
 * sentence boundaries when long, then numbered into chunks with their pages. Shared by the
 * chunkers of documents, law articles and procedures.
 */
import type { Chunk, ChunkKind } from '../model.ts';
import type { PageSpan } from './pdf-text.ts';
import { sectionLabel, type SectionBlock } from './sections.ts';
import { splitText } from './sentence-split.ts';

/** Chunks shorter than this are merged with a neighbour when the structure allows. */
export const MIN_CHUNK_CHARS = 200;
/** Chunks are split at sentence boundaries beyond this length. */
export const MAX_CHUNK_CHARS = 1200;

/** A run of the text (or, without offsets in the text, a composed `text`) bound for one chunk. */
export interface Piece {
  path: string[];
  label: string;
  headingTrail: string[];
  start: number;
  end: number;
  kind?: ChunkKind;
  /** Text written for the piece when it is not one slice of the document (start is its place). */
  text?: string;
}

/**
 * Merge a heading-only or tiny block into the next block when both sit under the same
 * parent (or the next is its child) and the result stays within bounds; split what is
 * too long. A merged chunk is labelled by the deepest section common to its parts.
 */
export function mergeAndSplit(text: string, blocks: SectionBlock[], style: 'legal' | 'admin'): Piece[] {
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

/** Trim each piece to its text, drop empty ones, number them and attach pages and kinds. */
export function finalize(input: { docId: string; text: string; pages?: PageSpan[] | undefined }, pieces: Piece[]): Chunk[] {
  const chunks: Chunk[] = [];
  for (const p of pieces) {
    const raw = p.text ?? input.text.slice(p.start, p.end);
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
    };
    if (p.text === undefined) {
      chunk.start = start;
      chunk.end = start + body.length;
      if (start > 0 && input.text.charAt(start - 1) !== '\n') chunk.continues = true;
    }
    const page = input.pages?.find((s) => start >= s.start && start <= s.end)?.page;
    if (page !== undefined) chunk.page = page;
    if (p.kind) chunk.kind = p.kind;
    chunks.push(chunk);
  }
  return chunks;
}
