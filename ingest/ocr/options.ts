/**
 * Settings and limits of OCR, with the measured reasons for the defaults
 * (docs/BENCHMARKS.md, "OCR"), and the Vietnamese errors that name what to install.
 */
import { availableParallelism } from 'node:os';
import { AppError } from '../../core/errors.ts';

/** What a caller may set; every field has a default. */
export interface OcrOptions {
  /** The tesseract command (default `tesseract` on the PATH). */
  tesseract?: string;
  /** Folder of poppler's pdftoppm/pdfinfo/pdfimages (default: the PATH). */
  popplerDir?: string;
  /** Tesseract language(s) (default `vie`); TESSDATA_PREFIX picks an operator's traineddata folder. */
  language?: string;
  /** Resolution PDF pages without a scan image of their own are rasterised at (default 300 dpi). */
  dpi?: number;
  /**
   * Highest resolution a page is recognised at (default {@link OCR_DEFAULTS}.maxDpi): a PDF
   * page is rasterised at the lower of its scan's resolution (or `dpi`) and this; an image
   * that declares more is scaled down to it. Tesseract's layout analysis costs in
   * proportion to the pixels.
   */
  maxDpi?: number;
  /** Pages recognised at once (default: the number of cores). */
  concurrency?: number;
  /** Most pages OCR'd in one file (default 500). */
  maxPages?: number;
  /** Most pixels in one page image (default 40 million: A3 at 300 dpi is 17 million). */
  maxPixels?: number;
  /** Time limit for one page (default 120 s). */
  pageTimeoutMs?: number;
  /** Pages under this mean confidence are flagged for the admin (default 70). */
  lowConfidence?: number;
  /** Set false to keep the recognised text's marks as they came: no tone or word-pair repair (default true). */
  repairTones?: boolean;
}

/** Options with every default filled in. */
export type ResolvedOcrOptions = Required<Omit<OcrOptions, 'popplerDir'>> & { popplerDir?: string };

/**
 * 300 dpi for pages without a scan image of their own (Tesseract's recommended resolution
 * for 10–13 pt text; scans are rasterised at their own resolution), recognised at most at
 * 200 dpi: on the corpus's generated 300 dpi scans, 200 dpi read 13 pt and 8 pt
 * (footnote-size) print with the same character error rate as 300 dpi for about a quarter
 * less CPU per page, while 150 dpi misread 8 pt print (1.6 % CER). Confidence 70: the
 * generated scans of the corpus average 95.6 (300 dpi clean) and 95.9 (200 dpi, noise,
 * skew) (docs/BENCHMARKS.md); 70 leaves a wide margin under what a
 * readable page scores. It was not measured on genuinely bad scans (none were at hand).
 */
export const OCR_DEFAULTS = {
  tesseract: 'tesseract',
  language: 'vie',
  dpi: 300,
  maxDpi: 200,
  maxPages: 500,
  maxPixels: 40_000_000,
  pageTimeoutMs: 120_000,
  lowConfidence: 70,
  repairTones: true,
} as const;

/** Fills in the defaults. */
export function resolveOcrOptions(opts: OcrOptions = {}): ResolvedOcrOptions {
  return {
    ...OCR_DEFAULTS,
    concurrency: Math.max(1, availableParallelism()),
    ...Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)),
  } as ResolvedOcrOptions;
}

/** The Debian packages to install, in the message shown when OCR cannot run. */
export const DEBIAN_PACKAGES = {
  tesseract: 'tesseract-ocr',
  vie: 'tesseract-ocr-vie',
  poppler: 'poppler-utils',
} as const;

/** OCR_UNAVAILABLE naming the missing Debian package(s) and the command that installs them. */
export function ocrUnavailable(missing: 'tesseract' | 'vie' | 'poppler', detail: string, language = 'vie'): AppError {
  const suffix = {
    tesseract: `Chưa có chương trình tesseract: cài gói Debian ${DEBIAN_PACKAGES.tesseract} và ${DEBIAN_PACKAGES.vie} (sudo apt-get install ${DEBIAN_PACKAGES.tesseract} ${DEBIAN_PACKAGES.vie}).`,
    vie: `Tesseract chưa có dữ liệu ngôn ngữ "${language}": cài gói Debian ${DEBIAN_PACKAGES.vie} (sudo apt-get install ${DEBIAN_PACKAGES.vie}) hoặc đặt tệp ${language}.traineddata vào thư mục TESSDATA_PREFIX.`,
    poppler: `Chưa có chương trình pdftoppm để chuyển trang PDF thành ảnh: cài gói Debian ${DEBIAN_PACKAGES.poppler} (sudo apt-get install ${DEBIAN_PACKAGES.poppler}).`,
  }[missing];
  return new AppError('OCR_UNAVAILABLE', detail, { userSuffix: suffix });
}
