/**
 * Streaming JSONL loader: one document per record, one skipped entry per bad line. The file
 * is read line by line (a 41 MB catalog is never held as one string).
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { recordToDocument } from './records.ts';
import { loaded, skipLine, type LoadResult } from './result.ts';

/**
 * Loads every record of a JSONL file. Blank lines are ignored; `source` of each result is
 * `path#L<n>` (1-based). Malformed JSON → JSONL_MALFORMED, a record without its id or text →
 * JSONL_MISSING_FIELD, invalid metadata → METADATA_INVALID, an id seen on an earlier line →
 * DUPLICATE_ID (the first record wins).
 * @param name - the file's name in messages (its source id).
 */
export async function* loadJsonl(path: string, name: string): AsyncGenerator<LoadResult> {
  const lines = createInterface({
    input: createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 }),
    crlfDelay: Infinity,
  });
  const seen = new Map<string, number>();
  let n = 0;
  for await (const rawLine of lines) {
    n++;
    const line = n === 1 ? rawLine.replace(/^\uFEFF/, '') : rawLine;
    if (line.trim() === '') continue;
    const source = `${path}#L${n}`;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      yield skipLine(source, name, n, 'JSONL_MALFORMED');
      continue;
    }
    if (!record || typeof record !== 'object' || Array.isArray(record)) {
      yield skipLine(source, name, n, 'JSONL_MALFORMED', 'Mỗi dòng phải là một đối tượng JSON.');
      continue;
    }
    const outcome = recordToDocument(record as Record<string, unknown>, source);
    if (!outcome.ok) {
      yield skipLine(source, name, n, outcome.problem.code, outcome.problem.specific);
      continue;
    }
    const first = seen.get(outcome.doc.sourceId);
    if (first !== undefined) {
      yield skipLine(source, name, n, 'DUPLICATE_ID', `Mã "${outcome.doc.sourceId}" đã có ở dòng ${first}; dòng ${n} bị bỏ qua.`);
      continue;
    }
    seen.set(outcome.doc.sourceId, n);
    yield loaded(outcome.doc);
  }
}
