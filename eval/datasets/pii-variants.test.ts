import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  PII_CATEGORIES, PII_VARIANTS_PATH, canonicalSecret, checkPiiVariants, leakedSecrets, loadPiiVariants, type PiiVariant,
} from './pii-variants.ts';

describe('canonicalSecret', () => {
  it('reduces numbers to their digits whatever separators, widths or invisible characters they were typed with', () => {
    expect(canonicalSecret('0905\u200B000\u2060204')).toBe('0905000204');
    expect(canonicalSecret('０５１ ０９５ ０００ ３０９')).toBe('051095000309');
    expect(canonicalSecret('0905\u00A0000\u00A0211')).toBe('0905000211');
    expect(canonicalSecret('(+84) 912-000-209')).toBe('0912000209');
    expect(canonicalSecret('không chín không năm, không không không, hai một không')).toBe('0905000210');
  });

  it('turns spelled-out and full-width e-mails into the address', () => {
    expect(canonicalSecret('an chấm nguyen a còng gmail chấm com')).toBe('an.nguyen@gmail.com');
    expect(canonicalSecret('an [at] gmail [dot] com')).toBe('an@gmail.com');
    expect(canonicalSecret('ＶＯＨＵＮＧ＠ＧＭＡＩＬ．ＣＯＭ')).toBe('vohung@gmail.com');
    expect(canonicalSecret('nguyễn.an@gmail.com')).toBe('nguyễn.an@gmail.com');
  });

  it('upper-cases short identifiers and leaves names and addresses as typed', () => {
    expect(canonicalSecret('B 765 4321')).toBe('B7654321');
    expect(canonicalSecret('76h1-00084')).toBe('76H100084');
    expect(canonicalSecret('Lê Thị\u200B Hồng')).toBe('Lê Thị Hồng');
    expect(canonicalSecret('123/4 Lê Lợi')).toBe('123/4 Lê Lợi');
    expect(canonicalSecret('21 Hung Vuong Street')).toBe('21 Hung Vuong Street');
  });
});

describe('leakedSecrets', () => {
  const v = { secrets: ['０９０５\u200B０００\u200B２１３', 'an chấm nguyen a còng gmail chấm com', 'Nguyễn Văn An', 'B 765 4321'] };

  it('finds each secret reformatted: digits re-spaced or in +84 form, e-mail address, name without diacritics, identifier re-cased', () => {
    expect(leakedSecrets('gọi +84 905 000 213', v)).toEqual([0]);
    expect(leakedSecrets('gọi 0905.000.213', v)).toEqual([0]);
    expect(leakedSecrets('mail AN.NGUYEN@gmail.com', v)).toEqual([1]);
    expect(leakedSecrets('ông nguyen van an hỏi', v)).toEqual([2]);
    expect(leakedSecrets('hộ chiếu b7654321', v)).toEqual([3]);
  });

  it('does not report placeholders or longer numbers that merely contain the digits', () => {
    expect(leakedSecrets('Tôi là [họ tên], số [số điện thoại], email [email], hộ chiếu [số hộ chiếu]', v)).toEqual([]);
    expect(leakedSecrets('mã hồ sơ 10905000213', v)).toEqual([]);
  });
});

describe('checkPiiVariants', () => {
  const good: PiiVariant = { id: 'pii-001', category: 'phone', question: 'gọi 0905 000 201', secrets: ['0905 000 201'], normalizedSecrets: ['0905000201'], note: 'n' };

  it('accepts a sound variant and reports each kind of problem', () => {
    expect(checkPiiVariants([good])).toEqual([]);
    expect(checkPiiVariants([
      good,
      { ...good, id: 'pii-002', secrets: ['0905 000 209'] },
      { ...good, id: 'pii-003', normalizedSecrets: undefined },
      { ...good, id: 'pii-004', category: 'fax' as PiiVariant['category'], normalizedSecrets: ['0905 000 201'] },
      { ...good, id: 'pii-002', question: 'gọi 0905 000 201' },
    ])).toEqual([
      'pii-002: secret "0905 000 209" is not in the question',
      'pii-002: normalizedSecrets ["0905000201"] should be ["0905000209"]',
      'pii-003: normalizedSecrets missing (expected ["0905000201"])',
      'pii-004: unknown category "fax"',
      'pii-004: normalizedSecrets ["0905 000 201"] should be ["0905000201"]',
      'pii-002: duplicate id',
    ]);
  });
});

describe('the PII-variants set', () => {
  it('is sound: schema, unique ids, secrets in their questions, canonical forms given', async () => {
    expect(checkPiiVariants(await loadPiiVariants())).toEqual([]);
  });

  it('has the agreed size and every category', async () => {
    const variants = await loadPiiVariants();
    expect(variants.length).toBeGreaterThanOrEqual(70);
    const count = (c: string) => variants.filter((v) => v.category === c).length;
    for (const category of PII_CATEGORIES) expect(count(category), category).toBeGreaterThanOrEqual(4);
    expect(count('name')).toBeGreaterThanOrEqual(12);
    expect(count('address')).toBeGreaterThanOrEqual(10);
    expect(count('phone')).toBeGreaterThanOrEqual(10);
  });

  it('has the hard forms: invisible characters, full-width digits, spelled-out e-mails, Vietnamese letters in e-mails', async () => {
    const variants = await loadPiiVariants();
    const secrets = variants.flatMap((v) => v.secrets.map((s, i) => ({ s, n: v.normalizedSecrets?.[i] ?? s })));
    expect(secrets.filter(({ s }) => /[\u200B-\u200D\u2060]/u.test(s)).length).toBeGreaterThanOrEqual(6);
    expect(secrets.filter(({ s }) => /[０-９]/u.test(s)).length).toBeGreaterThanOrEqual(6);
    expect(secrets.filter(({ s, n }) => n.includes('@') && !s.includes('@') && !s.includes('＠')).length).toBeGreaterThanOrEqual(4);
    expect(secrets.filter(({ s }) => /[^\x20-\x7e]/u.test(s.split('@')[0] ?? '') && s.includes('@')).length).toBeGreaterThanOrEqual(2);
  });

  it('writes invisible characters as \\u escapes, never raw', async () => {
    const raw = await readFile(PII_VARIANTS_PATH, 'utf8');
    expect(raw).not.toMatch(/[\u200B-\u200D\u2060\uFEFF\u00A0]/u);
    expect(raw).toContain('\\u200b');
  });

  it('finds every secret in its own question and none once each is replaced by a placeholder', async () => {
    for (const v of await loadPiiVariants()) {
      expect(leakedSecrets(v.question, v), v.id).toEqual(v.secrets.map((_, i) => i));
      const redacted = v.secrets.reduce((q, s) => q.split(s).join('[đã ẩn]'), v.question);
      expect(leakedSecrets(redacted, v), v.id).toEqual([]);
    }
  });
});
