/** Loading of one non-JSONL file: size check, sidecar, format dispatch, content hash. */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { AppError, toAppError } from '../../core/errors.ts';
import type { DocumentMeta } from '../../core/model.ts';
import type { LoadedDocument } from '../../core/ports.ts';
import { normalizeText } from '../../core/text/normalize.ts';
import { decodeHtml, htmlToText } from './html.ts';
import { findSidecar, readSidecar } from './metadata.ts';
import { DEFAULT_MAX_UNPACKED_BYTES, loaded, PAGE_SEPARATOR, skipFile, userError, type LoadOptions, type LoadResult } from './result.ts';
import { decodeText } from './text.ts';
import type { Extracted } from './extracted.ts';

export type { Extracted } from './extracted.ts';


async function extract(ext: string, bytes: Buffer, path: string, opts: LoadOptions): Promise<Extracted> {
  const maxUnpackedBytes = opts.maxUnpackedBytes ?? DEFAULT_MAX_UNPACKED_BYTES;
  switch (ext) {
    case '.pdf':
      // pdfjs, mammoth, sharp and exceljs are heavy to load: only when such a file comes.
      return (await import('./pdf.ts')).extractPdf(bytes, path, opts);
    case '.png':
    case '.jpg':
    case '.jpeg':
    case '.tif':
    case '.tiff':
      return (await import('./image.ts')).extractImage(bytes, opts);
    case '.docx':
      return (await import('./docx.ts')).extractDocx(bytes, maxUnpackedBytes);
    case '.odt':
      return (await import('./odt.ts')).extractOdt(bytes, maxUnpackedBytes);
    case '.doc':
      return (await import('./doc.ts')).extractDoc(path, opts);
    case '.xlsx':
    case '.xls':
    case '.ods':
    case '.csv':
      return (await import('./sheets/index.ts')).extractSheets(ext, bytes, path, opts);
    case '.txt':
    case '.md':
      return plainText(decodeText(bytes).text);
    case '.html':
    case '.htm': {
      const { text, title } = htmlToText(decodeHtml(bytes));
      return title ? { text: normalizeText(text).trim(), title: normalizeText(title) } : { text: normalizeText(text).trim() };
    }
    default:
      throw userError('FILE_UNSUPPORTED', `extension ${ext}`, `Phần mở rộng "${ext || '(không có)'}".`);
  }
}

/**
 * A plain-text file's text; form feeds, which pdftotext writes between pages, make it a
 * paged document (the structure step then knows where each page ends, as for a PDF).
 */
export function plainText(raw: string): Extracted {
  if (!raw.includes('\f')) return { text: normalizeText(raw).trim() };
  const pages = raw.split('\f').map((p) => normalizeText(p).trim());
  while (pages.length > 1 && pages[pages.length - 1] === '') pages.pop();
  return { text: pages.join(PAGE_SEPARATOR), pages };
}

/** Maps file-system errors to FILE_UNREADABLE; anything unexpected stays INTERNAL. */
export function asAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return userError('FILE_UNREADABLE', code, undefined, err);
  return toAppError(err);
}

/**
 * Loads one file as one document. Never throws: every problem becomes one skipped result
 * whose message names the file. The content hash covers the file bytes and, when present,
 * the sidecar bytes, so editing only the metadata still changes the hash.
 * @param name - the file's source id, used in messages.
 */
export async function loadFile(path: string, name: string, opts: LoadOptions): Promise<LoadResult> {
  try {
    const sidecarPath = await findSidecar(path);
    const sidecar = sidecarPath ? await readSidecar(sidecarPath, basename(sidecarPath)) : undefined;
    const bytes = await readFile(path);
    const extracted = await extract(extname(path).toLowerCase(), bytes, path, opts);
    if (!/\p{L}|\p{N}/u.test(extracted.text)) throw userError('FILE_EMPTY', 'no text after extraction');

    const hash = createHash('sha256').update(bytes);
    if (sidecar) hash.update('\0sidecar\0').update(sidecar.bytes);
    const meta: Partial<DocumentMeta> = {
      ...(extracted.title ? { title: extracted.title } : {}),
      ...(extracted.extraction ? { extraction: extracted.extraction } : {}),
      ...sidecar?.meta,
    };
    const doc: LoadedDocument = {
      sourceId: name, source: path, text: extracted.text, kind: extracted.passages ? 'sheet' : 'document', contentHash: hash.digest('hex'),
    };
    if (extracted.pages) doc.pages = extracted.pages;
    if (extracted.notes?.length) doc.notes = extracted.notes;
    if (extracted.margins?.length) doc.margins = extracted.margins;
    if (extracted.passages) doc.passages = extracted.passages;
    if (Object.keys(meta).length > 0) doc.meta = meta;
    return loaded(doc);
  } catch (err) {
    return skipFile(path, name, asAppError(err));
  }
}
