import { dirname, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VIETNAMESE_LETTERS } from '../../core/text/letters.ts';
import { vietnameseText } from '../../core/text/test-arbitraries.ts';
import { isPlainNameIn, MAX_NAME_BYTES, repairLatin1Name, safeFileName } from './file-name.ts';

const DIR = resolve('/srv/tro-ly-ao/uploads');

/** Pieces that attack or confuse file names, mixed with Vietnamese text and arbitrary code units. */
const hostilePiece = fc.oneof(
  fc.constantFrom('..', '.', '/', '\\', '\0', '\u0007', '\u0085', 'CON', 'lpt1', 'nul', '~$', ' ', '\t', '\n', '.pdf', '.PDF', '.Docx',
    'ế', 'Đ', 'e\u0302\u0301', '\u0301', '\u0302', '\u202E', '\u2066', ':', '*', '?', '"', '<', '|', '\u200B', '\uFEFF', '\uD800', '👍🏽', 'C:'),
  fc.string({ unit: 'binary', maxLength: 4 }),
  vietnameseText,
);
const hostileName = fc.array(hostilePiece, { maxLength: 12 }).map((parts) => parts.join(''));
const longName = fc.tuple(
  fc.string({ unit: fc.constantFrom(...VIETNAMESE_LETTERS, ' ', '.', '-'), minLength: 60, maxLength: 200 }),
  fc.constantFrom('', '.pdf', '.DOCX', '.', ' . .', '.txt '),
).map(([stem, ext]) => stem + ext);
const anyName = fc.oneof(hostileName, longName, fc.string({ unit: 'binary', maxLength: 40 }));

describe('safeFileName', () => {
  it('keeps a Vietnamese name as it is, composed to NFC', () => {
    expect(safeFileName('Kế hoạch 83-KH-UBND.pdf')).toBe('Kế hoạch 83-KH-UBND.pdf');
    expect(safeFileName('Kế hoạch 83-KH-UBND.pdf'.normalize('NFD'))).toBe('Kế hoạch 83-KH-UBND.pdf');
    expect(safeFileName('Báo cáo quý 2 – Sở Nội vụ.docx')).toBe('Báo cáo quý 2 - Sở Nội vụ.docx');
  });

  it('drops every directory part, with either separator', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('..\\..\\x.pdf')).toBe('x.pdf');
    expect(safeFileName('/abs/x.pdf')).toBe('x.pdf');
    expect(safeFileName('C:\\Users\\van-thu\\Desktop\\Thông báo.HTML')).toBe('Thông báo.html');
    expect(safeFileName('uploads/../..')).toBe('tai-lieu');
  });

  it('never returns an empty, dot-only or hidden name', () => {
    expect(safeFileName('')).toBe('tai-lieu');
    expect(safeFileName('..')).toBe('tai-lieu');
    expect(safeFileName(' . ')).toBe('tai-lieu');
    expect(safeFileName('.pdf')).toBe('tai-lieu.pdf');
    expect(safeFileName('.htaccess.txt')).toBe('htaccess.txt');
    expect(safeFileName('~$bao-cao.docx')).toBe('bao-cao.docx');
  });

  it('turns NUL and other control characters into spaces, so a NUL cannot hide the real extension', () => {
    expect(safeFileName('bao\0cao.pdf')).toBe('bao cao.pdf');
    expect(safeFileName('x.pdf\0.exe')).toBe('x.pdf.exe');
    expect(safeFileName('dòng\nmột\r\nhai.txt')).toBe('dòng một hai.txt');
  });

  it('removes bidirectional controls and characters Windows forbids', () => {
    expect(safeFileName('hoso\u202Efdp.exe')).toBe('hosofdp.exe');
    expect(safeFileName('Quyết định số: 12 <dự thảo>*?.pdf')).toBe('Quyết định số 12 dự thảo.pdf');
  });

  it('removes trailing dots and spaces and collapses ".." inside the name', () => {
    expect(safeFileName('bao cao. . .')).toBe('bao cao');
    expect(safeFileName('x.PDF. ')).toBe('x.pdf');
    expect(safeFileName('a..b...pdf')).toBe('a.b.pdf');
  });

  it('prefixes reserved Windows device names but not words that start like them', () => {
    expect(safeFileName('CON.txt')).toBe('_CON.txt');
    expect(safeFileName('lpt1.pdf')).toBe('_lpt1.pdf');
    expect(safeFileName('nul .tar.md')).toBe('_nul .tar.md');
    expect(safeFileName('conference.pdf')).toBe('conference.pdf');
  });

  it('keeps a long reserved name within the byte limit after prefixing it', () => {
    const name = safeFileName(`CON.${'x'.repeat(200)}.PDF`);
    expect(name.startsWith('_CON.xxx')).toBe(true);
    expect(name.endsWith('x.pdf')).toBe(true);
    expect(Buffer.byteLength(name)).toBe(MAX_NAME_BYTES);
  });

  it('lower-cases the extension only', () => {
    expect(safeFileName('BAO-CAO.PDF')).toBe('BAO-CAO.pdf');
    expect(safeFileName('Ke-Hoach.JsonL')).toBe('Ke-Hoach.jsonl');
  });

  it('cuts long names to the byte limit on whole letters and keeps the extension', () => {
    const name = safeFileName(`${'ệ'.repeat(300)}.PDF`);
    expect(name.endsWith('.pdf')).toBe(true);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(name).toBe(`${'ệ'.repeat(Math.floor((MAX_NAME_BYTES - 4) / 3))}.pdf`);
  });

  it('never yields a separator, NUL, control character or a name outside the folder', () => {
    fc.assert(fc.property(anyName, (original) => {
      const name = safeFileName(original);
      expect(name).not.toMatch(/[/\\\p{Cc}]/u);
      expect(name).not.toMatch(/^[.\s]|[.\s]$/u);
      expect(name.length).toBeGreaterThan(0);
      expect(Buffer.byteLength(name)).toBeLessThanOrEqual(MAX_NAME_BYTES);
      expect(dirname(resolve(DIR, name))).toBe(DIR);
      expect(isPlainNameIn(DIR, name)).toBe(true);
      expect(name.normalize('NFC')).toBe(name);
    }), { numRuns: 3000 });
  });

  it('is idempotent', () => {
    fc.assert(fc.property(anyName, (original) => {
      const once = safeFileName(original);
      expect(safeFileName(once)).toBe(once);
    }), { numRuns: 3000 });
  });
});

describe('isPlainNameIn', () => {
  it('accepts plain names and refuses traversal, separators, NUL and absolute paths', () => {
    expect(isPlainNameIn(DIR, 'Kế hoạch.pdf')).toBe(true);
    for (const bad of ['', '.', '..', '../x.pdf', '..\\x.pdf', 'a/b.pdf', '/etc/passwd', 'x.pdf\0', 'sub\\..\\..\\x']) {
      expect(isPlainNameIn(DIR, bad), bad).toBe(false);
    }
  });
});

describe('repairLatin1Name', () => {
  it('decodes a UTF-8 name that multer read as Latin-1', () => {
    const mangled = Buffer.from('Kế hoạch 83.pdf', 'utf8').toString('latin1');
    expect(mangled).not.toBe('Kế hoạch 83.pdf');
    expect(repairLatin1Name(mangled)).toBe('Kế hoạch 83.pdf');
  });

  it('leaves proper Unicode names and genuine Latin-1 names alone', () => {
    expect(repairLatin1Name('Kế hoạch 83.pdf')).toBe('Kế hoạch 83.pdf');
    expect(repairLatin1Name('Báo cáo.pdf')).toBe('Báo cáo.pdf');
    expect(repairLatin1Name('Café.txt')).toBe('Café.txt');
    expect(repairLatin1Name('plain.txt')).toBe('plain.txt');
  });
});
