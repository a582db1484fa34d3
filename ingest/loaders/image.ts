/**
 * Image files (PNG, JPEG, TIFF with any number of pages): every page is OCR'd
 * (ingest/ocr) and becomes one page of the document.
 */
import { AppError } from '../../core/errors.ts';
import { ocrPages } from '../ocr/ocr-pages.ts';
import { resolveOcrOptions } from '../ocr/options.ts';
import { imageInfo, imagePageJob } from '../ocr/page-images.ts';
import { extractionReport } from '../ocr/report.ts';
import { checkTesseract } from '../ocr/tesseract.ts';
import type { PdfText } from './pdf.ts';
import { PAGE_SEPARATOR, type OcrHooks } from './result.ts';

/** Image extensions the loaders read. */
export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.tif', '.tiff'] as const;

/**
 * Recognises the text of every page of an image. Throws AppError IMAGE_CORRUPT,
 * OCR_UNAVAILABLE (naming the Debian package to install), OCR_TOO_MANY_PAGES,
 * OCR_IMAGE_TOO_LARGE / OCR_TIMEOUT (when every page failed so), FILE_EMPTY (no letters).
 */
export async function extractImage(bytes: Buffer, hooks: OcrHooks = {}): Promise<PdfText> {
  const opts = resolveOcrOptions(hooks.ocr);
  const info = await imageInfo(bytes);
  if (info.pages > opts.maxPages) {
    throw new AppError('OCR_TOO_MANY_PAGES', `${info.pages} pages > ${opts.maxPages}`, {
      userSuffix: `Ảnh có ${info.pages} trang, giới hạn ${opts.maxPages} trang mỗi tệp.`,
    });
  }
  const engine = await checkTesseract(opts);
  const jobs = Array.from({ length: info.pages }, (_, i) => imagePageJob(bytes, i + 1, info, opts));
  const outcomes = await ocrPages(jobs, opts, {
    ...(hooks.signal ? { signal: hooks.signal } : {}),
    ...(hooks.onPages ? { onPage: hooks.onPages } : {}),
  });
  const pages = outcomes.map((o) => o.text);
  if (!pages.some((p) => /\p{L}/u.test(p))) {
    const failed = outcomes.find((o) => o.error)?.error;
    if (failed && outcomes.every((o) => o.error)) throw failed;
    throw new AppError('FILE_EMPTY', `no letters recognised on ${pages.length} page(s)`);
  }
  return {
    pages,
    text: pages.join(PAGE_SEPARATOR),
    extraction: extractionReport(info.pages, outcomes, opts.lowConfidence, `tesseract ${engine.version} (${opts.language})`),
  };
}
