/**
 * A cheap look at an upload's bytes before anything is stored: does the content match the
 * extension? The loaders do the full checks (pdf.js, the zip-bomb limit, text decoding) at
 * ingest time; this catches the common mistakes while the admin is still at the screen.
 */
import { extname } from 'node:path';
import { isSupportedFile } from '../../ingest/loaders/discover.ts';
import { aboutFile, ADMIN_SPECIFICS, type AdminProblemCode } from './messages.ts';

/** Outcome of {@link sniff}: fine, or a code and a Vietnamese message naming the file. */
export type SniffResult = { ok: true } | { ok: false; code: AdminProblemCode; message: string };

const HEAD_BYTES = 1024;
const TAIL_BYTES = 4096;
const TEXT_SAMPLE = 8192;
/** Text files up to this size are checked for having any non-blank content. */
const BLANK_CHECK_BYTES = 64 * 1024;
const ZIP_LOCAL_HEADER = Buffer.from('PK\x03\x04', 'latin1');
/** Compound File (OLE) header: a legacy .doc, or an Office file saved with a password. */
const OLE_HEADER = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const PNG_HEADER = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_HEADER = Buffer.from([0xff, 0xd8, 0xff]);
const TIFF_HEADERS = [Buffer.from('II*\0', 'latin1'), Buffer.from('MM\0*', 'latin1')];
/** The `mimetype` entry an OpenDocument zip must store first, uncompressed. */
const ODF_MIMETYPES: Record<string, string> = {
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.ods': 'application/vnd.oasis.opendocument.spreadsheet',
};

/** `/Encrypt` as a dictionary key, not a prefix of a longer name such as `/EncryptMetadata`. */
const ENCRYPT_KEY = /\/Encrypt(?![A-Za-z0-9])/;

/** Whether the bytes start like a PNG, JPEG or TIFF image (any of them: a scanner's .jpg may be a PNG). */
function isImage(bytes: Buffer): boolean {
  return bytes.subarray(0, 8).equals(PNG_HEADER) || bytes.subarray(0, 3).equals(JPEG_HEADER)
    || TIFF_HEADERS.some((h) => bytes.subarray(0, 4).equals(h));
}

/**
 * Checks that `buffer` plausibly is a file of the kind its `name` says, by its content: PDF
 * starts with `%PDF-` and is not encrypted; DOCX and XLSX are ZIPs (a Compound File there
 * means a password or a legacy file under a new name); ODT/ODS are ZIPs naming their
 * OpenDocument type; DOC/XLS are Compound Files; PNG/JPEG/TIFF start with an image
 * signature; TXT/MD/HTML/JSONL/CSV are not binary. Empty files and unsupported extensions
 * are refused. Never throws.
 */
export function sniff(name: string, buffer: Uint8Array): SniffResult {
  const ext = extname(name).toLowerCase();
  const bytes = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const fail = (code: AdminProblemCode, specific?: string): SniffResult => ({ ok: false, code, message: aboutFile(code, name, specific) });

  if (!isSupportedFile(name)) return fail('FILE_UNSUPPORTED', ADMIN_SPECIFICS.onlySupported);
  if (bytes.length === 0) return fail('FILE_EMPTY');
  switch (ext) {
    case '.pdf':
      if (!bytes.subarray(0, HEAD_BYTES).includes('%PDF-', 0, 'latin1')) return fail('PDF_CORRUPT', ADMIN_SPECIFICS.notPdf);
      if (isEncryptedPdf(bytes)) return fail('PDF_ENCRYPTED');
      return { ok: true };
    case '.docx':
      if (bytes.subarray(0, 4).equals(ZIP_LOCAL_HEADER)) return { ok: true };
      if (bytes.subarray(0, 8).equals(OLE_HEADER)) return fail('DOCX_CORRUPT', ADMIN_SPECIFICS.docxLegacyOrLocked);
      return fail('DOCX_CORRUPT', ADMIN_SPECIFICS.notDocx);
    case '.xlsx':
      if (bytes.subarray(0, 4).equals(ZIP_LOCAL_HEADER)) return { ok: true };
      if (bytes.subarray(0, 8).equals(OLE_HEADER)) return fail('SHEET_CORRUPT', ADMIN_SPECIFICS.xlsxLegacyOrLocked);
      return fail('SHEET_CORRUPT', ADMIN_SPECIFICS.notSheet);
    case '.odt':
    case '.ods': {
      const isOdf = bytes.subarray(0, 4).equals(ZIP_LOCAL_HEADER) && bytes.subarray(0, HEAD_BYTES).includes(ODF_MIMETYPES[ext]!, 0, 'latin1');
      if (isOdf) return { ok: true };
      return ext === '.odt' ? fail('ODT_CORRUPT', ADMIN_SPECIFICS.notOdf) : fail('SHEET_CORRUPT', ADMIN_SPECIFICS.notOdf);
    }
    case '.doc':
    case '.xls':
      if (bytes.subarray(0, 8).equals(OLE_HEADER)) return { ok: true };
      if (bytes.subarray(0, 4).equals(ZIP_LOCAL_HEADER)) {
        return fail(ext === '.doc' ? 'DOC_CORRUPT' : 'SHEET_CORRUPT', ADMIN_SPECIFICS.newFormatUnderOldName);
      }
      return ext === '.doc' ? fail('DOC_CORRUPT', ADMIN_SPECIFICS.notLegacyOffice) : fail('SHEET_CORRUPT', ADMIN_SPECIFICS.notLegacyOffice);
    case '.png':
    case '.jpg':
    case '.jpeg':
    case '.tif':
    case '.tiff':
      return isImage(bytes) ? { ok: true } : fail('IMAGE_CORRUPT', ADMIN_SPECIFICS.notImage);
    default:
      if (looksBinary(bytes)) return fail('TEXT_ENCODING', ADMIN_SPECIFICS.binaryText);
      if (isBlankText(bytes)) return fail('FILE_EMPTY');
      return { ok: true };
  }
}

/**
 * An encrypted PDF names its encryption dictionary in the trailer: at the end of the file,
 * in the cross-reference stream that `startxref` points to (PDF 1.5+, whose dictionary
 * can sit well before the end) or, in a linearised file, in the first-page trailer near
 * the start.
 */
export function isEncryptedPdf(bytes: Buffer): boolean {
  const tail = bytes.subarray(Math.max(0, bytes.length - TAIL_BYTES)).toString('latin1');
  if (ENCRYPT_KEY.test(tail)) return true;
  if (ENCRYPT_KEY.test(bytes.subarray(0, TAIL_BYTES).toString('latin1'))) return true;
  const startxref = /startxref\s+(\d+)\s*%%EOF\s*$/.exec(tail);
  const offset = startxref ? Number(startxref[1]) : NaN;
  if (!Number.isSafeInteger(offset) || offset >= bytes.length) return false;
  return ENCRYPT_KEY.test(bytes.subarray(offset, offset + TAIL_BYTES).toString('latin1'));
}

function hasUtf16Bom(bytes: Buffer): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/**
 * UTF-16 without a BOM, recognised as the text loader does: Latin-script text has a NUL
 * in one byte of at least a fifth of the 2-byte units and almost never in the other.
 */
function looksUtf16(sample: Buffer): boolean {
  const pairs = sample.length >> 1;
  if (pairs === 0) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  return (odd / pairs >= 0.2 && even / pairs <= 0.02) || (even / pairs >= 0.2 && odd / pairs <= 0.02);
}

/** NUL bytes in the first 8 KB, unless the text is UTF-16 (which the text loader reads). */
function looksBinary(bytes: Buffer): boolean {
  if (hasUtf16Bom(bytes)) return false;
  const sample = bytes.subarray(0, TEXT_SAMPLE);
  return sample.includes(0) && !looksUtf16(sample);
}

/** Only a byte-order mark and white space (checked for small files only: it is a courtesy). */
function isBlankText(bytes: Buffer): boolean {
  if (bytes.length > BLANK_CHECK_BYTES) return false;
  if (hasUtf16Bom(bytes)) {
    const units = bytes.subarray(2);
    if (units.length % 2 !== 0) return false;
    const le = bytes[0] === 0xfe ? Buffer.from(units).swap16() : units;
    return le.toString('utf16le').trim() === '';
  }
  return bytes.toString('utf8').replace(/^\uFEFF/, '').trim() === '';
}
