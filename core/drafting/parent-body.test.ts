import { describe, expect, it } from 'vitest';
import { missingFields } from './missing-fields.ts';
import { needsParentBody, parentBodyExample } from './parent-body.ts';

describe('needsParentBody', () => {
  it('is true for bodies under a higher one: sở, ban, chi cục, phòng, trung tâm, văn phòng, trường', () => {
    for (const body of ['SỞ KHOA HỌC VÀ CÔNG NGHỆ', 'Sở Y tế', 'BAN QUẢN LÝ KHU KINH TẾ DUNG QUẤT', 'CHI CỤC THỦY LỢI', 'PHÒNG KINH TẾ',
      'TRUNG TÂM CÔNG NGHỆ THÔNG TIN', 'VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH', 'TRƯỜNG THPT LÊ KHIẾT', 'so tai chinh']) {
      expect(needsParentBody(body), body).toBe(true);
    }
  });

  it('is false for Ủy ban nhân dân and Hội đồng nhân dân at every level, ministries and the Government', () => {
    for (const body of ['ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI', 'UỶ BAN NHÂN DÂN XÃ BÌNH SƠN', 'UBND PHƯỜNG CẨM THÀNH', 'HỘI ĐỒNG NHÂN DÂN TỈNH',
      'BỘ KHOA HỌC VÀ CÔNG NGHỆ', 'VĂN PHÒNG CHÍNH PHỦ', '']) {
      expect(needsParentBody(body), body).toBe(false);
    }
  });

  it('suggests the usual parent with the place in capitals', () => {
    expect(parentBodyExample('SỞ NỘI VỤ', 'Quảng Ngãi')).toBe('UBND TỈNH QUẢNG NGÃI');
    expect(parentBodyExample('BỆNH VIỆN ĐA KHOA TỈNH', 'Quảng Ngãi')).toBe('SỞ Y TẾ TỈNH QUẢNG NGÃI');
    expect(parentBodyExample('ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI', 'Quảng Ngãi')).toBeUndefined();
  });
});

describe('missingFields: the parent body', () => {
  const known = { type: 'công văn' as const, issuingBodyCode: 'SKHCN', place: 'Quảng Ngãi', subject: 'x', recipients: ['UBND tỉnh'], signerTitle: 'GIÁM ĐỐC', signerName: 'A', deadline: '01/01/2027' };

  it('asks a Sở for its parent body, naming it and giving the province as example', () => {
    const asked = missingFields({ ...known, issuingBody: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ' });
    expect(asked.map((q) => q.field)).toEqual(['superiorBody']);
    expect(asked[0]!.question).toContain('Sở Khoa học và Công nghệ');
    expect(asked[0]!.question).toContain('UBND TỈNH QUẢNG NGÃI');
  });

  it('does not ask a UBND, nor a Sở whose parent is known', () => {
    expect(missingFields({ ...known, issuingBody: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI' })).toEqual([]);
    expect(missingFields({ ...known, issuingBody: 'SỞ Y TẾ', superiorBody: 'UBND TỈNH QUẢNG NGÃI' })).toEqual([]);
  });

  it('asks for it as optional beside the issuer when the issuer is not known yet', () => {
    const asked = missingFields({ ...known });
    expect(asked.map((q) => q.field)).toEqual(['issuingBody', 'superiorBody']);
    expect(asked[1]!.question).toMatch(/Bỏ trống nếu không có/);
  });
});
