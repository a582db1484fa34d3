/**
 * PDF text extraction with pdf-parse 2 (pdf.js), one string per page, and OCR of the pages
 * that have no text layer of their own (ingest/ocr): a scanned PDF is recognised whole, a
 * mixed one only on its scanned pages. pdf.js logs only errors, and never to stdout; a
 * parse that takes longer than the timeout is abandoned.
 */
import { PDFParse, VerbosityLevel } from 'pdf-parse';
import { AppError } from '../../core/errors.ts';
import type { ExtractionReport } from '../../core/model.ts';
import { canonicalForCer } from '../../core/ocr/cer.ts';
import { normalizeText } from '../../core/text/normalize.ts';
import { ocrPages } from '../ocr/ocr-pages.ts';
import { resolveOcrOptions } from '../ocr/options.ts';
import { checkPoppler, pagesWithScans, pdfPageJob, pdfPageSizes } from '../ocr/page-images.ts';
import { extractionReport } from '../ocr/report.ts';
import { checkTesseract } from '../ocr/tesseract.ts';
import { PAGE_SEPARATOR, userError, type OcrHooks } from './result.ts';

/** Time after which a PDF that pdf.js is still chewing on is declared corrupt. */
export const PDF_TIMEOUT_MS = 60_000;

/**
 * A page with fewer letters than this in its text layer and a page-sized image is a scan:
 * a signed scan's text layer holds only the signature block (~60–150 letters); a typed
 * page holds 1,500–3,000.
 */
export const SCAN_TEXT_LETTERS = 400;

/** Extracted PDF text: normalised, trimmed page texts (page 1 first) and their join. */
export interface PdfText {
  pages: string[];
  text: string;
  extraction?: ExtractionReport;
}

function classify(err: unknown): AppError {
  const name = err instanceof Error ? err.name : '';
  const detail = err instanceof Error ? err.message : String(err);
  if (name === 'PasswordException') return userError('PDF_ENCRYPTED', detail, undefined, err);
  return userError('PDF_CORRUPT', `${name}: ${detail}`, undefined, err);
}

const letters = (s: string): number => s.match(/\p{L}/gu)?.length ?? 0;

/** Lines of page 1 in which a header row is looked for. */
const HEADER_LINES = 15;
/** `Số: 1287/QĐ-UBND Quảng Ngãi, ngày 15 tháng 8 năm 2025`: the number cell, then the place-date cell. */
const NUMBER_THEN_PLACE_DATE = /^(Số\s*[:.]?\s*\S+)\s+(\p{Lu}[\p{L}\s.-]{1,40},\s*ngày\b.+)$/u;

/**
 * The header row of a Decree 30 layout puts the number and the place-date side by side;
 * pdf.js returns them as one line joined by a space. They are cut back into two lines, as
 * the header's cells are, so that neither swallows the other (only in the first lines of
 * page 1, only for this pattern).
 */
export function splitHeaderRow(page: string): string {
  const lines = page.split('\n');
  for (let i = 0; i < Math.min(lines.length, HEADER_LINES); i++) {
    const m = NUMBER_THEN_PLACE_DATE.exec(lines[i]!.trim());
    if (m) lines.splice(i, 1, m[1]!, m[2]!);
  }
  return lines.join('\n');
}

/**
 * The text layer of every page (possibly empty). Throws AppError PDF_CORRUPT (unreadable
 * or too slow) or PDF_ENCRYPTED (needs a password).
 */
export async function extractPdfLayer(bytes: Uint8Array, timeoutMs = PDF_TIMEOUT_MS): Promise<string[]> {
  // pdf.js takes ownership of (transfers) the array it is given, so hand it a copy.
  const parser = new PDFParse({ data: new Uint8Array(bytes), verbosity: VerbosityLevel.ERRORS, isEvalSupported: false });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(userError('PDF_CORRUPT', `timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const result = await Promise.race([parser.getText(), timeout]);
    return [...result.pages].sort((a, b) => a.num - b.num).map((p, i) => {
      const text = normalizeText(p.text).trim();
      return i === 0 ? splitHeaderRow(text) : text;
    });
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw classify(err);
  } finally {
    clearTimeout(timer);
    await parser.destroy().catch(() => undefined);
  }
}

/** Lines of the text layer that the OCR text does not already contain (a signature block). */
function layerExtras(layer: string, ocr: string): string {
  const seen = canonicalForCer(ocr);
  return layer.split('\n').filter((l) => letters(l) > 0 && !seen.includes(canonicalForCer(l))).join('\n');
}

/**
 * Extracts a PDF's text, OCR'ing its scanned pages. Throws AppError PDF_CORRUPT,
 * PDF_ENCRYPTED, PDF_NO_TEXT (no letters even after OCR), OCR_UNAVAILABLE (a page needs
 * OCR and the engine is not installed: the message names the Debian package),
 * OCR_TOO_MANY_PAGES, or the error every OCR'd page failed with.
 * @param path - the file on disk, read by the poppler tools.
 */
export async function extractPdf(bytes: Uint8Array, path: string, hooks: OcrHooks = {}, timeoutMs = PDF_TIMEOUT_MS): Promise<PdfText> {
  const layer = await extractPdfLayer(bytes, timeoutMs);
  const opts = resolveOcrOptions(hooks.ocr);
  const thin = layer.map((p, i) => (letters(p) < SCAN_TEXT_LETTERS ? i + 1 : 0)).filter((n) => n > 0);
  const hasText = layer.some((p) => letters(p) > 0);
  if (thin.length === 0) return { pages: layer, text: layer.join(PAGE_SEPARATOR), extraction: extractionReport(layer.length, [], opts.lowConfidence) };

  let sizes: Array<{ width: number; height: number }>;
  let scans: Map<number, number>;
  try {
    await checkPoppler(opts);
    sizes = await pdfPageSizes(path, layer.length, opts);
    scans = await pagesWithScans(path, sizes, opts);
  } catch (err) {
    // Without poppler a text PDF with a blank page still loads; a scan cannot.
    if (hasText && err instanceof AppError && err.code === 'OCR_UNAVAILABLE') {
      return { pages: layer, text: layer.join(PAGE_SEPARATOR), extraction: extractionReport(layer.length, [], opts.lowConfidence, undefined, [err.userMessage]) };
    }
    throw err;
  }
  const targets = thin.filter((n) => scans.has(n) || letters(layer[n - 1]!) === 0 && !hasText);
  if (targets.length === 0) {
    if (!hasText) throw userError('PDF_NO_TEXT', `no letters and no scanned image on ${layer.length} page(s)`);
    return { pages: layer, text: layer.join(PAGE_SEPARATOR), extraction: extractionReport(layer.length, [], opts.lowConfidence) };
  }
  if (targets.length > opts.maxPages) {
    throw new AppError('OCR_TOO_MANY_PAGES', `${targets.length} pages to OCR > ${opts.maxPages}`, {
      userSuffix: `${targets.length} trang cần nhận dạng, giới hạn ${opts.maxPages} trang mỗi tệp.`,
    });
  }
  const engine = await checkTesseract(opts);
  const outcomes = await ocrPages(targets.map((n) => pdfPageJob(path, n, sizes[n - 1], opts, scans.get(n))), opts, {
    ...(hooks.signal ? { signal: hooks.signal } : {}),
    ...(hooks.onPages ? { onPage: hooks.onPages } : {}),
  });
  const pages = [...layer];
  for (const o of outcomes) {
    const extra = layerExtras(layer[o.page - 1]!, o.text);
    pages[o.page - 1] = extra ? `${o.text}\n${extra}`.trim() : o.text;
  }
  if (!pages.some((p) => letters(p) > 0)) {
    const failed = outcomes.find((o) => o.error)?.error;
    if (failed && outcomes.every((o) => o.error)) throw failed;
    throw userError('PDF_NO_TEXT', `no letters on ${pages.length} page(s) after OCR`);
  }
  const report = extractionReport(layer.length, outcomes, opts.lowConfidence, `tesseract ${engine.version} (${opts.language})`);
  return { pages, text: pages.join(PAGE_SEPARATOR), extraction: report };
}
