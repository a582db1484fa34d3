/**
 * OCR of a set of pages, in parallel (one Tesseract process per page, at most
 * `concurrency` at once), with progress per page, orientation repair, tone repair, word-pair
 * repair (core/ocr/pair-repair.ts) and a confidence per page, and codes and numbers misread
 * or broken at line ends put back (core/ocr/line-repair.ts). A page that fails (time limit, size limit, engine error) becomes a
 * warning and the other pages carry on; the caller decides what a document with no
 * recognised page means.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError, toAppError } from '../../core/errors.ts';
import { repairLines } from '../../core/ocr/line-repair.ts';
import { repairPairs } from '../../core/ocr/pair-repair.ts';
import { repairTones } from '../../core/ocr/tone-repair.ts';
import { normalizeText } from '../../core/text/normalize.ts';
import type { ResolvedOcrOptions } from './options.ts';
import { rotateImage } from './page-images.ts';
import { syllableCounts, syllablePairCounts } from './syllables.ts';
import { detectRotation, recognizeImage } from './tesseract.ts';

export type { PageJob, PageOutcome, PageProgress } from './page-job.ts';
import type { PageJob, PageOutcome, PageProgress } from './page-job.ts';

/** A page this unsure, or with this few words, is checked for being upside down or sideways. */
const ORIENTATION_CHECK_CONFIDENCE = 60;
const ORIENTATION_CHECK_WORDS = 5;

async function recognizePage(job: PageJob, dir: string, opts: ResolvedOcrOptions, signal?: AbortSignal): Promise<PageOutcome> {
  // Page images are uncompressed (about 9 MB at 300 dpi): each is removed once its page is read.
  const pageDir = await mkdtemp(join(dir, `p${job.page}-`));
  try {
    return await recognizeIn(job, pageDir, opts, signal);
  } finally {
    await rm(pageDir, { recursive: true, force: true });
  }
}

async function recognizeIn(job: PageJob, dir: string, opts: ResolvedOcrOptions, signal?: AbortSignal): Promise<PageOutcome> {
  const warnings: string[] = [];
  try {
    const image = await job.prepare(dir, signal);
    if (image.warning) warnings.push(image.warning);
    let result = await recognizeImage(image.path, opts, image.dpi, signal);
    if ((result.confidence ?? 0) < ORIENTATION_CHECK_CONFIDENCE || result.words < ORIENTATION_CHECK_WORDS) {
      const rotation = await detectRotation(image.path, opts, signal);
      if (rotation !== 0) {
        const turned = await rotateImage(image.path, rotation, join(dir, `p${job.page}-upright.pgm`));
        const again = await recognizeImage(turned, opts, image.dpi, signal);
        if ((again.confidence ?? 0) > (result.confidence ?? 0)) {
          result = again;
          warnings.push(`Trang ${job.page} bị xoay; đã xoay lại ${rotation}° trước khi nhận dạng.`);
        }
      }
    }
    let text = repairLines(normalizeText(result.text)).text.trim();
    let toneRepairs = 0;
    if (opts.repairTones && text) {
      // Tones first, so that a misread word's neighbours are real syllables for the pair repair.
      const repaired = repairTones(text, await syllableCounts());
      const paired = repairPairs(repaired.text, await syllablePairCounts());
      text = paired.text;
      toneRepairs = repaired.repaired + paired.repaired;
    }
    return { page: job.page, text, ...(result.confidence === undefined ? {} : { confidence: result.confidence }), toneRepairs, warnings };
  } catch (err) {
    if (signal?.aborted) throw err;
    const error = toAppError(err);
    warnings.push(`Trang ${job.page}: ${error.userMessage}`);
    return { page: job.page, text: '', toneRepairs: 0, warnings, error };
  }
}

/**
 * Recognises `jobs` with at most `opts.concurrency` pages at once; results come back in
 * page order. Rejects only when `signal` aborts (every running Tesseract is killed).
 */
export async function ocrPages(jobs: readonly PageJob[], opts: ResolvedOcrOptions, hooks: { signal?: AbortSignal; onPage?: PageProgress } = {}): Promise<PageOutcome[]> {
  const dir = await mkdtemp(join(tmpdir(), 'ocr-'));
  const results: PageOutcome[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      if (hooks.signal?.aborted) throw new AppError('INTERNAL', 'OCR aborted', { cause: hooks.signal.reason });
      const i = next++;
      results[i] = await recognizePage(jobs[i]!, dir, opts, hooks.signal);
      hooks.onPage?.(++done, jobs.length);
    }
  };
  try {
    hooks.onPage?.(0, jobs.length);
    await Promise.all(Array.from({ length: Math.min(opts.concurrency, jobs.length) }, worker));
    return results;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
