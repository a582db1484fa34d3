/**
 * Zip containers (DOCX, ODT, ODS, XLSX): the central directory is checked with yauzl first —
 * without inflating anything — so that a zip bomb never reaches a parser; then only the
 * named entries are inflated, each within the declared size.
 */
import yauzl from 'yauzl';
import type { AppError, ErrorCode } from '../../core/errors.ts';
import { DEFAULT_MAX_UNPACKED_BYTES, userError } from './result.ts';

/** An entry bigger than this whose compression ratio exceeds MAX_RATIO is treated as a bomb. */
export const BIG_ENTRY_BYTES = 1024 * 1024;
export const MAX_RATIO = 100;
const MAX_ENTRIES = 10_000;

/** What the central directory says about the archive. */
export interface ZipSummary {
  entries: number;
  uncompressedBytes: number;
  names: Set<string>;
}

function open(bytes: Buffer, corrupt: ErrorCode): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, decodeStrings: true }, (err, zip) => {
      if (err || !zip) reject(userError(corrupt, `not a zip: ${err?.message ?? 'no archive'}`, undefined, err));
      else resolve(zip);
    });
  });
}

/**
 * Reads the central directory. Throws AppError `corrupt` (not a zip) or `tooLarge` (total
 * over `maxUnpackedBytes`, more than 10,000 entries, or an entry over 1 MiB compressed
 * more than 100:1).
 */
export async function inspectZip(bytes: Buffer, maxUnpackedBytes = DEFAULT_MAX_UNPACKED_BYTES, corrupt: ErrorCode = 'DOCX_CORRUPT', tooLarge: ErrorCode = 'DOCX_TOO_LARGE_UNPACKED'): Promise<ZipSummary> {
  const zip = await open(bytes, corrupt);
  return new Promise((resolve, reject) => {
    const summary: ZipSummary = { entries: 0, uncompressedBytes: 0, names: new Set() };
    const fail = (err: AppError): void => {
      zip.close();
      reject(err);
    };
    zip.on('error', (err: Error) => fail(userError(corrupt, `bad zip: ${err.message}`, undefined, err)));
    zip.on('entry', (entry: yauzl.Entry) => {
      summary.entries++;
      summary.uncompressedBytes += entry.uncompressedSize;
      summary.names.add(entry.fileName);
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (entry.uncompressedSize > BIG_ENTRY_BYTES && ratio > MAX_RATIO) {
        fail(userError(tooLarge, `entry ${entry.fileName} ratio ${Math.round(ratio)}:1`));
      } else if (summary.uncompressedBytes > maxUnpackedBytes) {
        fail(userError(tooLarge, `unpacked size over ${maxUnpackedBytes} bytes`));
      } else if (summary.entries > MAX_ENTRIES) {
        fail(userError(tooLarge, `more than ${MAX_ENTRIES} entries`));
      } else {
        zip.readEntry();
      }
    });
    zip.on('end', () => resolve(summary));
    zip.readEntry();
  });
}

/** Inflates the entries named in `names` that exist (call {@link inspectZip} first). */
export async function readZipEntries(bytes: Buffer, names: readonly string[], corrupt: ErrorCode = 'DOCX_CORRUPT'): Promise<Map<string, Buffer>> {
  const zip = await open(bytes, corrupt);
  const wanted = new Set(names);
  const out = new Map<string, Buffer>();
  return new Promise((resolve, reject) => {
    zip.on('error', (err: Error) => reject(userError(corrupt, `bad zip: ${err.message}`, undefined, err)));
    zip.on('entry', (entry: yauzl.Entry) => {
      if (!wanted.has(entry.fileName)) {
        zip.readEntry();
        return;
      }
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) {
          reject(userError(corrupt, `cannot inflate ${entry.fileName}: ${err?.message ?? ''}`, undefined, err));
          return;
        }
        const parts: Buffer[] = [];
        stream.on('data', (d: Buffer) => parts.push(d));
        stream.on('error', (e: Error) => reject(userError(corrupt, `inflate ${entry.fileName}: ${e.message}`, undefined, e)));
        stream.on('end', () => {
          out.set(entry.fileName, Buffer.concat(parts));
          zip.readEntry();
        });
      });
    });
    zip.on('end', () => resolve(out));
    zip.readEntry();
  });
}
