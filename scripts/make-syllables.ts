/**
 * Builds core/ocr/syllables.vi.json, the syllable counts that OCR tone repair trusts
 * (core/ocr/tone-repair.ts): every letter run of the shipped corpus (corpora/), the
 * abbreviation dictionary (core/text/dictionary.vi.json), the national TTHC catalog and the
 * ALQAC law articles (../shared/datasets), lower-cased with canonical tone placement.
 * Runs seen fewer than twice are dropped (typos of the sources). `npx tsx scripts/make-syllables.ts`.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { syllableKey } from '../core/ocr/tone-repair.ts';
import { normalizeText } from '../core/text/normalize.ts';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'core', 'ocr', 'syllables.vi.json');
const MIN_SEEN = 2;

const counts = new Map<string, number>();
function count(text: string): void {
  for (const m of normalizeText(text).matchAll(/\p{L}+/gu)) {
    const key = syllableKey(m[0]);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
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

async function jsonl(path: string): Promise<void> {
  for await (const line of createInterface({ input: createReadStream(path) })) {
    if (line.trim()) count(strings(JSON.parse(line)).join('\n'));
  }
}

for (const file of await walk(join(ROOT, 'corpora'))) count(await readFile(file, 'utf8'));
count(strings(JSON.parse(await readFile(join(ROOT, 'core', 'text', 'dictionary.vi.json'), 'utf8'))).join('\n'));
const shared = join(ROOT, '..', 'shared', 'datasets');
await jsonl(join(shared, 'tthc', 'procedures.jsonl'));
await jsonl(join(shared, 'alqac', 'corpus.jsonl'));

const kept = [...counts].filter(([, n]) => n >= MIN_SEEN).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
await writeFile(OUT, `{\n${kept.map(([k, n]) => `${JSON.stringify(k)}:${n}`).join(',\n')}\n}\n`);
process.stdout.write(`${kept.length} syllables written to ${OUT}\n`);
