import { describe, expect, it } from 'vitest';
import { isDraftEdit, parseDraftEdits, splitSigner } from './edits.ts';

describe('parseDraftEdits', () => {
  it('reads the edits officials type in chat', () => {
    expect(parseDraftEdits('thêm nơi nhận Sở Tài chính')).toEqual([{ kind: 'add-recipients', recipients: ['Sở Tài chính'] }]);
    expect(parseDraftEdits('Thêm nơi nhận: Sở Tài chính, Sở Nội vụ')).toEqual([{ kind: 'add-recipients', recipients: ['Sở Tài chính', 'Sở Nội vụ'] }]);
    expect(parseDraftEdits('bỏ nơi nhận UBND tỉnh')).toEqual([{ kind: 'remove-recipients', recipients: ['UBND tỉnh'] }]);
    expect(parseDraftEdits('đổi thời hạn thành 30/12/2026')).toEqual([{ kind: 'set-deadline', deadline: '30/12/2026' }]);
    expect(parseDraftEdits('bỏ đoạn 2')).toEqual([{ kind: 'remove-paragraph', paragraph: 2 }]);
    expect(parseDraftEdits('sửa trích yếu thành “triển khai thí điểm Trợ lý ảo”')).toEqual([{ kind: 'set-subject', subject: 'triển khai thí điểm Trợ lý ảo' }]);
    expect(parseDraftEdits('người ký là Phó Giám đốc Nguyễn Văn B')).toEqual([{ kind: 'set-signer', title: 'Phó Giám đốc', name: 'Nguyễn Văn B' }]);
    expect(parseDraftEdits('sửa đoạn 3 thành: Đề nghị các đơn vị gửi báo cáo đúng hạn.')).toEqual([{ kind: 'set-paragraph', paragraph: 3, text: 'Đề nghị các đơn vị gửi báo cáo đúng hạn.' }]);
    expect(parseDraftEdits('cơ quan chủ quản là UBND tỉnh Quảng Ngãi')).toEqual([{ kind: 'set-superior-body', superiorBody: 'UBND tỉnh Quảng Ngãi' }]);
  });

  it('reads them without diacritics, with polite lead words, several at once', () => {
    expect(parseDraftEdits('doi thoi han thanh 5/1/2027')).toEqual([{ kind: 'set-deadline', deadline: '05/01/2027' }]);
    expect(parseDraftEdits('xoa doan 3')).toEqual([{ kind: 'remove-paragraph', paragraph: 3 }]);
    expect(parseDraftEdits('Vui lòng thêm nơi nhận Sở Nội vụ')).toEqual([{ kind: 'add-recipients', recipients: ['Sở Nội vụ'] }]);
    expect(parseDraftEdits('hạn là 15/1/2027; bỏ đoạn 3')).toEqual([{ kind: 'set-deadline', deadline: '15/01/2027' }, { kind: 'remove-paragraph', paragraph: 3 }]);
    expect(parseDraftEdits('thêm nơi nhận Sở Tài chính; Sở Nội vụ')).toEqual([{ kind: 'add-recipients', recipients: ['Sở Tài chính', 'Sở Nội vụ'] }]);
  });

  it('is not an edit: questions, a deadline without a date, unknown parts, a clause it does not understand', () => {
    for (const message of ['thời hạn là khi nào?', 'thời hạn nộp hồ sơ là bao lâu', 'Kế hoạch 83 giao ai?', 'thêm đoạn mới', 'đổi thời hạn thành tuần sau',
      'bỏ đoạn', 'Soạn công văn gửi Sở Tài chính', 'hạn là 15/1/2027; và làm gì tiếp', 'nơi nhận Sở Tài chính']) {
      expect(parseDraftEdits(message), message).toBeUndefined();
      expect(isDraftEdit(message)).toBe(false);
    }
  });
});

describe('splitSigner', () => {
  it('separates a known title, a title that goes on before the name, and honorifics', () => {
    expect(splitSigner('Phó Giám đốc Nguyễn Văn B')).toEqual({ title: 'Phó Giám đốc', name: 'Nguyễn Văn B' });
    expect(splitSigner('Phó Chủ tịch UBND tỉnh Trần Phước Hiền')).toEqual({ title: 'Phó Chủ tịch UBND tỉnh', name: 'Trần Phước Hiền' });
    expect(splitSigner('ông Trần Văn C')).toEqual({ name: 'Trần Văn C' });
    expect(splitSigner('Giám đốc')).toEqual({ title: 'Giám đốc' });
    expect(splitSigner('Chánh Văn phòng, đồng chí Lê Thị D')).toEqual({ title: 'Chánh Văn phòng', name: 'Lê Thị D' });
  });
});
