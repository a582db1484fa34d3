/**
 * `npm run bench -- ocr`: OCR accuracy and speed on generated scans of the shipped corpus
 * (corpora/, laid out on A4 pages and rasterised: docs/BENCHMARKS.md, "OCR").
 *
 * 1. Character error rate of the product's OCR path (Debian tesseract 5 + vie, tone repair)
 *    on every corpus page, at 300 dpi clean and at 200 dpi with noise, specks, JPEG and 1°
 *    skew; pages/s and CPU seconds per page with the default concurrency (one per core).
 * 2. A 200-page scanned PDF ingested through the CLI with per-page progress, then the same
 *    run cancelled with SIGTERM after a few pages: exit code, no tesseract left, index kept.
 *
 * `--pages N` keeps the first N corpus pages in part 1; `--scan-pages N` sets the length of
 * the scan in part 2 (0 leaves part 2 out); `--scan-only` runs part 2 alone.
 *
 * `--engine tesseract.js` measures tesseract.js instead for part 1 (install it first,
 * `npm i --no-save tesseract.js@7.0.0`; the traineddata comes from the Debian package).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { cerCounts } from '../core/ocr/cer.ts';
import { ocrPages } from '../ingest/ocr/ocr-pages.ts';
import { resolveOcrOptions } from '../ingest/ocr/options.ts';
import { pdfPageJob, pdfPageSizes } from '../ingest/ocr/page-images.ts';
import { childEnvironment } from '../config/environment.ts';
import { REPO_ROOT } from '../config/paths.ts';
import { fitPages, imageOnlyPdf, scanPages, type ScanOptions, type ScanPage, type TextLayout } from '../scripts/fixtures/scan.ts';

const CONDITIONS: Array<{ name: string; scan: ScanOptions; layout?: TextLayout }> = [
  { name: '300 dpi, clean', scan: { dpi: 300 } },
  // Footnotes and tables are set at 8–9 pt: the smallest print a page recognised at the OCR cap must still read.
  { name: '300 dpi, clean, 8 pt print (footnote size)', scan: { dpi: 300 }, layout: { fontSize: 8 } },
  { name: '200 dpi, noise σ 25 + 0.2 % specks, JPEG q75, 1° skew', scan: { dpi: 200, skewDegrees: 1, noiseSigma: 25, speckRate: 0.002, jpegQuality: 75 } },
];

/** CPU seconds used by this process's waited-for children (tesseract, pdftoppm). */
function childCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const parts = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 16 and 17 of /proc/pid/stat (cutime, cstime, in clock ticks of 1/100 s), counted from field 3 here.
  return (Number(parts[13]) + Number(parts[14])) / 100;
}

/** Corpus lines, one per non-empty line of each shipped text file, cut into pages of `layout`'s type size. */
export async function corpusPages(layout: TextLayout = {}): Promise<string[][]> {
  const dir = join(REPO_ROOT, 'corpora', 'quang-ngai');
  const lines: string[] = [];
  for (const f of (await readdir(dir)).filter((n) => /\.(txt|md)$/.test(n)).sort()) {
    for (const l of (await readFile(join(dir, f), 'utf8')).split('\n')) {
      const t = l.replace(/\s+/g, ' ').trim();
      if (t) lines.push(t);
    }
  }
  return fitPages(lines, layout);
}

interface Measured { cer: number; pages: number; seconds: number; cpuPerPage?: number; meanConfidence: number; toneRepairs: number }

/**
 * The product's path for a scanned PDF: the pages wrapped in an image-only PDF, rasterised
 * by pdftoppm at the scan's resolution and recognised by Tesseract, `concurrency` at once.
 * CPU counts this process (sharp, tone repair) and every tool it waited for.
 */
async function measureDebian(pages: string[][], images: ScanPage[], dpi: number, maxDpi?: number): Promise<Measured> {
  const opts = resolveOcrOptions({ maxDpi });
  const work = await mkdtemp(join(os.tmpdir(), 'bench-ocr-pages-'));
  try {
    const pdf = join(work, 'scan.pdf');
    await writeFile(pdf, await imageOnlyPdf(images, dpi));
    const sizes = await pdfPageSizes(pdf, images.length, opts);
    const jobs = images.map((_, i) => pdfPageJob(pdf, i + 1, sizes[i], opts, dpi));
    const own0 = process.cpuUsage();
    const cpu0 = childCpuSeconds();
    const t0 = Date.now();
    const out = await ocrPages(jobs, opts);
    const seconds = (Date.now() - t0) / 1000;
    const own = process.cpuUsage(own0);
    const cpu = childCpuSeconds() - cpu0 + (own.user + own.system) / 1e6;
    let edits = 0;
    let length = 0;
    out.forEach((o, i) => {
      const c = cerCounts(pages[i]!.join('\n'), o.text);
      edits += c.edits;
      length += c.length;
    });
    const conf = out.reduce((s, o) => s + (o.confidence ?? 0), 0) / out.length;
    return { cer: edits / length, pages: out.length, seconds, cpuPerPage: cpu / out.length, meanConfidence: conf, toneRepairs: out.reduce((n, o) => n + o.toneRepairs, 0) };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function measureTesseractJs(pages: string[][], images: ScanPage[], dpi: number): Promise<Measured> {
  const mod = await import(['tesseract', 'js'].join('.')).catch(() => {
    throw new Error('tesseract.js is not installed: npm i --no-save tesseract.js@7.0.0');
  }) as { createWorker: (lang: string, oem: number, o: Record<string, unknown>) => Promise<{ setParameters(p: Record<string, string>): Promise<unknown>; recognize(b: Buffer): Promise<{ data: { text: string; confidence: number } }>; terminate(): Promise<unknown> }> };
  const workers = await Promise.all(Array.from({ length: os.availableParallelism() }, () =>
    mod.createWorker('vie', 1, { langPath: childEnvironment().TESSDATA_PREFIX ?? '/usr/share/tesseract-ocr/5/tessdata', gzip: false, cacheMethod: 'none' })));
  for (const w of workers) await w.setParameters({ user_defined_dpi: String(dpi) });
  const cpu0 = process.cpuUsage();
  const t0 = Date.now();
  const texts: string[] = new Array(images.length);
  const confs: number[] = new Array(images.length);
  let next = 0;
  await Promise.all(workers.map(async (w) => {
    while (next < images.length) {
      const i = next++;
      const r = await w.recognize(images[i]!.image);
      texts[i] = r.data.text;
      confs[i] = r.data.confidence;
    }
  }));
  const seconds = (Date.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  await Promise.all(workers.map((w) => w.terminate()));
  let edits = 0;
  let length = 0;
  texts.forEach((t, i) => {
    const c = cerCounts(pages[i]!.join('\n'), t);
    edits += c.edits;
    length += c.length;
  });
  return { cer: edits / length, pages: images.length, seconds, cpuPerPage: (cpu.user + cpu.system) / 1e6 / images.length, meanConfidence: confs.reduce((a, b) => a + b, 0) / confs.length, toneRepairs: 0 };
}

const pct = (x: number): string => `${(x * 100).toFixed(2)} %`;

/** Running tesseract processes whose command line names a file under `dir`. */
function ownTesseracts(dir: string): number {
  const pids = spawnSync('pgrep', ['-x', 'tesseract']).stdout.toString().trim().split('\n').filter(Boolean);
  return pids.filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dir);
    } catch {
      return false; // gone between pgrep and the read
    }
  }).length;
}

/** Runs the CLI on `pdf`, cancelling with SIGTERM once `cancelAfterPages` pages are done (if given). */
function runCli(pdfDir: string, indexDir: string, maxBytes: number, cancelAfterPages?: number): Promise<{ code: number | null; seconds: number; progressLines: number; lastPage: number; tesseractLeft: number; stderrTail: string }> {
  return new Promise((resolveRun) => {
    const t0 = Date.now();
    // The run's own TMPDIR: its page images are there, so its tesseracts are told from any other on the machine.
    const tmp = `${indexDir}-tmp`;
    mkdirSync(tmp, { recursive: true });
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'ingest', 'cli.ts'), pdfDir, '--index', indexDir, '--max-bytes', String(maxBytes)], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: childEnvironment({ TMPDIR: tmp }) });
    let progressLines = 0;
    let lastPage = 0;
    let sent = false;
    let stderrTail = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => {
      stderrTail = (stderrTail + d).slice(-600);
      for (const m of d.matchAll(/trang (\d+)\/(\d+)/g)) {
        progressLines++;
        lastPage = Number(m[1]);
        if (cancelAfterPages !== undefined && !sent && lastPage >= cancelAfterPages) {
          sent = true;
          child.kill('SIGTERM');
        }
      }
    });
    child.stdout.resume();
    child.on('close', (code) => {
      const left = ownTesseracts(tmp);
      resolveRun({ code, seconds: (Date.now() - t0) / 1000, progressLines, lastPage, tesseractLeft: left, stderrTail });
    });
  });
}

/** The benchmark section for docs/BENCHMARKS.md. */
export async function benchOcr(args: { engine?: string; pages?: string; 'scan-pages'?: string; 'scan-only'?: boolean; 'max-dpi'?: string } = {}): Promise<string> {
  const engine = args.engine ?? 'tesseract';
  const maxDpi = args['max-dpi'] ? Number(args['max-dpi']) : resolveOcrOptions().maxDpi;
  const all = await corpusPages();
  const limit = args.pages ? Number(args.pages) : Infinity;
  const scanTotal = args['scan-pages'] ? Number(args['scan-pages']) : 200;
  const load = os.loadavg()[0]!.toFixed(1);
  const rows: string[] = [];
  for (const c of args['scan-only'] ? [] : CONDITIONS) {
    const pages = (c.layout ? await corpusPages(c.layout) : all).slice(0, limit);
    const images = await scanPages(pages, c.scan, c.layout);
    const load0 = os.loadavg()[0]!.toFixed(1);
    const m = engine === 'tesseract.js' ? await measureTesseractJs(pages, images, c.scan.dpi) : await measureDebian(pages, images, c.scan.dpi, maxDpi);
    rows.push(`| ${engine} | ${c.name} | ${m.pages} | ${pct(m.cer)} | ${m.meanConfidence.toFixed(1)} | ${m.toneRepairs} | ${(m.pages / m.seconds).toFixed(2)} | ${m.cpuPerPage?.toFixed(2) ?? '–'} | ${load0}–${os.loadavg()[0]!.toFixed(1)} |`);
    process.stderr.write(`${rows[rows.length - 1]}\n`);
  }
  const out = [
    '### OCR',
    '',
    `Command: \`npm run bench -- ocr${engine === 'tesseract' ? '' : ` --engine ${engine}`}${args['max-dpi'] ? ` --max-dpi ${maxDpi}` : ''}\` · ${new Date().toISOString().slice(0, 10)} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version} · load average at start ${load} (the machine is shared: wall-clock pages/s are lower than on an idle one, and CPU s/page is inflated by the contention too)`,
    '',
    `Pages: ${limit >= all.length ? 'the' : `the first ${limit} of the`} ${all.length} A4 pages of the shipped corpus (corpora/quang-ngai, DejaVu Serif 13 pt; the 8 pt row sets the same lines at footnote size), rendered with pdfkit and rasterised with pdftoppm (scripts/fixtures/scan.ts), recognised at most at ${maxDpi} dpi (pages scanned finer are rasterised down to it). CER = edit distance / reference length over NFC text with white space collapsed.`,
    '',
    ...(rows.length ? ['| engine | scan | pages | CER | mean confidence | tone repairs | pages/s (2 cores) | CPU s/page | load average |', '|---|---|---|---|---|---|---|---|---|', ...rows] : ['(accuracy part left out: `--scan-only`)']),
  ];
  if (engine !== 'tesseract' || scanTotal === 0) return out.join('\n');

  // Part 2: a 200-page scan through the CLI, then cancelled.
  const work = await mkdtemp(join(os.tmpdir(), 'bench-ocr-'));
  try {
    const big: ScanPage[] = [];
    const clean = await scanPages(all.slice(0, limit), { dpi: 200, jpegQuality: 75 });
    for (let i = 0; big.length < scanTotal; i++) big.push(clean[i % clean.length]!);
    const dir = join(work, 'scan');
    await mkdir(dir, { recursive: true });
    const pdf = await imageOnlyPdf(big, 200);
    await writeFile(join(dir, `ban-scan-${scanTotal}-trang.pdf`), pdf);
    // A long scan passes the default 50 MB upload limit; the operator raises it with --max-bytes.
    const maxBytes = Math.max(50 * 2 ** 20, pdf.length + 2 ** 20);
    process.stderr.write(`${scanTotal}-page scan written; ingesting (load average ${os.loadavg()[0]!.toFixed(1)})\n`);
    const cpu0 = childCpuSeconds();
    const full = await runCli(dir, join(work, 'index-full'), maxBytes);
    const fullCpu = childCpuSeconds() - cpu0;
    const loadAfter = os.loadavg()[0]!.toFixed(1);
    process.stderr.write(`full run: exit ${full.code}, ${full.seconds.toFixed(0)} s, ${(fullCpu / scanTotal).toFixed(2)} CPU s/page, load ${loadAfter}\n`);
    if (full.code !== 0) process.stderr.write(`full run failed:\n${full.stderrTail}\n`);
    const cancelled = await runCli(dir, join(work, 'index-cancel'), maxBytes, 10);
    const cancelIndex = spawnSync('ls', [join(work, 'index-cancel')]).stdout.toString().trim();
    out.push(
      '',
      `${scanTotal}-page scan (the corpus pages repeated, 200 dpi JPEG, image-only PDF of ${(pdf.length / 2 ** 20).toFixed(0)} MB) through \`npm run ingest -- --max-bytes ${maxBytes}\` (2 OCR processes at a time):`,
      '',
      `- full run: exit ${full.code}, ${full.seconds.toFixed(0)} s (${(scanTotal / full.seconds).toFixed(2)} pages/s including rasterising, chunking and indexing; load average ${loadAfter} at its end), ${(fullCpu / scanTotal).toFixed(2)} CPU s/page (the CLI and every tool it ran), ${full.progressLines} progress lines, last "trang ${full.lastPage}/${scanTotal}";`,
      `- cancelled with SIGTERM after page 10: exit ${cancelled.code} after ${cancelled.seconds.toFixed(0)} s, ${cancelled.tesseractLeft} tesseract process(es) left running, index folder afterwards: ${cancelIndex ? cancelIndex.split('\n').join(', ') : '(empty)'} (nothing published).`,
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return out.join('\n');
}
