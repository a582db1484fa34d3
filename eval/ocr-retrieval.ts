/**
 * `npm run eval -- ocr-retrieval`: retrieval over an OCR'd copy of corpora/ against the text
 * copy, on the officials' questions that name gold documents.
 *
 * Every shipped text file is laid out on A4 pages (a new sheet where the source's own page
 * starts), rendered to scans (scripts/fixtures/scan.ts) at each scan condition, wrapped in
 * an image-only PDF and read back through the product's loader (ingest/loaders: pdftoppm +
 * tesseract + line and tone repair). The recognised pages are written, separated by form
 * feeds, under the same relative name, with the original's metadata sidecar (what an
 * admin enters at upload does not depend on the scan), so both copies have the same source
 * ids. Each copy is indexed with the product's ingest, and the questions are asked with the
 * default retrieval (k 10, one chunk per document).
 *
 * The OCR'd text is cached under `data/eval/ocr-copy/<condition>/` with a manifest keyed by
 * a hash of the source text and the scan settings, so reruns only re-index; when the OCR
 * line repair (core/ocr/line-repair.ts) or word-pair repair (core/ocr/pair-repair.ts)
 * changes, the cached text is repaired again in place.
 *
 *   npm run eval -- ocr-retrieval [--with-catalog] [--write]
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { dirname, join, relative } from 'node:path';
import { cerCounts } from '../core/ocr/cer.ts';
import { readPdfLines } from '../core/structure/pdf-lines.ts';
import { LINE_REPAIR_VERSION, repairLines } from '../core/ocr/line-repair.ts';
import { PAIR_REPAIR_VERSION, repairPairs } from '../core/ocr/pair-repair.ts';
import { syllablePairCounts } from '../ingest/ocr/syllables.ts';
import { openIndex } from '../index/open-index.ts';
import { loadSource } from '../ingest/loaders/index.ts';
import { ingest } from '../ingest/pipeline.ts';
import { fitPages, imageOnlyPdf, scanPages, type ScanOptions } from '../scripts/fixtures/scan.ts';
import { loadOfficialQuestions, type OfficialQuestion } from './datasets/officials-questions.ts';
import { scoreRankings, type RankingScores } from './metrics.ts';

/** A way of scanning the corpus. */
export interface ScanCondition {
  key: string;
  name: string;
  scan: ScanOptions;
}

/** The conditions of the OCR accuracy benchmark (bench/ocr.ts): clean 300 dpi, and noisy skewed 200 dpi. */
export const SCAN_CONDITIONS: ScanCondition[] = [
  { key: '300dpi-clean', name: '300 dpi, clean', scan: { dpi: 300 } },
  { key: '200dpi-noisy', name: '200 dpi, noise σ 25 + 0.2 % specks, JPEG q75, 1° skew', scan: { dpi: 200, skewDegrees: 1, noiseSigma: 25, speckRate: 0.002, jpegQuality: 75 } },
];

/**
 * Changes when the fixture's page images change, so cached copies are redone (2: one grey
 * channel instead of three; 3: the source's own page breaks kept, the copy written with its pages).
 */
const SCAN_FIXTURE_VERSION = '3';

/** What the OCR of one document gave. */
interface OcrCopyEntry {
  hash: string;
  /** LINE_REPAIR_VERSION the text was repaired with (absent: before line repair existed). */
  repair?: number;
  /** PAIR_REPAIR_VERSION the text was repaired with (absent: before word-pair repair existed). */
  pairRepair?: number;
  pages: number;
  edits: number;
  length: number;
  seconds: number;
}

/** One copy of the corpus (text or OCR'd) and its retrieval scores. */
export interface CopyResult {
  name: string;
  documents: number;
  pages?: number;
  cer?: number;
  /** Documents OCR'd by this run (the rest came from the cache). */
  ocrd?: number;
  ocrSeconds?: number;
  scores: RankingScores;
}

export interface OcrRetrievalResult {
  questions: number;
  catalog: boolean;
  copies: CopyResult[];
}

async function corpusFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /\.(txt|md)$/.test(entry.name)) out.push(relative(dir, join(entry.parentPath, entry.name)));
  }
  return out.sort();
}

/**
 * The source's pages of printed lines, where its text shows them (a text layer extracted
 * with every line doubled, a new page's first line indented: core/structure/pdf-lines.ts),
 * else one run of lines: a scan of the document starts a new sheet where the document did,
 * so its footnotes stay at the foot of their page.
 */
function sourcePages(text: string): string[][] {
  const pages = new Map<number, string[]>();
  for (const l of readPdfLines(text).lines) {
    if (l.kind !== 'text') continue;
    const line = l.text.replace(/\s+/g, ' ').trim();
    if (line) pages.set(l.page, [...(pages.get(l.page) ?? []), line]);
  }
  return [...pages.values()];
}


const exists = (p: string): Promise<boolean> => stat(p).then(() => true, () => false);

/**
 * Writes the OCR'd copy of `corpusDir` for `condition` under `copyDir` (reusing cached
 * documents whose source and scan settings did not change); returns the manifest.
 */
async function ocrCopy(corpusDir: string, copyDir: string, condition: ScanCondition, log: (s: string) => void): Promise<{ entries: Record<string, OcrCopyEntry>; ocrd: number }> {
  const manifestPath = join(copyDir, 'manifest.json');
  const old = (await exists(manifestPath)) ? JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, OcrCopyEntry> : {};
  const entries: Record<string, OcrCopyEntry> = {};
  const work = await mkdtemp(join(os.tmpdir(), 'ocr-copy-'));
  let ocrd = 0;
  try {
    for (const rel of await corpusFiles(corpusDir)) {
      const source = await readFile(join(corpusDir, rel), 'utf8');
      const hash = createHash('sha256').update(source).update(JSON.stringify(condition.scan)).update(SCAN_FIXTURE_VERSION).digest('hex').slice(0, 16);
      const target = join(copyDir, 'corpus', rel);
      await mkdir(dirname(target), { recursive: true });
      if (await exists(`${join(corpusDir, rel)}.meta.json`)) await copyFile(`${join(corpusDir, rel)}.meta.json`, `${target}.meta.json`);
      const byPage = sourcePages(source);
      const lines = byPage.flat();
      if (old[rel]?.hash === hash && await exists(target)) {
        entries[rel] = old[rel]!;
        if (old[rel]!.repair !== LINE_REPAIR_VERSION || old[rel]!.pairRepair !== PAIR_REPAIR_VERSION) {
          // Replayed page by page, not re-read: both repairs are idempotent, and the word-pair
          // repair comes after the line and tone repairs, as in the loader (ingest/ocr/ocr-pages.ts).
          const pairs = await syllablePairCounts();
          const text = (await readFile(target, 'utf8')).replace(/\n$/, '').split('\f').map((p) => repairPairs(repairLines(p).text, pairs).text).join('\f');
          await writeFile(target, `${text}\n`);
          entries[rel] = { ...old[rel]!, ...cerCounts(lines.join('\n'), text), repair: LINE_REPAIR_VERSION, pairRepair: PAIR_REPAIR_VERSION };
          log(`${condition.key} ${rel}: cached OCR text repaired again (line repair v${LINE_REPAIR_VERSION}, word-pair repair v${PAIR_REPAIR_VERSION})`);
        }
        continue;
      }
      const pages = byPage.flatMap((p) => fitPages(p));
      const pdf = join(work, `${rel.replace(/[/\\]/g, '_')}.pdf`);
      await writeFile(pdf, await imageOnlyPdf(await scanPages(pages, condition.scan), condition.scan.dpi));
      const t0 = Date.now();
      let text: string | undefined;
      for await (const r of loadSource(pdf)) {
        if (!r.ok) throw new Error(`${rel}: ${r.skipped.code} ${r.skipped.message}`);
        // Pages kept (form feeds: ingest/loaders/file.ts), as the PDF loader hands them to the structure step.
        text = (r.doc.pages ?? [r.doc.text]).join('\f');
      }
      const seconds = (Date.now() - t0) / 1000;
      const c = cerCounts(lines.join('\n'), text ?? '');
      await writeFile(target, `${text ?? ''}\n`);
      entries[rel] = { hash, repair: LINE_REPAIR_VERSION, pairRepair: PAIR_REPAIR_VERSION, pages: pages.length, edits: c.edits, length: c.length, seconds };
      ocrd++;
      log(`${condition.key} ${rel}: ${pages.length} pages, CER ${(100 * c.edits / c.length).toFixed(2)} %, ${seconds.toFixed(0)} s`);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  await writeFile(manifestPath, `${JSON.stringify(entries, null, 2)}\n`);
  return { entries, ocrd };
}

/**
 * Ranks documents for every question over the index built from `inputs` in `indexDir`,
 * rebuilt from scratch: an update would keep the chunks of files whose text did not change,
 * so a change to the structure step would not be measured.
 */
async function scoreCopy(inputs: string[], indexDir: string, questions: OfficialQuestion[]): Promise<{ scores: RankingScores; documents: number }> {
  const summary = await ingest({ inputs, indexDir, rebuild: true });
  const index = await openIndex(indexDir);
  const runs = [];
  for (const q of questions) {
    const hits = await index.search(q.question, { k: 10, perDoc: 1, audiences: ['public', 'internal'] });
    runs.push({ ranked: hits.map((h) => h.sourceId), gold: q.goldDocs ?? [] });
  }
  return { scores: scoreRankings(runs), documents: summary.documents };
}

/**
 * Builds (or reuses) the OCR'd copies, indexes each copy and the text copy (with the TTHC
 * catalog beside them when `catalog` names it) under `workDir`, and scores each on the
 * officials' questions with gold documents.
 */
export async function runOcrRetrievalEval(opts: { corpusDir: string; workDir: string; catalog?: string; conditions?: ScanCondition[]; log?: (s: string) => void }): Promise<OcrRetrievalResult> {
  const log = opts.log ?? ((s: string) => process.stderr.write(`${s}\n`));
  const questions = (await loadOfficialQuestions()).filter((q) => (q.goldDocs ?? []).length > 0);
  const extra = opts.catalog ? [opts.catalog] : [];
  const tag = opts.catalog ? 'with-catalog' : 'corpus-only';
  const copies: CopyResult[] = [];
  const text = await scoreCopy([opts.corpusDir, ...extra], join(opts.workDir, `index-text-${tag}`), questions);
  copies.push({ name: 'text copy (corpora/)', documents: text.documents, scores: text.scores });
  log(`text copy: MRR@10 ${text.scores.mrrAt10.toFixed(3)}`);
  for (const condition of opts.conditions ?? SCAN_CONDITIONS) {
    const copyDir = join(opts.workDir, condition.key);
    const t0 = Date.now();
    const { entries, ocrd } = await ocrCopy(opts.corpusDir, copyDir, condition, log);
    const ocrSeconds = (Date.now() - t0) / 1000;
    const all = Object.values(entries);
    const scored = await scoreCopy([join(copyDir, 'corpus'), ...extra], join(copyDir, `index-${tag}`), questions);
    copies.push({
      name: `OCR'd copy, ${condition.name}`, documents: scored.documents, scores: scored.scores, ocrd, ocrSeconds,
      pages: all.reduce((n, e) => n + e.pages, 0),
      cer: all.reduce((n, e) => n + e.edits, 0) / Math.max(1, all.reduce((n, e) => n + e.length, 0)),
    });
    log(`${condition.key}: MRR@10 ${scored.scores.mrrAt10.toFixed(3)}`);
  }
  return { questions: questions.length, catalog: Boolean(opts.catalog), copies };
}

/** The section for docs/BENCHMARKS.md. */
export function ocrRetrievalSection(r: OcrRetrievalResult, header: string): string {
  const base = r.copies[0]!.scores;
  const f = (x: number): string => x.toFixed(3);
  const rows = r.copies.map((c, i) => {
    const s = c.scores;
    const diff = i === 0 ? '–' : `${s.mrrAt10 - base.mrrAt10 >= 0 ? '+' : '−'}${f(Math.abs(s.mrrAt10 - base.mrrAt10))}`;
    // Compared at the precision shown, so that a difference printed as 0.020 counts as within.
    const met = i === 0 ? '' : Math.round((base.mrrAt10 - s.mrrAt10) * 1000) <= 20 ? 'yes' : 'no';
    return `| ${c.name} | ${c.pages ?? '–'} | ${c.cer === undefined ? '–' : `${(c.cer * 100).toFixed(2)} %`} | ${f(s.recallAt1)} | ${f(s.recallAt5)} | ${f(s.recallAt10)} | ${f(s.mrrAt10)} | ${diff} | ${met} |`;
  });
  return [
    header,
    '',
    `${r.questions} questions of eval/datasets/officials-questions.jsonl with gold documents (all kinds; follow-ups asked as written), default retrieval (k 10, one chunk per document, public and internal documents); index: ${r.catalog ? 'corpora/ + the TTHC catalog' : 'corpora/ only'}, ${r.copies[0]!.documents} documents. The OCR'd copy: each shipped text file rendered to A4 scans, wrapped in an image-only PDF and read through the product's loader (pdftoppm + tesseract + line, tone and word-pair repair), saved under the same name with the original's metadata sidecar.`,
    '',
    '| Copy | Pages | CER | R@1 | R@5 | R@10 | MRR@10 | Δ MRR@10 | within 0.02 |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
