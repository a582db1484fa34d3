import { describe, expect, it } from 'vitest';
import { isPersonalName, parseClosing } from './closing-blocks.ts';
import { cleanExtractedText } from './pdf-text.ts';

const BODY = 'Sở Khoa học và Công nghệ thông báo đến các cơ quan, đơn vị biết, triển khai thực hiện./.';
const lines = (raw: string[]): string[] => cleanExtractedText([BODY, ...raw].join('\n')).text.split('\n');

describe('parseClosing', () => {
  it('reads Nơi nhận followed by the signature block', () => {
    const l = lines(['Nơi nhận:', '- Bộ KH&CN (b/c);', '- UBND tỉnh (b/c);', '- Lưu: VT, CN&CN.', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', '(Đã ký)', 'Nguyễn Trọng Tâm']);
    const closing = parseClosing(l, 1, l.length);
    expect(closing?.recipients?.items).toEqual(['Bộ KH&CN (b/c)', 'UBND tỉnh (b/c)', 'Lưu: VT, CN&CN']);
    expect(closing?.signature).toMatchObject({ authority: ['KT. GIÁM ĐỐC'], title: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Trọng Tâm' });
    expect(closing?.start).toBe(1);
    expect(closing?.end).toBe(l.length);
  });

  it('reads a signature block extracted before Nơi nhận', () => {
    const l = lines(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Nguyễn Văn An', 'Nơi nhận:', '- Như trên;', '- Lưu: VT.']);
    const closing = parseClosing(l, 1, l.length);
    expect(closing?.signature).toMatchObject({ authority: ['TM. ỦY BAN NHÂN DÂN'], title: 'CHỦ TỊCH', name: 'Nguyễn Văn An' });
    expect(closing?.recipients?.items).toEqual(['Như trên', 'Lưu: VT']);
    expect(closing?.start).toBe(1);
  });

  it('separates the two columns when they were extracted side by side on one line', () => {
    const l = lines(['Nơi nhận: KT. GIÁM ĐỐC', '- Như trên; PHÓ GIÁM ĐỐC', '- UBND tỉnh (b/c);', '- Lưu: VT, CN&CN. Nguyễn Trọng Tâm']);
    const closing = parseClosing(l, 1, l.length);
    expect(closing?.recipients?.items).toEqual(['Như trên', 'UBND tỉnh (b/c)', 'Lưu: VT, CN&CN']);
    expect(closing?.signature).toMatchObject({ authority: ['KT. GIÁM ĐỐC'], title: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Trọng Tâm' });
  });

  it('reads a signature block without Nơi nhận and nothing when there is neither', () => {
    const l = lines(['GIÁM ĐỐC', 'Nguyễn Tấn Liêm']);
    expect(parseClosing(l, 1, l.length)?.signature).toMatchObject({ title: 'GIÁM ĐỐC', name: 'Nguyễn Tấn Liêm' });
    const plain = lines(['Các đơn vị báo cáo trước ngày 15/12/2025.']);
    expect(parseClosing(plain, 1, plain.length)).toBeUndefined();
  });
});

describe('isPersonalName', () => {
  it('accepts capitalised Vietnamese names only', () => {
    expect(isPersonalName('Phùng Tô Long')).toBe(true);
    expect(isPersonalName('Nguyễn Thị Thu Hà')).toBe(true);
    expect(isPersonalName('Sở Tài chính')).toBe(false);
    expect(isPersonalName('GIÁM ĐỐC')).toBe(false);
    expect(isPersonalName('Lưu: VT')).toBe(false);
  });
});
