import { describe, expect, it } from 'vitest';
import { nameInRunningText } from './names.ts';

describe('nameInRunningText', () => {
  it.each([
    ['SỞ KHOA HỌC VÀ CÔNG NGHỆ', 'Sở Khoa học và Công nghệ'],
    ['ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI', 'Ủy ban nhân dân tỉnh Quảng Ngãi'],
    ['VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH', 'Văn phòng Ủy ban nhân dân tỉnh'],
    ['SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH', 'Sở Văn hóa, Thể thao và Du lịch'],
    ['UBND XÃ BÌNH SƠN', 'UBND xã Bình Sơn'],
    ['ỦY BAN NHÂN DÂN THÀNH PHỐ QUẢNG NGÃI', 'Ủy ban nhân dân thành phố Quảng Ngãi'],
  ])('writes %s as %s', (upper, expected) => {
    expect(nameInRunningText(upper)).toBe(expected);
  });
});
