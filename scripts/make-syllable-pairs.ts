/**
 * Builds core/ocr/syllable-pairs.vi.json, the syllable-pair counts that the OCR word-pair
 * repair trusts (core/ocr/pair-repair.ts): every two letter runs of a sentence that only
 * spaces (or one line break) separate, lower-cased with canonical tone placement, counted
 * over the national TTHC catalog and the ALQAC law articles (../shared/datasets) and the
 * abbreviation dictionary (core/text/dictionary.vi.json).
 *
 * The province's own documents (corpora/) are left out on purpose: they are what the OCR
 * retrieval eval reads back, and the national catalog and laws are the administrative
 * Vietnamese every province's deployment holds anyway. Pairs seen fewer than
 * {@link MIN_SEEN} times are dropped (typos of the sources, and size).
 * `npx tsx scripts/make-syllable-pairs.ts`.
 */
import { createReadStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { syllablePairs } from '../core/ocr/pair-repair.ts';
import { normalizeText } from '../core/text/normalize.ts';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'core', 'ocr', 'syllable-pairs.vi.json');
const MIN_SEEN = 3;

const counts = new Map<string, number>();
function count(text: string): void {
  for (const [a, b] of syllablePairs(normalizeText(text))) {
    const key = `${a} ${b}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

async function jsonl(path: string): Promise<void> {
  for await (const line of createInterface({ input: createReadStream(path) })) {
    if (line.trim()) for (const s of strings(JSON.parse(line))) count(s);
  }
}

for (const s of strings(JSON.parse(await readFile(join(ROOT, 'core', 'text', 'dictionary.vi.json'), 'utf8')))) count(s);
const shared = join(ROOT, '..', 'shared', 'datasets');
await jsonl(join(shared, 'tthc', 'procedures.jsonl'));
await jsonl(join(shared, 'alqac', 'corpus.jsonl'));

const kept = [...counts].filter(([, n]) => n >= MIN_SEEN).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
await writeFile(OUT, `{\n${kept.map(([k, n]) => `${JSON.stringify(k)}:${n}`).join(',\n')}\n}\n`);
process.stdout.write(`${kept.length} syllable pairs written to ${OUT}\n`);
