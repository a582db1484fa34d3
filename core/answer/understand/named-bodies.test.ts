import { describe, expect, it } from 'vitest';
import { namedBodies } from './named-bodies.ts';

describe('bodies a question names', () => {
  it('takes a capitalised head and the first two words of the name after it', () => {
    expect(namedBodies('Sở Y tế đã ban hành bao nhiêu văn bản?')).toEqual(['y te']);
    expect(namedBodies('Những nhiệm vụ giao cho Sở Khoa học và Công nghệ?')).toEqual(['khoa hoc']);
    expect(namedBodies('Bộ Công an và Bộ Nông nghiệp và Môi trường ban hành kế hoạch nào?')).toEqual(['cong an', 'nong nghiep']);
  });

  it('leaves abbreviated names and heads written as common nouns alone', () => {
    expect(namedBodies('Sở KH&CN đã đề nghị các đơn vị làm gì?')).toEqual([]);
    expect(namedBodies('các sở, ban, ngành phải làm gì?')).toEqual([]);
  });
});
