import { describe, expect, it } from 'vitest';
import { JOB_MESSAGES, crashedMessage, formatDuration, timeoutMessage } from './job-errors.ts';

describe('job messages', () => {
  it('names how a worker ended and says the old index keeps serving', () => {
    expect(crashedMessage({ code: null, signal: 'SIGKILL' })).toBe('Tiến trình lập chỉ mục dừng bất thường (tín hiệu SIGKILL, có thể do thiếu bộ nhớ); chỉ mục cũ vẫn đang phục vụ.');
    expect(crashedMessage({ code: null, signal: 'SIGSEGV' })).toContain('(tín hiệu SIGSEGV);');
    expect(crashedMessage({ code: 134, signal: null })).toContain('(mã thoát 134);');
    expect(crashedMessage({ code: null, signal: null, spawnError: 'EAGAIN' })).toContain('không khởi động được: EAGAIN');
  });

  it('states a time limit in Vietnamese units with a decimal comma', () => {
    expect(formatDuration(45_000)).toBe('45 giây');
    expect(formatDuration(1500)).toBe('1,5 giây');
    expect(formatDuration(30 * 60_000)).toBe('30 phút');
    expect(formatDuration(90 * 60_000)).toBe('1,5 giờ');
    expect(timeoutMessage(2 * 3_600_000)).toBe('Lượt lập chỉ mục chạy quá thời gian cho phép (2 giờ) nên đã bị dừng; chỉ mục cũ vẫn đang phục vụ.');
  });

  it('keeps every catalogue message in NFC', () => {
    for (const m of Object.values(JOB_MESSAGES)) expect(m).toBe(m.normalize('NFC'));
  });
});
