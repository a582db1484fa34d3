/**
 * Gathering a whole list back from the chunks of a document. A list stays under the path of
 * the heading it stands under (`['III']` for "III. Khó khăn, vướng mắc", `['II', '4', 'e']`),
 * however many chunks it took, and a chunk that begins inside a paragraph says so
 * (`continues`). So "all items under heading X" is: the body chunks whose path starts with
 * X's path, in document order, cut into paragraphs, with the paragraphs a chunk boundary
 * split joined again. Each item names the chunk(s) it came from, for citations.
 */
import type { Chunk } from '../model.ts';
import { matchLineMarker } from './markers.ts';

/** One item of a section: a paragraph, with its list marker when it opens with one. */
export interface SectionItem {
  text: string;
  /** `-`, `+`, `a`, `1`, `(2)` …; absent for a plain paragraph. */
  marker?: string;
  /** Path of the chunk holding the item (a subsection's items carry its deeper path). */
  path: string[];
  /** Ids of the chunks the item's text lies in (two when a chunk boundary split it). */
  chunkIds: string[];
}

/** Body chunks (no header, signature, recipients, footnotes) under `path`, in document order. */
export function sectionChunks(chunks: Chunk[], path: string[]): Chunk[] {
  return chunks.filter((c) => (c.kind === undefined || c.kind === 'table-row') && path.every((k, i) => c.sectionPath[i] === k));
}

/**
 * The items under the heading at `path`: every paragraph of its chunks but the headings
 * themselves, a paragraph split between two chunks joined back. Subsection headings are
 * items too (with their marker), followed by their own items.
 */
export function sectionItems(chunks: Chunk[], path: string[]): SectionItem[] {
  const items: SectionItem[] = [];
  for (const chunk of sectionChunks(chunks, path)) {
    // The requested heading and those above it are not items; subsection headings are.
    const own = new Set(chunk.headingTrail.slice(0, path.length));
    chunk.text.split('\n').forEach((para, i) => {
      const text = para.trim();
      if (!text) return;
      const last = items[items.length - 1];
      if (i === 0 && chunk.continues && last) {
        last.text = `${last.text} ${text}`;
        if (!last.chunkIds.includes(chunk.id)) last.chunkIds.push(chunk.id);
        return;
      }
      if (own.has(text)) return;
      const marker = matchLineMarker(text);
      const item: SectionItem = { text, path: chunk.sectionPath, chunkIds: [chunk.id] };
      if (marker) item.marker = marker.kind === 'paren' ? `(${marker.key})` : marker.key;
      items.push(item);
    });
  }
  return items;
}
