import { describe, expect, it } from 'vitest';
import { draftIntent, isDraftRequest } from './intent.ts';

describe('draftIntent', () => {
  it('recognises drafting requests in natural phrasing, with the type they name', () => {
    const cases: Array<[string, string | undefined, string]> = [
      ['Soạn công văn gửi UBND các xã về việc báo cáo kết quả chuyển đổi số năm 2025', 'công văn', 'soạn'],
      ['Hãy soạn công văn của Sở Khoa học và Công nghệ gửi các sở, ban, ngành', 'công văn', 'soạn'],
      ['Giúp tôi soạn giấy mời họp triển khai thí điểm Trợ lý ảo', 'giấy mời', 'soạn'],
      ['Soạn giúp tờ trình đề nghị phê duyệt Đề án', 'tờ trình', 'soạn'],
      ['Viết giúp công văn về việc báo cáo kết quả chuyển đổi số năm 2025 gửi UBND tỉnh.', 'công văn', 'viết'],
      ['Tôi cần viết một báo cáo sơ kết', 'báo cáo', 'viết'],
      ['Dự thảo báo cáo kết quả thực hiện Chiến lược quốc gia về trí tuệ nhân tạo năm 2025', 'báo cáo', 'dự thảo'],
      ['Lập kế hoạch tổ chức hoạt động kết nối cung - cầu công nghệ năm 2026', 'kế hoạch', 'lập'],
      ['Chuẩn bị tờ trình đề nghị UBND tỉnh phê duyệt dự toán', 'tờ trình', 'chuẩn bị'],
      ['Làm ơn soạn giúp thư mời dự hội nghị', 'giấy mời', 'soạn'],
      ['Em soạn giúp anh cái giấy mời nhé', 'giấy mời', 'soạn'],
      ['Soạn giúp tôi công văn được không?', 'công văn', 'soạn'],
      ['Soạn dự thảo văn bản gửi các phòng', undefined, 'soạn'],
      ['Soạn', undefined, 'soạn'],
    ];
    for (const [message, type, verb] of cases) expect(draftIntent(message), message).toEqual({ verb, ...(type ? { type } : {}) });
  });

  it('recognises them typed without diacritics', () => {
    expect(draftIntent('hay soan cong van gui so tai chinh')).toEqual({ verb: 'soạn', type: 'công văn' });
    expect(draftIntent('giup toi soan giay moi hop giao ban')).toEqual({ verb: 'soạn', type: 'giấy mời' });
    expect(draftIntent('viet giup cong van ve viec bao cao')).toEqual({ verb: 'viết', type: 'công văn' });
    expect(draftIntent('du thao ke hoach tap huan ky nang so')).toEqual({ verb: 'dự thảo', type: 'kế hoạch' });
    expect(draftIntent('lap bao cao so ket 6 thang')).toEqual({ verb: 'lập', type: 'báo cáo' });
  });

  it('is not fooled by questions about drafting or about a document', () => {
    for (const message of [
      'Soạn thảo văn bản là gì?',
      'Soạn thảo văn bản hành chính theo Nghị định 30 gồm những thành phần nào?',
      'Viết công văn như thế nào cho đúng thể thức?',
      'Kế hoạch 83 giao ai soạn?',
      'kế hoạch 83 giao ai soạn báo cáo',
      'Báo cáo kết quả chuyển đổi số năm 2025 ra sao?',
      'Thông báo 114 nói gì?',
      'Dự thảo luật đất đai có gì mới?',
      'Lập hồ sơ đăng ký kinh doanh',
      'Làm căn cước ở đâu?',
      'Việt Nam có bao nhiêu tỉnh?',
      '',
    ]) expect(draftIntent(message), message).toBeUndefined();
  });

  it('does not take a question that mentions a plan, a report or a draft for a drafting request', () => {
    for (const message of [
      'Kế hoạch chuyển đổi số năm 2025 có những nhiệm vụ gì?',
      'Lập kế hoạch chuyển đổi số giai đoạn 2026-2030 là nhiệm vụ của ai?',
      'Ai chịu trách nhiệm lập kế hoạch chuyển đổi số?',
      'Theo kết luận, Sở KH&CN phải lập kế hoạch gì?',
      'Kế hoạch số 41/KH-UBND ban hành ngày nào?',
      'Dự thảo kế hoạch chuyển đổi số đã trình chưa?',
      'Báo cáo sơ kết do ai ký?',
    ]) expect(draftIntent(message), message).toBeUndefined();
    expect(draftIntent('Nhờ soạn giúp công văn gửi Sở Tài chính')).toEqual({ verb: 'soạn', type: 'công văn' });
    expect(draftIntent('Lập giúp tôi kế hoạch tập huấn')).toEqual({ verb: 'lập', type: 'kế hoạch' });
    expect(draftIntent('Hãy dự thảo quyết định thành lập tổ công tác')).toEqual({ verb: 'dự thảo', type: 'quyết định' });
    expect(draftIntent('Viết giúp tôi thông báo lịch họp giao ban')).toEqual({ verb: 'viết', type: 'thông báo' });
  });

  it('needs a document type after the general verbs, so "viết", "lập", "làm" alone are not drafting', () => {
    expect(isDraftRequest('Làm thủ tục đăng ký khai sinh cho con')).toBe(false);
    expect(isDraftRequest('Làm báo cáo tổng kết năm gửi Sở Nội vụ')).toBe(true);
    expect(isDraftRequest('Viết cho tôi vài dòng cảm ơn')).toBe(false);
  });
});
