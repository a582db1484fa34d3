/** What the source view's address says: `/sources/<docId>?chunk=<chunkId>`. */

/** The document id in `pathname` (decoded when it can be). */
export function docIdFromPath(pathname: string): string {
  const rest = pathname.replace(/^\/sources\//, '');
  try {
    return decodeURIComponent(rest);
  } catch {
    return rest;
  }
}

/** The ordinal of the cited chunk (`<docId>#<ordinal>`) in `search`, or null. */
export function citedOrdinal(search: string): number | null {
  const chunk = new URLSearchParams(search).get('chunk');
  if (!chunk) return null;
  const n = Number(chunk.slice(chunk.lastIndexOf('#') + 1));
  return Number.isInteger(n) ? n : null;
}
