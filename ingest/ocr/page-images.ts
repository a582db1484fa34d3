/**
 * Page images for OCR, written as greyscale PGM (pgm.ts): PDF pages rasterised by poppler's
 * pdftoppm (`-gray` at the configured resolution, lowered for oversized pages), and the
 * pages of image files (PNG, JPEG, multi-page TIFF) decoded with sharp — turned upright by
 * their EXIF orientation and checked against the pixel limit before Tesseract sees them.
 */
import { join } from 'node:path';
import sharp from 'sharp';
import { AppError } from '../../core/errors.ts';
import type { PageJob } from './page-job.ts';
import { ocrUnavailable, type ResolvedOcrOptions } from './options.ts';
import { greyPixels, readPgm, writePgm } from './pgm.ts';
import { runTool, ToolMissingError } from './processes.ts';

/** PDF pages are never rasterised below this resolution to fit the pixel limit. */
export const MIN_DPI = 150;

function popplerTool(opts: ResolvedOcrOptions, name: 'pdftoppm' | 'pdfinfo' | 'pdfimages'): string {
  return opts.popplerDir ? join(opts.popplerDir, name) : name;
}

async function poppler(opts: ResolvedOcrOptions, name: 'pdftoppm' | 'pdfinfo' | 'pdfimages', args: string[], signal?: AbortSignal): Promise<string> {
  try {
    const r = await runTool(popplerTool(opts, name), args, { timeoutMs: opts.pageTimeoutMs, ...(signal ? { signal } : {}) });
    if (r.timedOut) throw new AppError('OCR_TIMEOUT', `${name} over ${opts.pageTimeoutMs} ms`);
    if (r.code !== 0) throw new AppError('PDF_CORRUPT', `${name} exit ${r.code ?? r.signal}: ${r.stderr.slice(-300)}`);
    return r.stdout.toString('latin1');
  } catch (err) {
    if (err instanceof ToolMissingError) throw ocrUnavailable('poppler', `${name} not found`);
    throw err;
  }
}

/** Checks that pdftoppm runs; rejects with OCR_UNAVAILABLE naming poppler-utils. */
export async function checkPoppler(opts: ResolvedOcrOptions): Promise<void> {
  try {
    await runTool(popplerTool(opts, 'pdftoppm'), ['-v'], { timeoutMs: 20_000 });
  } catch (err) {
    if (err instanceof ToolMissingError) throw ocrUnavailable('poppler', 'pdftoppm not found');
    throw err;
  }
}

/** Page sizes in points (1/72 inch), page 1 first, from `pdfinfo -f 1 -l N`. */
export async function pdfPageSizes(pdfPath: string, pages: number, opts: ResolvedOcrOptions): Promise<Array<{ width: number; height: number }>> {
  const out = await poppler(opts, 'pdfinfo', ['-f', '1', '-l', String(pages), pdfPath]);
  const sizes: Array<{ width: number; height: number }> = [];
  for (const m of out.matchAll(/^Page\s+(\d+)\s+size:\s+([\d.]+)\s+x\s+([\d.]+)/gm)) {
    sizes[Number(m[1]) - 1] = { width: Number(m[2]), height: Number(m[3]) };
  }
  return sizes;
}

/**
 * Pages that carry an image covering at least half of the page (a scan), with the image's
 * resolution, from `pdfimages -list`: such a page with little text is OCR'd even though it
 * has a text layer (a signed scan carries only the signature's text), and is rasterised at
 * the scan's own resolution — resampling a noisy 200 dpi scan to 300 dpi smears its noise
 * into the letters (measured: many more errors on the generated noisy scans).
 */
export async function pagesWithScans(pdfPath: string, sizes: ReadonlyArray<{ width: number; height: number } | undefined>, opts: ResolvedOcrOptions): Promise<Map<number, number>> {
  const out = await poppler(opts, 'pdfimages', ['-list', pdfPath]);
  const found = new Map<number, number>();
  for (const line of out.split('\n').slice(2)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 14) continue;
    const [page, width, height, xppi, yppi] = [Number(f[0]), Number(f[3]), Number(f[4]), Number(f[12]), Number(f[13])];
    const size = sizes[page - 1];
    if (!size || !(xppi > 0) || !(yppi > 0)) continue;
    const imageArea = (width / xppi) * (height / yppi);
    const pageArea = (size.width / 72) * (size.height / 72);
    if (imageArea >= 0.5 * pageArea) found.set(page, Math.max(found.get(page) ?? 0, Math.min(xppi, yppi)));
  }
  return found;
}

/** Scans are rasterised at their own resolution within these bounds. */
const SCAN_DPI_RANGE = [MIN_DPI, 600] as const;

/** The highest resolution pages are recognised at: the setting, never under {@link MIN_DPI}. */
export function ocrDpiCap(opts: Pick<ResolvedOcrOptions, 'maxDpi'>): number {
  return Math.max(MIN_DPI, opts.maxDpi);
}

/**
 * A job rasterising page `page` of the PDF at `pdfPath`, whose size in points is `size`, at
 * `scanPpi` (the resolution of its scanned image) when known, else at `opts.dpi`, at most
 * at `opts.maxDpi` (pdftoppm scales the scan while decoding it).
 */
export function pdfPageJob(pdfPath: string, page: number, size: { width: number; height: number } | undefined, opts: ResolvedOcrOptions, scanPpi?: number): PageJob {
  return {
    page,
    async prepare(dir, signal) {
      let dpi = Math.min(scanPpi ? Math.round(Math.min(SCAN_DPI_RANGE[1], Math.max(SCAN_DPI_RANGE[0], scanPpi))) : opts.dpi, ocrDpiCap(opts));
      let warning: string | undefined;
      if (size) {
        const inches = (size.width / 72) * (size.height / 72);
        if (inches * dpi * dpi > opts.maxPixels) {
          dpi = Math.floor(Math.sqrt(opts.maxPixels / inches));
          if (dpi < MIN_DPI) {
            throw new AppError('OCR_IMAGE_TOO_LARGE', `page ${page}: ${Math.round(size.width)}x${Math.round(size.height)} pt`, {
              userSuffix: `Khổ trang quá lớn (giới hạn ${Math.round(opts.maxPixels / 1e6)} triệu điểm ảnh ở ${MIN_DPI} dpi).`,
            });
          }
          warning = `Trang ${page} khổ lớn, được chuyển thành ảnh ở ${dpi} dpi.`;
        }
      }
      const base = join(dir, `p${page}`);
      await poppler(opts, 'pdftoppm', ['-f', String(page), '-l', String(page), '-r', String(dpi), '-gray', '-singlefile', pdfPath, base], signal);
      return { path: `${base}.pgm`, dpi, ...(warning ? { warning } : {}) };
    },
  };
}

/** Pages, size and declared resolution of an image file; IMAGE_CORRUPT when sharp cannot read it. */
export async function imageInfo(bytes: Buffer): Promise<{ pages: number; width: number; height: number; dpi?: number; format: string }> {
  try {
    const m = await sharp(bytes, { limitInputPixels: false }).metadata();
    if (!m.width || !m.height) throw new Error('no dimensions');
    // sharp reports the height of all pages stacked for multi-page images only when asked; here it is one page.
    const dpi = m.density && m.density >= 70 && m.density <= 2400 ? m.density : undefined;
    return { pages: m.pages ?? 1, width: m.width, height: m.pageHeight ?? m.height, format: m.format ?? 'unknown', ...(dpi ? { dpi } : {}) };
  } catch (err) {
    throw new AppError('IMAGE_CORRUPT', err instanceof Error ? err.message : String(err), { cause: err });
  }
}

/** A job writing page `page` (1-based) of an image file as a greyscale PGM, upright by its EXIF orientation. */
export function imagePageJob(bytes: Buffer, page: number, info: { width: number; height: number; dpi?: number }, opts: ResolvedOcrOptions): PageJob {
  return {
    page,
    async prepare(dir) {
      if (info.width * info.height > opts.maxPixels) {
        throw new AppError('OCR_IMAGE_TOO_LARGE', `${info.width}x${info.height} px`, {
          userSuffix: `Ảnh ${info.width}×${info.height} điểm ảnh, giới hạn ${Math.round(opts.maxPixels / 1e6)} triệu điểm ảnh mỗi trang.`,
        });
      }
      const path = join(dir, `p${page}.pgm`);
      const cap = ocrDpiCap(opts);
      const scale = info.dpi && info.dpi > cap ? cap / info.dpi : 1;
      try {
        let grey = await greyPixels(sharp(bytes, { page: page - 1, limitInputPixels: opts.maxPixels }).rotate());
        if (scale < 1) {
          // Scaled after the EXIF turn, which may have swapped width and height.
          const raw = sharp(grey.data, { raw: { width: grey.width, height: grey.height, channels: 1 } });
          grey = await greyPixels(raw.resize({ width: Math.max(1, Math.round(grey.width * scale)) }));
        }
        await writePgm(path, grey);
      } catch (err) {
        throw new AppError('IMAGE_CORRUPT', `page ${page}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
      }
      return { path, ...(info.dpi ? { dpi: scale < 1 ? cap : info.dpi } : {}) };
    },
  };
}

/** Writes the PGM `input` turned clockwise by `degrees` to the PGM `output`; returns `output`. */
export async function rotateImage(input: string, degrees: number, output: string): Promise<string> {
  const image = await readPgm(input);
  await writePgm(output, await greyPixels(sharp(image.data, { raw: { width: image.width, height: image.height, channels: 1 } }).rotate(degrees)));
  return output;
}
