/**
 * The lines of an uploaded JSONL file without one record: what `UploadStore.removeRecord`
 * writes back. A line is the record when the loader reads it as a document with that
 * source id (so a later duplicate, which the loader would index in its place, goes too);
 * blank, malformed and other lines are kept as they are.
 */
import { recordToDocument } from '../../ingest/loaders/records.ts';

/** `text` split into lines, those of record `sourceId` dropped; `removedLines` are 1-based. `path` names the file in loader messages. */
export function linesWithoutRecord(text: string, sourceId: string, path: string): { kept: string[]; removedLines: number[] } {
  const removedLines: number[] = [];
  const kept = text.split('\n').filter((raw, i) => {
    const line = i === 0 ? raw.replace(/^\uFEFF/, '') : raw;
    if (!line.trim()) return true;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      return true;
    }
    if (!record || typeof record !== 'object' || Array.isArray(record)) return true;
    const outcome = recordToDocument(record as Record<string, unknown>, `${path}#L${i + 1}`);
    if (!outcome.ok || outcome.doc.sourceId !== sourceId) return true;
    removedLines.push(i + 1);
    return false;
  });
  return { kept, removedLines };
}
