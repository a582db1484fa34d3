/**
 * Stable, URL-safe document ids derived from source ids (file names, JSONL ids, TTHC
 * codes). Readable where the source id already is; a short hash keeps lossy slugs unique.
 */

function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0').slice(0, 6);
}

/** `Luật Viên chức#5` → `luat-vien-chuc-5-3fa2c1`; `1.000178` → `1.000178`. */
export function docIdFor(sourceId: string): string {
  const slug = sourceId
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  if (slug && slug === sourceId) return slug;
  return `${slug || 'doc'}-${fnv1a(sourceId)}`;
}
