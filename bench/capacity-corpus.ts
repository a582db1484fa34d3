/**
 * A synthetic corpus for the capacity bench: decisions made of real sentences of the
 * national procedure catalog, shuffled (seeded), so that the postings keep the catalog's
 * word and syllable distributions while the corpus grows to any size. Written as JSONL
 * records (`id`, `title`, `text`: generic documents for the loader), many to a file.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Text fields of a catalog record whose sentences are reused. */
const TEXT_FIELDS = ['ten_thu_tuc', 'trinh_tu_thuc_hien', 'cach_thuc_thuc_hien', 'thanh_phan_ho_so', 'yeu_cau_dieu_kien', 'doi_tuong_thuc_hien', 'co_quan_thuc_hien', 'linh_vuc'];
/** Documents per JSONL file written. */
const PER_FILE = 5000;

/** Sentences of the catalog (40 to 400 characters), in file order. */
export async function catalogSentences(proceduresPath: string): Promise<string[]> {
  const out: string[] = [];
  for (const line of (await readFile(proceduresPath, 'utf8')).split('\n')) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as Record<string, unknown>;
    for (const field of TEXT_FIELDS) {
      const value = record[field];
      if (typeof value !== 'string') continue;
      for (const s of value.split(/(?<=[.;:])\s+|\n+/)) {
        const t = s.replace(/\s+/g, ' ').trim();
        if (t.length >= 40 && t.length <= 400) out.push(t);
      }
    }
  }
  return out;
}

/** A small seeded generator (mulberry32), so a size is the same corpus every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One synthetic decision: a title, then 4 to 9 articles of 2 to 6 sentences each. */
function decision(n: number, sentences: readonly string[], next: () => number): { id: string; title: string; text: string } {
  const pick = () => sentences[Math.floor(next() * sentences.length)]!;
  const title = `Quyết định số ${n}/QĐ-TH về việc ${pick().replace(/[.;:]$/, '').toLowerCase()}`;
  const lines = ['QUYẾT ĐỊNH', `Số ${n}/QĐ-TH ngày ${1 + (n % 28)}/${1 + (n % 12)}/${2015 + (n % 11)}`, ''];
  const articles = 4 + Math.floor(next() * 6);
  for (let a = 1; a <= articles; a++) {
    const count = 2 + Math.floor(next() * 5);
    lines.push(`Điều ${a}. ${Array.from({ length: count }, pick).join(' ')}`, '');
  }
  return { id: `qd-th-${n}`, title, text: lines.join('\n') };
}

/** Write `documents` synthetic decisions as JSONL files under `dir` ({@link PER_FILE} a file). */
export async function writeSyntheticCorpus(dir: string, documents: number, sentences: readonly string[], seed = 17): Promise<void> {
  const next = random(seed);
  await mkdir(dir, { recursive: true });
  for (let file = 0; file * PER_FILE < documents; file++) {
    const lines: string[] = [];
    for (let n = file * PER_FILE, end = Math.min(documents, (file + 1) * PER_FILE); n < end; n++) lines.push(JSON.stringify(decision(n, sentences, next)));
    await writeFile(join(dir, `quyet-dinh-${String(file).padStart(4, '0')}.jsonl`), `${lines.join('\n')}\n`);
  }
}
