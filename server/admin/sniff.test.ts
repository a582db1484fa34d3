import { beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../core/errors.ts';
import { makeReportDocx } from '../../scripts/fixtures/docx.ts';
import { makeEncryptedPdf, makePlanPdf } from '../../scripts/fixtures/pdf.ts';
import { encodeUtf16be, encodeUtf16le, garbageBytes } from '../../scripts/fixtures/text.ts';
import { NOTICE_VI } from '../../scripts/make-fixtures.ts';
import { ADMIN_SPECIFICS } from './messages.ts';
import { isEncryptedPdf, sniff } from './sniff.ts';

const bytes = (s: string): Buffer => Buffer.from(s, 'latin1');

/** A PDF 1.5 whose trailer is a cross-reference stream far from the end, as large files have. */
function pdfWithXrefStream(encrypted: boolean): Buffer {
  const head = bytes(`%PDF-1.7\n${'1 0 obj\n<< /Type /Page >>\nendobj\n'.repeat(400)}`);
  const dict = bytes(`99 0 obj\n<< /Type /XRef /Size 100 /W [1 4 2] /Root 1 0 R${encrypted ? ' /Encrypt 7 0 R' : ''} /Length 9000 >>\nstream\n`);
  const body = Buffer.alloc(9000, 0x41);
  const tail = bytes(`\nendstream\nendobj\nstartxref\n${head.length}\n%%EOF\n`);
  return Buffer.concat([head, dict, body, tail]);
}

describe('sniff', () => {
  let planPdf: Buffer;
  let encryptedPdf: Buffer;
  let reportDocx: Buffer;
  beforeAll(async () => {
    [planPdf, encryptedPdf, reportDocx] = await Promise.all([makePlanPdf(), makeEncryptedPdf(), makeReportDocx()]);
  });

  it('accepts the generated PDF, DOCX and text fixtures', () => {
    expect(sniff('ke-hoach-12-kh-ubnd.pdf', planPdf)).toEqual({ ok: true });
    expect(sniff('bao-cao-quy-2.docx', reportDocx)).toEqual({ ok: true });
    expect(sniff('thong-bao.txt', Buffer.from(NOTICE_VI))).toEqual({ ok: true });
    expect(sniff('huong-dan.md', Buffer.from('# Hướng dẫn\n'))).toEqual({ ok: true });
    expect(sniff('thong-bao.html', Buffer.from('<p>Thông báo</p>'))).toEqual({ ok: true });
    expect(sniff('van-ban.jsonl', Buffer.from('{"id":"QD-01","title":"Quyết định","text":"Điều 1."}\n'))).toEqual({ ok: true });
  });

  it('accepts UTF-16 text, with or without a byte-order mark, although it is full of NUL bytes', () => {
    expect(sniff('utf16le-bom.txt', encodeUtf16le(NOTICE_VI, true))).toEqual({ ok: true });
    expect(sniff('utf16le-khong-bom.txt', encodeUtf16le(NOTICE_VI, false))).toEqual({ ok: true });
    expect(sniff('utf16be-khong-bom.txt', encodeUtf16be(NOTICE_VI))).toEqual({ ok: true });
  });

  it('accepts UTF-16 text with a BOM even when NUL bytes fall on both sides (decomposed tone marks)', () => {
    const decomposed = 'Hoà bình, hoà hợp. '.normalize('NFD').repeat(50);
    expect(sniff('nfd-bom.txt', encodeUtf16le(decomposed, true))).toEqual({ ok: true });
    expect(sniff('nfd-khong-bom.txt', encodeUtf16le(decomposed, false))).toMatchObject({ ok: false, code: 'TEXT_ENCODING' });
  });

  it('refuses the password-protected PDF fixture with the PDF_ENCRYPTED message naming the file', () => {
    expect(sniff('mat-khau.pdf', encryptedPdf)).toEqual({
      ok: false, code: 'PDF_ENCRYPTED', message: `${MESSAGES.PDF_ENCRYPTED} (tệp mat-khau.pdf)`,
    });
  });

  it('finds /Encrypt in a cross-reference stream that startxref points to, far from the end', () => {
    const locked = pdfWithXrefStream(true);
    expect(locked.subarray(-4096).includes('/Encrypt')).toBe(false);
    expect(locked.subarray(0, 4096).includes('/Encrypt')).toBe(false);
    expect(isEncryptedPdf(locked)).toBe(true);
    expect(sniff('lon.pdf', locked)).toMatchObject({ ok: false, code: 'PDF_ENCRYPTED' });
    expect(sniff('lon.pdf', pdfWithXrefStream(false))).toEqual({ ok: true });
  });

  it('finds /Encrypt in the first-page trailer of a linearised PDF', () => {
    const pdf = Buffer.concat([
      bytes('%PDF-1.6\n1 0 obj\n<< /Linearized 1 >>\nendobj\ntrailer\n<< /Size 9 /Encrypt 4 0 R >>\n'),
      Buffer.alloc(20_000, 0x20),
      bytes('trailer\n<< /Size 9 >>\nstartxref\n0\n%%EOF\n'),
    ]);
    expect(isEncryptedPdf(pdf)).toBe(true);
  });

  it('does not take /EncryptMetadata-like longer names for the /Encrypt key', () => {
    expect(isEncryptedPdf(bytes('%PDF-1.7\n<< /EncryptionNote (none) >>\ntrailer\n<< /Size 1 >>\n%%EOF\n'))).toBe(false);
  });

  it('refuses a .pdf that does not start with %PDF- within its first kilobyte', () => {
    const expected = { ok: false, code: 'PDF_CORRUPT', message: `${MESSAGES.PDF_CORRUPT} ${ADMIN_SPECIFICS.notPdf} (tệp x.pdf)` };
    expect(sniff('x.pdf', Buffer.from('<html>Không phải PDF</html>'))).toEqual(expected);
    expect(sniff('x.pdf', Buffer.concat([Buffer.alloc(1100, 0x20), bytes('%PDF-1.4\n')]))).toEqual(expected);
    expect(sniff('x.pdf', Buffer.concat([Buffer.alloc(100, 0x20), bytes('%PDF-1.4\n')]))).toEqual({ ok: true });
  });

  it('refuses a .docx that is not a ZIP, and says a Compound File may be locked or a legacy .doc', () => {
    expect(sniff('khong-phai-zip.docx', Buffer.from('Đây không phải tệp Word.'))).toEqual({
      ok: false, code: 'DOCX_CORRUPT', message: `${MESSAGES.DOCX_CORRUPT} ${ADMIN_SPECIFICS.notDocx} (tệp khong-phai-zip.docx)`,
    });
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    expect(sniff('co-mat-khau.docx', ole)).toEqual({
      ok: false, code: 'DOCX_CORRUPT', message: `${MESSAGES.DOCX_CORRUPT} ${ADMIN_SPECIFICS.docxLegacyOrLocked} (tệp co-mat-khau.docx)`,
    });
  });

  it('accepts the scan, Office and OpenDocument formats by their content, whatever the image extension', () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    const zip = (mime: string) => Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(26), Buffer.from(`mimetype${mime}`, 'latin1')]);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(sniff('scan.png', png)).toEqual({ ok: true });
    expect(sniff('scan.jpg', png)).toEqual({ ok: true });
    expect(sniff('scan.jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toEqual({ ok: true });
    expect(sniff('scan.tiff', Buffer.from('II*\0\x08\0\0\0', 'latin1'))).toEqual({ ok: true });
    expect(sniff('cu.doc', ole)).toEqual({ ok: true });
    expect(sniff('cu.xls', ole)).toEqual({ ok: true });
    expect(sniff('bang.xlsx', Buffer.from('PK\x03\x04rest', 'latin1'))).toEqual({ ok: true });
    expect(sniff('van-ban.odt', zip('application/vnd.oasis.opendocument.text'))).toEqual({ ok: true });
    expect(sniff('bang.ods', zip('application/vnd.oasis.opendocument.spreadsheet'))).toEqual({ ok: true });
    expect(sniff('bang.csv', Buffer.from('STT;Tên\n1;Khai sinh\n'))).toEqual({ ok: true });
  });

  it('refuses content that does not match the new extensions, saying what to do', () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    expect(sniff('anh.png', Buffer.from('%PDF-1.4'))).toMatchObject({ ok: false, code: 'IMAGE_CORRUPT' });
    expect(sniff('bang.xlsx', ole)).toMatchObject({ ok: false, code: 'SHEET_CORRUPT', message: expect.stringContaining('mật khẩu') });
    expect(sniff('cu.doc', Buffer.from('PK\x03\x04rest', 'latin1'))).toMatchObject({ ok: false, code: 'DOC_CORRUPT', message: expect.stringContaining('.docx') });
    expect(sniff('van-ban.odt', Buffer.from('PK\x03\x04mimetypeapplication/vnd.oasis.opendocument.spreadsheet', 'latin1'))).toMatchObject({ ok: false, code: 'ODT_CORRUPT' });
    expect(sniff('cu.xls', Buffer.from('không phải Excel'))).toMatchObject({ ok: false, code: 'SHEET_CORRUPT' });
  });

  it('refuses binary content under a text extension', () => {
    for (const name of ['rac.txt', 'rac.md', 'rac.html', 'rac.htm', 'rac.jsonl', 'rac.csv']) {
      expect(sniff(name, garbageBytes(4096))).toEqual({
        ok: false, code: 'TEXT_ENCODING', message: `${MESSAGES.TEXT_ENCODING} ${ADMIN_SPECIFICS.binaryText} (tệp ${name})`,
      });
    }
    expect(sniff('anh.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toMatchObject({ code: 'TEXT_ENCODING' });
  });

  it('refuses empty files of every kind, and text files with nothing but spaces', () => {
    for (const name of ['a.pdf', 'a.docx', 'a.txt', 'a.md', 'a.html', 'a.jsonl']) {
      expect(sniff(name, Buffer.alloc(0))).toEqual({ ok: false, code: 'FILE_EMPTY', message: `${MESSAGES.FILE_EMPTY} (tệp ${name})` });
    }
    expect(sniff('trang.txt', Buffer.from(' \n\t\r\n'))).toMatchObject({ ok: false, code: 'FILE_EMPTY' });
    expect(sniff('bom.txt', Buffer.from('\uFEFF  \n'))).toMatchObject({ ok: false, code: 'FILE_EMPTY' });
    expect(sniff('bom16.txt', encodeUtf16le(' \n', true))).toMatchObject({ ok: false, code: 'FILE_EMPTY' });
  });

  it('refuses unsupported extensions and sidecars, listing the accepted formats', () => {
    for (const name of ['chuong-trinh.exe', 'x.pdf.meta.json', 'README', 'bang.numbers']) {
      expect(sniff(name, Buffer.from('%PDF-1.4'))).toEqual({
        ok: false, code: 'FILE_UNSUPPORTED', message: `Định dạng tệp chưa được hỗ trợ. Chỉ nhận PDF, DOCX, DOC, ODT, XLSX, XLS, ODS, CSV, ảnh PNG, JPEG, TIFF, TXT, MD, HTML và JSONL. (tệp ${name})`,
      });
    }
  });

  it('judges by the extension in any case', () => {
    expect(sniff('KE-HOACH.PDF', planPdf)).toEqual({ ok: true });
    expect(sniff('KE-HOACH.PDF', Buffer.from('text'))).toMatchObject({ code: 'PDF_CORRUPT' });
  });
});
