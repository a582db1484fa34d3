/**
 * Loaders of the ingestion pipeline: turn files (PDF — scanned pages OCR'd —, images, DOCX,
 * DOC, ODT, spreadsheets, TXT, MD, HTML) and JSONL
 * records (generic, ALQAC law articles, the national TTHC catalog) into LoadedDocuments.
 * Bad input never throws: it comes back as a skipped result with a Vietnamese message.
 */
import { stat } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, relative, sep } from 'node:path';
import { discoverSources, isSupportedFile } from './discover.ts';
import { asAppError, loadFile } from './file.ts';
import { loadJsonl } from './jsonl.ts';
import { DEFAULT_MAX_BYTES, skipFile, userError, type LoadOptions, type LoadResult } from './result.ts';

export { discoverSources, isSupportedFile, SUPPORTED_EXTENSIONS } from './discover.ts';
export { DEFAULT_MAX_BYTES, DEFAULT_MAX_UNPACKED_BYTES, type LoadOptions, type LoadResult } from './result.ts';
export { PAGE_SEPARATOR } from './result.ts';
export { decodeText, type DecodedText, type TextEncoding } from './text.ts';
export { htmlToText } from './html.ts';

/** Source id of a file: its path relative to `root` with `/` separators, or its name when outside `root`. */
export function sourceIdFor(path: string, root: string): string {
  const rel = relative(root, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return basename(path);
  return rel.split(sep).join('/');
}

function megabytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}

/**
 * Loads one source. A file yields one result; a JSONL file one per record or bad line; a
 * directory is expanded with `discoverSources` and every file in it loaded, with `root`
 * defaulting to that directory. Never throws for bad input.
 */
export async function* loadSource(path: string, opts: LoadOptions = {}): AsyncIterable<LoadResult> {
  const info = await stat(path).catch((err: unknown) => err as Error);
  if (info instanceof Error) {
    yield skipFile(path, sourceIdFor(path, opts.root ?? dirname(path)), asAppError(info));
    return;
  }
  if (info.isDirectory()) {
    const root = opts.root ?? path;
    for (const file of await discoverSources([path])) yield* loadSource(file, { ...opts, root });
    return;
  }
  const name = sourceIdFor(path, opts.root ?? dirname(path));
  if (!isSupportedFile(path)) {
    yield skipFile(path, name, userError('FILE_UNSUPPORTED', `extension ${extname(path)}`,
      'Chỉ nhận PDF, DOCX, DOC, ODT, XLSX, XLS, ODS, CSV, ảnh PNG, JPEG, TIFF, TXT, MD, HTML và JSONL.'));
    return;
  }
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (info.size > maxBytes) {
    yield skipFile(path, name, userError('FILE_TOO_LARGE', `${info.size} > ${maxBytes} bytes`,
      `Kích thước ${megabytes(info.size)}, giới hạn ${megabytes(maxBytes)}.`));
    return;
  }
  if (extname(path).toLowerCase() === '.jsonl') {
    try {
      yield* loadJsonl(path, name);
    } catch (err) {
      yield skipFile(path, name, asAppError(err));
    }
    return;
  }
  yield await loadFile(path, name, opts);
}

/** Discovers and loads every source under `paths`, each directory being the root of its files. */
export async function* loadSources(paths: string[], opts: LoadOptions = {}): AsyncIterable<LoadResult> {
  for (const path of paths) yield* loadSource(path, opts);
}
