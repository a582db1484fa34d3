import { describe, expect, it } from 'vitest';
import { nameForm, properNames } from './proper-names.ts';

describe('proper names of a question', () => {
  it('takes runs of capitalised words, leaving abbreviations and single capitals out', () => {
    expect(properNames('Tỉnh Gia Lai hiện có bao nhiêu doanh nghiệp?')).toEqual(['gia lai']);
    expect(properNames('Theo Phụ lục 02, Sở Xây dựng được giao việc gì?')).toEqual([]);
    expect(properNames('Khu vực Đông Quảng Ngãi có bao nhiêu mô hình?')).toEqual(['dong quang ngai']);
    expect(properNames('Kết luận của PCT Trần Phước Hiền giao Sở KH&CN việc gì?')).toEqual(['tran phuoc hien']);
    expect(properNames('Số liệu của Quảng Ngãi cũ và Kon Tum cũ mỗi nơi bao nhiêu?')).toEqual(['quang ngai', 'kon tum']);
    expect(properNames('Trần Phước Hiền chủ trì cuộc họp nào?')).toEqual(['tran phuoc hien']);
    expect(properNames('Hệ thống Camera AI của tỉnh')).toEqual([]);
  });

  it('reads a run that opens the question without its common opening words', () => {
    expect(properNames('Kon Tum cũ đã công bố những bài toán lớn nào?')).toEqual(['kon tum']);
    expect(properNames('Bên Kon Tum cũ mỗi năm hỗ trợ bao nhiêu người?')).toEqual(['kon tum']);
    expect(properNames('Theo Phụ lục 02, dòng 3 ghi gì?')).toEqual([]);
  });

  it('names nothing in a question typed without capitals', () => {
    expect(properNames('tinh gia lai co bao nhieu doanh nghiep')).toEqual([]);
  });

  it('matches a name in a text whatever its case, diacritics and punctuation', () => {
    expect(nameForm('khóa đào tạo tại phường Kon Tum, tỉnh Quảng Ngãi')).toContain(' kon tum ');
    expect(nameForm('tại phường Kon Tumx')).not.toContain(' kon tum ');
    expect(nameForm('Khu vực Đông Quảng Ngãi4: Xây dựng')).toContain(' dong quang ngai ');
  });
});
