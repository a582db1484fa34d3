/**
 * Errors as the server's clients see them: one body shape for REST and socket.io,
 * `{ ok: false, code, message }`, with a Vietnamese message (polite and plain) and, for
 * REST, the HTTP status. AppErrors from the core keep their codes and messages.
 */
import { AppError, type ErrorCode } from '../../core/errors.ts';
import type { ErrorBody as ProtocolErrorBody } from '../../protocol/errors.ts';
import { JobQueueUnavailableError } from '../jobs/job-errors.ts';

/** Messages of errors that only the server raises. */
export const HTTP_MESSAGES = {
  BAD_JSON: 'Nội dung gửi lên không phải JSON hợp lệ.',
  BAD_REQUEST: 'Yêu cầu không hợp lệ.',
  UNAUTHORIZED: 'Bạn cần đăng nhập bằng mã truy cập hợp lệ để dùng chức năng này.',
  TOKEN_EXPIRED: 'Mã truy cập đã hết hạn; vui lòng xin cấp mã mới.',
  FORBIDDEN: 'Tài khoản của bạn không có quyền dùng chức năng này.',
  NOT_FOUND: 'Không tìm thấy nội dung yêu cầu.',
  DOCUMENT_NOT_FOUND: 'Không tìm thấy văn bản này.',
  PAYLOAD_TOO_LARGE: 'Nội dung gửi lên quá lớn.',
  UNSUPPORTED_MEDIA_TYPE: 'Định dạng nội dung gửi lên không được hỗ trợ; hãy gửi JSON (application/json).',
  RATE_LIMITED: 'Bạn gửi yêu cầu quá nhanh; vui lòng đợi một lát rồi thử lại.',
  TOO_MANY_AUTH_FAILURES: 'Mã truy cập bị nhập sai quá nhiều lần từ địa chỉ của bạn; vui lòng đợi một lát rồi thử lại.',
  TOO_MANY_CONNECTIONS: 'Có quá nhiều kết nối từ địa chỉ của bạn; vui lòng đóng bớt cửa sổ trò chuyện rồi thử lại.',
  TIMEOUT: 'Yêu cầu xử lý quá lâu nên đã dừng; vui lòng thử lại.',
  NOT_READY: 'Hệ thống đang khởi động, chưa sẵn sàng trả lời; vui lòng thử lại sau ít phút.',
  SHUTTING_DOWN: 'Hệ thống đang bảo trì, tạm ngừng nhận câu hỏi mới; vui lòng thử lại sau ít phút.',
  CORS_FORBIDDEN: 'Trang web này chưa được phép nhúng trợ lý ảo.',
  CANCELLED: 'Câu trả lời đã được dừng theo yêu cầu.',
  NOT_DELETABLE: 'Chỉ xóa được qua trang quản trị những văn bản đã tải lên; với văn bản này, bạn có thể đánh dấu “hết hiệu lực” hoặc chuyển sang “nội bộ” để ẩn khỏi tra cứu.',
} as const;

export type HttpErrorCode = keyof typeof HTTP_MESSAGES;

/** An error with an HTTP status and a client-facing code and message. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: HttpErrorCode | ErrorCode | (string & {}),
    readonly userMessage: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(`${status} ${code}`);
    this.name = 'HttpError';
  }

  static of(status: number, code: HttpErrorCode, suffix?: string, extra?: Record<string, unknown>): HttpError {
    return new HttpError(status, code, suffix ? `${HTTP_MESSAGES[code]} ${suffix}` : HTTP_MESSAGES[code], extra);
  }
}

/** The body every error response carries (protocol/errors.ts), with the error's extra fields. */
export type ErrorBody = ProtocolErrorBody & { [extra: string]: unknown };

const APP_ERROR_STATUS: Partial<Record<ErrorCode, number>> = {
  INDEX_NOT_FOUND: 503, INDEX_LOCKED: 409, INVALID_ARGUMENT: 400, FILE_TOO_LARGE: 413, FILE_UNSUPPORTED: 415,
  VERSION_NOT_FOUND: 404, INDEX_DIR_NOT_DIRECTORY: 503, INDEX_DIR_NOT_WRITABLE: 503, INDEX_DIR_READ_ONLY: 503,
};

/** Status and body for anything thrown; unknown errors become 500 INTERNAL with no detail. */
export function errorResponse(err: unknown): { status: number; body: ErrorBody; internal: boolean } {
  if (err instanceof HttpError) {
    return { status: err.status, body: { ok: false, code: err.code, message: err.userMessage, ...err.extra }, internal: false };
  }
  if (err instanceof JobQueueUnavailableError) {
    return { status: 503, body: { ok: false, code: err.code, message: err.userMessage }, internal: false };
  }
  if (err instanceof AppError) {
    const status = APP_ERROR_STATUS[err.code] ?? (err.category === 'user' ? 422 : err.category === 'upstream' ? 502 : 500);
    return { status, body: { ok: false, code: err.code, message: err.userMessage }, internal: status >= 500 };
  }
  const internal = new AppError('INTERNAL');
  return { status: 500, body: { ok: false, code: internal.code, message: internal.userMessage }, internal: true };
}
