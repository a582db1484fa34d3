import { describe, expect, it } from 'vitest';
import { documentReferences, withoutClosingPlace } from './gather-facts.ts';

describe('gatherFacts helpers', () => {
  it('drops the province a title closes on, which a request leaves out', () => {
    expect(withoutClosingPlace('Danh mục nhu cầu công nghệ của các sở, ban, ngành, địa phương tỉnh Quảng Ngãi')).toBe('Danh mục nhu cầu công nghệ của các sở, ban, ngành, địa phương');
    expect(withoutClosingPlace('Kết quả thực hiện Chiến lược đến năm 2030 trên địa bàn tỉnh Quảng Ngãi')).toBe('Kết quả thực hiện Chiến lược đến năm 2030');
    expect(withoutClosingPlace('Quy chế làm việc của thành phố Hồ Chí Minh')).toBe('Quy chế làm việc của');
    expect(withoutClosingPlace('Kế hoạch chuyển đổi số của tỉnh')).toBe('Kế hoạch chuyển đổi số của tỉnh');
  });

  it('reads the document numbers and dates a request names', () => {
    expect(documentReferences('theo Thông báo 114/TB-SKHCN và kết luận ngày 29/12/2025')).toEqual({ numbers: ['114/TB-SKHCN'], dates: ['29/12/2025'] });
  });
});
