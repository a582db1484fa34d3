/**
 * What the OCR count builders (make-syllables.ts, make-syllable-pairs.ts) share: the
 * strings of a JSON value, the records of the shared datasets, and the counts file they
 * write (most frequent first, those seen too rarely dropped).
 */
import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** The repository's root. */
export const ROOT = join(import.meta.dirname, '..');

/** The national TTHC catalog and the ALQAC law articles (../shared/datasets), the counts' general Vietnamese. */
export const SHARED_JSONL = [
  join(ROOT, '..', 'shared', 'datasets', 'tthc', 'procedures.jsonl'),
  join(ROOT, '..', 'shared', 'datasets', 'alqac', 'corpus.jsonl'),
];

/** Every string inside a JSON value, in order. */
export function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

/** The strings of each record of a JSONL file, a record at a time. */
export async function* jsonlRecordStrings(path: string): AsyncGenerator<string[]> {
  for await (const line of createInterface({ input: createReadStream(path) })) {
    if (line.trim()) yield stringsOf(JSON.parse(line));
  }
}

/** Writes `counts` seen at least `minSeen` times as one JSON object, most frequent first; returns how many. */
export async function writeCounts(out: string, counts: ReadonlyMap<string, number>, minSeen: number): Promise<number> {
  const kept = [...counts].filter(([, n]) => n >= minSeen).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  await writeFile(out, `{\n${kept.map(([k, n]) => `${JSON.stringify(k)}:${n}`).join(',\n')}\n}\n`);
  return kept.length;
}
