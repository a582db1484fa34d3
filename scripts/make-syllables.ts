/**
 * Builds core/ocr/syllables.vi.json, the syllable counts that OCR tone repair trusts
 * (core/ocr/tone-repair.ts): every letter run of the shipped corpus (corpora/), the
 * abbreviation dictionary (core/text/dictionary.vi.json), the national TTHC catalog and the
 * ALQAC law articles (../shared/datasets), lower-cased with canonical tone placement.
 * Runs seen fewer than twice are dropped (typos of the sources). `npx tsx scripts/make-syllables.ts`.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { syllableKey } from '../core/ocr/tone-repair.ts';
import { normalizeText } from '../core/text/normalize.ts';
import { jsonlRecordStrings, ROOT, SHARED_JSONL, stringsOf, writeCounts } from './text-counts.ts';

const OUT = join(ROOT, 'core', 'ocr', 'syllables.vi.json');
const MIN_SEEN = 2;

const counts = new Map<string, number>();
function count(text: string): void {
  for (const m of normalizeText(text).matchAll(/\p{L}+/gu)) {
    const key = syllableKey(m[0]);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...await walk(p));
    else if (/\.(txt|md)$/.test(e.name)) out.push(p);
  }
  return out;
}

for (const file of await walk(join(ROOT, 'corpora'))) count(await readFile(file, 'utf8'));
count(stringsOf(JSON.parse(await readFile(join(ROOT, 'core', 'text', 'dictionary.vi.json'), 'utf8'))).join('\n'));
for (const path of SHARED_JSONL) for await (const strings of jsonlRecordStrings(path)) count(strings.join('\n'));

const written = await writeCounts(OUT, counts, MIN_SEEN);
process.stdout.write(`${written} syllables written to ${OUT}\n`);
