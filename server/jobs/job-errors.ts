/**
 * Error codes and Vietnamese messages of re-index jobs: the one catalogue for this
 * module (core/errors.ts holds the product's other messages). A job's `error.code` is
 * one of these or an AppError code reported by the ingest run itself.
 */
import type { JobInfo } from './job-info.ts';

export const JOB_MESSAGES = {
  JOB_CONFLICT: 'Đang có một lượt lập chỉ mục chạy; vui lòng đợi lượt đó xong.',
  JOB_INTERRUPTED: 'Tiến trình lập chỉ mục bị dừng đột ngột (máy chủ khởi động lại); chỉ mục cũ vẫn đang phục vụ.',
  JOB_CRASHED: 'Tiến trình lập chỉ mục dừng bất thường; chỉ mục cũ vẫn đang phục vụ.',
  JOB_TIMEOUT: 'Lượt lập chỉ mục chạy quá thời gian cho phép nên đã bị dừng; chỉ mục cũ vẫn đang phục vụ.',
  JOB_CANCELLED: 'Lượt lập chỉ mục đã bị hủy; chỉ mục cũ vẫn đang phục vụ.',
  JOB_QUEUE_UNAVAILABLE: 'Tạm thời mất kết nối tới hàng đợi lập chỉ mục (Redis) nên chưa xem hay bắt đầu được lượt lập chỉ mục; chỉ mục hiện tại vẫn phục vụ bình thường. Vui lòng thử lại sau ít phút.',
} as const;

export type JobErrorCode = keyof typeof JOB_MESSAGES;

/** Duration in Vietnamese: `45 giây`, `30 phút`, `1,5 giờ`. */
export function formatDuration(ms: number): string {
  const fmt = (n: number) => String(Math.round(n * 10) / 10).replace('.', ',');
  if (ms < 60_000) return `${fmt(ms / 1000)} giây`;
  if (ms < 3_600_000) return `${fmt(ms / 60_000)} phút`;
  return `${fmt(ms / 3_600_000)} giờ`;
}

/** JOB_CRASHED naming how the worker ended, e.g. `(tín hiệu SIGKILL, có thể do thiếu bộ nhớ)`. */
export function crashedMessage(exit: { code: number | null; signal: NodeJS.Signals | null; spawnError?: string }): string {
  let how: string;
  if (exit.spawnError) how = `không khởi động được: ${exit.spawnError}`;
  else if (exit.signal === 'SIGKILL') how = 'tín hiệu SIGKILL, có thể do thiếu bộ nhớ';
  else if (exit.signal) how = `tín hiệu ${exit.signal}`;
  else how = `mã thoát ${exit.code ?? '?'}`;
  return JOB_MESSAGES.JOB_CRASHED.replace(';', ` (${how});`);
}

/** JOB_TIMEOUT naming the limit, e.g. `… thời gian cho phép (30 phút) …`. */
export function timeoutMessage(timeoutMs: number): string {
  return JOB_MESSAGES.JOB_TIMEOUT.replace('cho phép', `cho phép (${formatDuration(timeoutMs)})`);
}

/**
 * Thrown by `ReindexJobs.start` while another job is queued or running; the HTTP layer
 * answers 409 with `userMessage` and the running job.
 */
export class JobConflictError extends Error {
  readonly code = 'JOB_CONFLICT' as const;
  readonly category = 'user' as const;
  readonly userMessage = JOB_MESSAGES.JOB_CONFLICT;

  constructor(readonly running: JobInfo) {
    super(`JOB_CONFLICT: job ${running.id} is ${running.status}`);
    this.name = 'JobConflictError';
  }
}

/**
 * Thrown by the cluster's job queue while Redis is away: a job is never started on one
 * node alone (two nodes could then build at once), so the HTTP layer answers 503.
 */
export class JobQueueUnavailableError extends Error {
  readonly code = 'JOB_QUEUE_UNAVAILABLE' as const;
  readonly category = 'system' as const;
  readonly userMessage = JOB_MESSAGES.JOB_QUEUE_UNAVAILABLE;

  constructor(cause?: unknown) {
    super(`JOB_QUEUE_UNAVAILABLE: ${cause instanceof Error ? cause.message : 'redis is unreachable'}`, { cause });
    this.name = 'JobQueueUnavailableError';
  }
}
