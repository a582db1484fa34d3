/**
 * DOCX text extraction. The zip's central directory is checked with yauzl first — without
 * inflating anything — so that a zip bomb never reaches mammoth; then mammoth extracts the
 * raw text, one paragraph per line followed by a blank line.
 */
import mammoth from 'mammoth';
import yauzl from 'yauzl';
import { normalizeText } from '../../core/text/normalize.ts';
import type { AppError } from '../../core/errors.ts';
import { DEFAULT_MAX_UNPACKED_BYTES, userError } from './result.ts';

/** An entry bigger than this whose compression ratio exceeds MAX_RATIO is treated as a bomb. */
export const BIG_ENTRY_BYTES = 1024 * 1024;
export const MAX_RATIO = 100;
const MAX_ENTRIES = 10_000;

/** What the central directory says about the archive. */
export interface ZipSummary {
  entries: number;
  uncompressedBytes: number;
  hasDocumentXml: boolean;
}

function readCentralDirectory(bytes: Buffer, maxUnpackedBytes: number): Promise<ZipSummary> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, decodeStrings: true }, (openErr, zip) => {
      if (openErr || !zip) {
        reject(userError('DOCX_CORRUPT', `not a zip: ${openErr?.message ?? 'no archive'}`, undefined, openErr));
        return;
      }
      const summary: ZipSummary = { entries: 0, uncompressedBytes: 0, hasDocumentXml: false };
      const fail = (err: AppError): void => {
        zip.close();
        reject(err);
      };
      zip.on('error', (err: Error) => fail(userError('DOCX_CORRUPT', `bad zip: ${err.message}`, undefined, err)));
      zip.on('entry', (entry: yauzl.Entry) => {
        summary.entries++;
        summary.uncompressedBytes += entry.uncompressedSize;
        if (entry.fileName === 'word/document.xml') summary.hasDocumentXml = true;
        const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
        if (entry.uncompressedSize > BIG_ENTRY_BYTES && ratio > MAX_RATIO) {
          fail(userError('DOCX_TOO_LARGE_UNPACKED', `entry ${entry.fileName} ratio ${Math.round(ratio)}:1`));
        } else if (summary.uncompressedBytes > maxUnpackedBytes) {
          fail(userError('DOCX_TOO_LARGE_UNPACKED', `unpacked size over ${maxUnpackedBytes} bytes`));
        } else if (summary.entries > MAX_ENTRIES) {
          fail(userError('DOCX_TOO_LARGE_UNPACKED', `more than ${MAX_ENTRIES} entries`));
        } else {
          zip.readEntry();
        }
      });
      zip.on('end', () => resolve(summary));
      zip.readEntry();
    });
  });
}

/**
 * Checks the zip without inflating it. Throws AppError DOCX_CORRUPT (not a zip, or no
 * `word/document.xml`) or DOCX_TOO_LARGE_UNPACKED (total over the limit, or an entry over
 * 1 MiB compressed more than 100:1).
 */
export async function inspectDocx(bytes: Buffer, maxUnpackedBytes = DEFAULT_MAX_UNPACKED_BYTES): Promise<ZipSummary> {
  const summary = await readCentralDirectory(bytes, maxUnpackedBytes);
  if (!summary.hasDocumentXml) throw userError('DOCX_CORRUPT', 'zip has no word/document.xml');
  return summary;
}

/** Inspects, then extracts the normalised text of a DOCX (paragraphs separated by a blank line). */
export async function extractDocx(bytes: Buffer, maxUnpackedBytes = DEFAULT_MAX_UNPACKED_BYTES): Promise<string> {
  await inspectDocx(bytes, maxUnpackedBytes);
  let raw: string;
  try {
    raw = (await mammoth.extractRawText({ buffer: bytes })).value;
  } catch (err) {
    throw userError('DOCX_CORRUPT', `mammoth: ${err instanceof Error ? err.message : String(err)}`, undefined, err);
  }
  return normalizeText(raw).replace(/\n{3,}/g, '\n\n').trim();
}
