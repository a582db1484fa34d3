/**
 * PDF text extraction with pdf-parse 2 (pdf.js). One string per page; pdf.js logs only
 * errors, and never to stdout; a parse that takes longer than the timeout is abandoned.
 */
import { PDFParse, VerbosityLevel } from 'pdf-parse';
import { normalizeText } from '../../core/text/normalize.ts';
import { AppError } from '../../core/errors.ts';
import { PAGE_SEPARATOR, userError } from './result.ts';


/** Time after which a PDF that pdf.js is still chewing on is declared corrupt. */
export const PDF_TIMEOUT_MS = 60_000;

/** Extracted PDF text: normalised, trimmed page texts (page 1 first) and their join. */
export interface PdfText {
  pages: string[];
  text: string;
}

function classify(err: unknown): AppError {
  const name = err instanceof Error ? err.name : '';
  const detail = err instanceof Error ? err.message : String(err);
  if (name === 'PasswordException') return userError('PDF_ENCRYPTED', detail, undefined, err);
  return userError('PDF_CORRUPT', `${name}: ${detail}`, undefined, err);
}

/**
 * Extracts the text layer of a PDF. Throws AppError PDF_CORRUPT (unreadable or too slow),
 * PDF_ENCRYPTED (needs a password) or PDF_NO_TEXT (no letters on any page, e.g. a scan).
 */
export async function extractPdf(bytes: Uint8Array, timeoutMs = PDF_TIMEOUT_MS): Promise<PdfText> {
  // pdf.js takes ownership of (transfers) the array it is given, so hand it a copy.
  const parser = new PDFParse({ data: new Uint8Array(bytes), verbosity: VerbosityLevel.ERRORS, isEvalSupported: false });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(userError('PDF_CORRUPT', `timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const result = await Promise.race([parser.getText(), timeout]);
    const pages = [...result.pages]
      .sort((a, b) => a.num - b.num)
      .map((p) => normalizeText(p.text).trim());
    if (!pages.some((p) => /\p{L}/u.test(p))) {
      throw userError('PDF_NO_TEXT', `no letters on ${pages.length} page(s)`);
    }
    return { pages, text: pages.join(PAGE_SEPARATOR) };
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw classify(err);
  } finally {
    clearTimeout(timer);
    await parser.destroy().catch(() => undefined);
  }
}
