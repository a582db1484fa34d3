import { describe, expect, it } from 'vitest';
import { issuedBy, issuerCodes } from './issuer-codes.ts';

describe('issuer codes of the bodies a question names', () => {
  it('spells a head and an abbreviated name as numbers write the issuer', () => {
    expect(issuerCodes('Sở KH&CN đã đề nghị các đơn vị bằng công văn số mấy?')).toEqual(['SKHCN']);
    expect(issuerCodes('Văn bản của Bộ TT&TT số mấy?')).toEqual(['BTTTT']);
    expect(issuerCodes('Chủ tịch UBND tỉnh ban hành chỉ thị nào?')).toEqual(['UBND']);
    expect(issuerCodes('Nghị quyết của Tỉnh ủy về chuyển đổi số là nghị quyết số mấy?')).toEqual(['TU']);
  });

  it('takes no code from abbreviations that name no body', () => {
    expect(issuerCodes('Ngày hội ĐMST và CĐS năm 2025 ở đâu?')).toEqual([]);
  });

  it('tells whose number it is from a part between "/" and "-"', () => {
    expect(issuedBy('3062/SKHCN-CN&CN', ['SKHCN'])).toBe(true);
    expect(issuedBy('6824/BKHCN-CN', ['SKHCN'])).toBe(false);
    expect(issuedBy('02/CT-UBND', ['UBND'])).toBe(true);
    expect(issuedBy('14/2021/NQ-HĐND', ['HDND'])).toBe(true);
  });
});
