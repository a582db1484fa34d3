/** Shared types and message helpers of the loaders. */
import { AppError, MESSAGES, type ErrorCode } from '../../core/errors.ts';
import type { LoadedDocument, SkippedSource } from '../../core/ports.ts';
import type { OcrOptions } from '../ocr/options.ts';

/** One outcome of loading: a document, or a source that was skipped with a reason. */
export type LoadResult = { ok: true; doc: LoadedDocument } | { ok: false; skipped: SkippedSource };

/** Commands of the legacy-format converters (ingest/loaders/converters.ts), instead of the PATH's. */
export interface ConverterPaths {
  antiword?: string;
  xls2csv?: string;
}

/** What the OCR of scanned pages needs from the caller: settings, cancel, progress. */
export interface OcrHooks {
  /** OCR settings and limits (ingest/ocr/options.ts); defaults when absent. */
  ocr?: OcrOptions;
  /** Aborts the load: running OCR processes are killed. */
  signal?: AbortSignal;
  /** Pages OCR'd so far in the current file, out of those it needs. */
  onPages?: (done: number, total: number) => void;
}

/** Options of `loadSource`. */
export interface LoadOptions extends OcrHooks {
  /** Folder that `sourceId`s are relative to; defaults to the file's own folder (or the directory loaded). */
  root?: string;
  /** Files larger than this are skipped unread (default 50 MB). */
  maxBytes?: number;
  /** DOCX whose entries would inflate to more than this are skipped (default 100 MB). */
  maxUnpackedBytes?: number;
  /** Commands of the legacy-format converters, instead of the PATH's. */
  converters?: ConverterPaths;
}

/** Default size limits. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
export const DEFAULT_MAX_UNPACKED_BYTES = 100 * 1024 * 1024;

/** A successful result. */
export function loaded(doc: LoadedDocument): LoadResult {
  return { ok: true, doc };
}

/**
 * A skipped file: the catalogue message, the specifics, then the file name, e.g.
 * `Tệp PDF bị hỏng hoặc không đọc được. (tệp bao-cao.pdf)`.
 */
export function skipFile(source: string, name: string, error: AppError): LoadResult {
  return { ok: false, skipped: { source, code: error.code, message: `${error.userMessage} (tệp ${name})` } };
}

/** A skipped JSONL line: `Dòng 17: <catalogue message> <specifics> (tệp x.jsonl)`. */
export function skipLine(source: string, name: string, line: number, code: ErrorCode, specific?: string): LoadResult {
  const body = specific ? `${MESSAGES[code]} ${specific}` : MESSAGES[code];
  return { ok: false, skipped: { source, code, message: `Dòng ${line}: ${body} (tệp ${name})` } };
}

/** Shorthand for a user-category AppError with a Vietnamese specific suffix. */
export function userError(code: ErrorCode, detail: string, userSuffix?: string, cause?: unknown): AppError {
  return new AppError(code, detail, { cause, ...(userSuffix ? { userSuffix } : {}) });
}

/**
 * Separator between pages in `text`. A blank line rather than a form feed: normalizeText
 * turns `\f` into a space, and `text` must stay stable under normalisation so offsets hold.
 * Page `i` starts at the sum of `pages[j].length + PAGE_SEPARATOR.length` for `j < i`.
 */
export const PAGE_SEPARATOR = '\n\n';
