/**
 * Debian's Tesseract (`tesseract-ocr` + `tesseract-ocr-vie`) run on one page image. Chosen
 * over tesseract.js after measuring both on the same scans (docs/BENCHMARKS.md, "OCR"): the
 * same accuracy, less CPU per page, and a process per page that can be killed.
 *
 * Each page runs in its own process with OMP_THREAD_LIMIT=1: pages are parallelised by the
 * caller, one per core, which is faster than Tesseract's own threads on one page.
 */
import { childEnvironment } from '../../config/environment.ts';
import { AppError } from '../../core/errors.ts';
import { pageFromTsv, type OcrPageText } from '../../core/ocr/tsv.ts';
import { ocrUnavailable, type ResolvedOcrOptions } from './options.ts';
import { runTool, ToolMissingError } from './processes.ts';

/** What is installed: the engine's version line and its languages. */
export interface TesseractInfo {
  version: string;
  languages: string[];
}

const checks = new Map<string, Promise<TesseractInfo>>();

async function probe(command: string, language: string): Promise<TesseractInfo> {
  let version: string;
  let languages: string[];
  try {
    const v = await runTool(command, ['--version'], { timeoutMs: 20_000 });
    version = /tesseract\s+v?([\d.]+)/i.exec(v.stdout.toString('utf8') + v.stderr)?.[1] ?? 'unknown';
    const l = await runTool(command, ['--list-langs'], { timeoutMs: 20_000 });
    languages = (l.stdout.toString('utf8') + l.stderr).split('\n').map((s) => s.trim()).filter((s) => /^[a-z_]+$/i.test(s));
  } catch (err) {
    if (err instanceof ToolMissingError) throw ocrUnavailable('tesseract', `${command} not found`);
    throw err;
  }
  const missing = language.split('+').filter((lang) => !languages.includes(lang));
  if (missing.length > 0) throw ocrUnavailable('vie', `tesseract has no ${missing.join('+')} traineddata`, missing.join('+'));
  return { version, languages };
}

/**
 * Checks once per process (per command and language) that Tesseract and its language data
 * are installed. Rejects with OCR_UNAVAILABLE naming the Debian package to install.
 */
export function checkTesseract(opts: Pick<ResolvedOcrOptions, 'tesseract' | 'language'>): Promise<TesseractInfo> {
  const key = `${opts.tesseract}\0${opts.language}`;
  let check = checks.get(key);
  if (!check) {
    check = probe(opts.tesseract, opts.language);
    checks.set(key, check);
    // A failed check is retried next time: the operator may install the package meanwhile.
    check.catch(() => checks.delete(key));
  }
  return check;
}

/** Page orientation found by Tesseract's OSD: the clockwise rotation that makes it upright. */
export async function detectRotation(imagePath: string, opts: ResolvedOcrOptions, signal?: AbortSignal): Promise<number> {
  const r = await runTool(opts.tesseract, [imagePath, '-', '--psm', '0', '-l', 'osd'], {
    timeoutMs: opts.pageTimeoutMs, env: childEnvironment({ OMP_THREAD_LIMIT: '1' }), ...(signal ? { signal } : {}),
  });
  const out = r.stdout.toString('utf8');
  const rotate = Number(/Rotate:\s*(\d+)/.exec(out)?.[1] ?? 0);
  const confidence = Number(/Orientation confidence:\s*([\d.]+)/.exec(out)?.[1] ?? 0);
  // OSD's confidence is a ratio to the next best orientation; under 2 it is a guess.
  return r.code === 0 && confidence >= 2 ? rotate : 0;
}

/**
 * Recognises one page image. `dpi` is passed when known (rasterised PDF pages, images that
 * declare it) so that Tesseract need not guess the scale. Throws AppError OCR_TIMEOUT past
 * the page time limit and OCR_FAILED when Tesseract fails.
 */
export async function recognizeImage(imagePath: string, opts: ResolvedOcrOptions, dpi: number | undefined, signal?: AbortSignal): Promise<OcrPageText> {
  const args = [imagePath, '-', '-l', opts.language, '--psm', '3', '-c', 'tessedit_do_invert=0'];
  if (dpi) args.push('--dpi', String(Math.round(dpi)));
  args.push('tsv');
  const r = await runTool(opts.tesseract, args, {
    timeoutMs: opts.pageTimeoutMs, env: childEnvironment({ OMP_THREAD_LIMIT: '1' }), ...(signal ? { signal } : {}),
  });
  if (r.timedOut) {
    throw new AppError('OCR_TIMEOUT', `tesseract over ${opts.pageTimeoutMs} ms`, { userSuffix: `Giới hạn ${Math.round(opts.pageTimeoutMs / 1000)} giây mỗi trang.` });
  }
  if (r.code !== 0) throw new AppError('OCR_FAILED', `tesseract exit ${r.code ?? r.signal}: ${r.stderr.slice(-500)}`);
  return pageFromTsv(r.stdout.toString('utf8'));
}
