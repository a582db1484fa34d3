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
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { syllablePairs } from '../core/ocr/pair-repair.ts';
import { normalizeText } from '../core/text/normalize.ts';
import { jsonlRecordStrings, ROOT, SHARED_JSONL, stringsOf, writeCounts } from './text-counts.ts';

const OUT = join(ROOT, 'core', 'ocr', 'syllable-pairs.vi.json');
const MIN_SEEN = 3;

const counts = new Map<string, number>();
function count(text: string): void {
  for (const [a, b] of syllablePairs(normalizeText(text))) {
    const key = `${a} ${b}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
}

for (const s of stringsOf(JSON.parse(await readFile(join(ROOT, 'core', 'text', 'dictionary.vi.json'), 'utf8')))) count(s);
// Each string on its own: a pair never spans two fields of a record.
for (const path of SHARED_JSONL) for await (const strings of jsonlRecordStrings(path)) for (const s of strings) count(s);

const written = await writeCounts(OUT, counts, MIN_SEEN);
process.stdout.write(`${written} syllable pairs written to ${OUT}\n`);
