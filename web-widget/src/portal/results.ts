/** The search results as the portal lists them: one per document, with a short excerpt. */
import type { SearchResult } from '../../../protocol/search.ts';

/** Documents listed at most. */
const LISTED = 10;
const EXCERPT_CHARS = 220;

/** The best passage of each document, in the order of the results. */
export function byDocument(results: readonly SearchResult[], max = LISTED): SearchResult[] {
  const seen = new Map<string, SearchResult>();
  for (const r of results) if (!seen.has(r.docId) && seen.size < max) seen.set(r.docId, r);
  return [...seen.values()];
}

/** The start of `text` on one line, cut at a word, with `…` when cut. */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}
