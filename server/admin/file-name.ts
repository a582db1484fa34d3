/**
 * Names for uploaded files: what a browser sends as a file name is untrusted text, and the
 * name becomes both a path in the uploads folder and the document's `sourceId`.
 */
import { isAbsolute, resolve, sep } from 'node:path';
import { normalizeText } from '../../core/text/normalize.ts';

/** Longest name kept, in UTF-8 bytes, extension included (file systems allow 255). */
export const MAX_NAME_BYTES = 120;
/** Stem used when nothing usable is left of a name ("tài liệu"). */
export const FALLBACK_STEM = 'tai-lieu';

/** C0 and C1 controls, DEL included. */
const CONTROL = /\p{Cc}/gu;
/** Bidirectional controls make `hoso\u202Efdp.exe` display as `hosoexe.pdf`. */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const LONE_SURROGATE = /\p{Cs}/gu;
/** Characters Windows refuses in names (the separators are handled before). */
const WINDOWS_FORBIDDEN = /[<>:"|?*]/g;
const EXTENSION = /\.([A-Za-z0-9]{1,10})$/;
const RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** Discovery skips hidden files (`.x`) and Office lock files (`~$x`): an upload must not look like one. */
const LEADING = /^(?:[.\s]|~\$)+/;
const TRAILING = /[.\s]+$/;

const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });

function splitExtension(name: string): { stem: string; ext: string } {
  const m = EXTENSION.exec(name);
  if (!m) return { stem: name, ext: '' };
  return { stem: name.slice(0, m.index), ext: `.${(m[1] ?? '').toLowerCase()}` };
}

function truncateBytes(stem: string, maxBytes: number): string {
  if (Buffer.byteLength(stem) <= maxBytes) return stem;
  let out = '';
  let bytes = 0;
  for (const { segment } of graphemes.segment(stem)) {
    const size = Buffer.byteLength(segment);
    if (bytes + size > maxBytes) break;
    out += segment;
    bytes += size;
  }
  return out;
}

function cleanStem(stem: string): string {
  return stem.replace(/\.{2,}/g, '.').replace(LEADING, '').replace(TRAILING, '');
}

/**
 * A plain file name safe to create inside the uploads folder, for any input: NFC, no
 * directory part (`/` or `\`), no control, bidirectional or Windows-forbidden characters,
 * no leading dots or `~$`, no `..`, no trailing dots or spaces, not a reserved Windows
 * device name, at most {@link MAX_NAME_BYTES} bytes of UTF-8 with the extension kept and
 * lower-cased. Vietnamese letters and spaces are kept: `Kế hoạch 83-KH-UBND.PDF` →
 * `Kế hoạch 83-KH-UBND.pdf`. Never empty (`tai-lieu.pdf` when nothing is left) and
 * idempotent.
 */
export function safeFileName(original: string): string {
  // Remove before normalising, so that what a removal brings together is composed too.
  const stripped = original.replace(LONE_SURROGATE, '').replace(CONTROL, ' ').replace(BIDI, '').replace(WINDOWS_FORBIDDEN, '');
  let name = normalizeText(stripped).replace(/\s+/g, ' ');
  name = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);

  const { stem: rawStem, ext } = splitExtension(name);
  const limit = MAX_NAME_BYTES - Buffer.byteLength(ext);
  let stem = cleanStem(truncateBytes(cleanStem(rawStem), limit));
  if (isReserved(stem)) stem = cleanStem(`_${truncateBytes(stem, limit - 1)}`);
  if (!stem) stem = FALLBACK_STEM;
  // Cut short, a name without an extension may now end in one: treat it as a second pass would.
  if (!ext && EXTENSION.test(stem)) return safeFileName(stem);
  return stem + ext;
}

function isReserved(stem: string): boolean {
  return RESERVED.test((stem.split('.')[0] ?? '').trimEnd());
}

/**
 * True when `name` is a plain name of an entry directly inside `dir`: no separator, not
 * `.` or `..`, no NUL, not absolute. Used for names that come back from clients
 * (remove, has), which are compared as given rather than sanitised.
 */
export function isPlainNameIn(dir: string, name: string): boolean {
  if (!name || name === '.' || name === '..' || /[/\\]/.test(name) || name.includes('\0') || isAbsolute(name)) return false;
  const root = resolve(dir);
  return resolve(root, name) === `${root}${root.endsWith(sep) ? '' : sep}${name}`;
}

/**
 * Repairs a name that arrived as UTF-8 bytes read one byte per character (busboy, and so
 * multer, decodes a plain `filename="…"` parameter as Latin-1): `Káº¿ hoáº¡ch.pdf` →
 * `Kế hoạch.pdf`. Names that are not such a reading are returned unchanged.
 */
export function repairLatin1Name(name: string): string {
  if (!/[\u0080-\u00FF]/.test(name) || /[^\p{ASCII}\u0080-\u00FF]/u.test(name)) return name;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(name, 'latin1'));
  } catch {
    return name;
  }
}
