import { describe, expect, it } from 'vitest';
import { profileOf, withProfile } from './profile.ts';

const PROFILE = profileOf({
  type: 'công văn', superiorBody: 'UBND TỈNH QUẢNG NGÃI', issuingBody: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', issuingBodyCode: 'SKHCN', place: 'Quảng Ngãi',
  subject: 'x', recipients: ['A'], signerTitle: 'GIÁM ĐỐC', signerName: 'Nguyễn Văn An', deadline: '01/01/2027',
});

describe('profileOf / withProfile', () => {
  it('keeps the agency, its code, its parent body, the place and the signer; not the subject, recipients or deadline', () => {
    expect(PROFILE).toEqual({ superiorBody: 'UBND TỈNH QUẢNG NGÃI', issuingBody: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', issuingBodyCode: 'SKHCN', place: 'Quảng Ngãi', signerTitle: 'GIÁM ĐỐC', signerName: 'Nguyễn Văn An' });
  });

  it('starts the next draft from the profile, what the request says and what is given winning, and lists what was remembered', () => {
    const { fields, remembered } = withProfile(PROFILE, { type: 'tờ trình', subject: 'y' }, { signerName: 'Trần Thị Bình' });
    expect(fields).toMatchObject({ type: 'tờ trình', subject: 'y', issuingBody: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', issuingBodyCode: 'SKHCN', signerName: 'Trần Thị Bình' });
    expect(remembered).toEqual(['superiorBody', 'issuingBody', 'issuingBodyCode', 'place', 'signerTitle']);
  });

  it('drops what belonged to the previous agency when the request names another one, keeping the place', () => {
    const { fields, remembered } = withProfile(PROFILE, { issuingBody: 'SỞ Y TẾ' }, {});
    expect(fields).toEqual({ issuingBody: 'SỞ Y TẾ', place: 'Quảng Ngãi' });
    expect(remembered).toEqual(['place']);
    // The same agency written another way is the same agency.
    expect(withProfile(PROFILE, { issuingBody: 'Sở Khoa học và Công nghệ' }, {}).fields.issuingBodyCode).toBe('SKHCN');
  });
});
