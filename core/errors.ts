/**
 * One error type with a stable code, a category and a cause (STYLE.md, "Errors and logs").
 * User-facing Vietnamese messages live in one catalogue: MESSAGES.
 */

export type ErrorCategory = 'user' | 'system' | 'upstream';

export const MESSAGES = {
  FILE_TOO_LARGE: 'Tệp vượt quá dung lượng cho phép.',
  FILE_EMPTY: 'Tệp không có nội dung văn bản để lập chỉ mục.',
  FILE_UNSUPPORTED: 'Định dạng tệp chưa được hỗ trợ.',
  PDF_CORRUPT: 'Tệp PDF bị hỏng hoặc không đọc được.',
  PDF_ENCRYPTED: 'Tệp PDF được đặt mật khẩu; vui lòng gửi bản không đặt mật khẩu.',
  PDF_NO_TEXT: 'Không tìm thấy chữ nào trong tệp PDF, kể cả khi nhận dạng chữ trên ảnh các trang.',
  OCR_UNAVAILABLE: 'Máy chủ chưa cài bộ nhận dạng chữ (OCR) cần cho bản scan hoặc ảnh; tệp được bỏ qua cho đến khi cài đặt xong.',
  OCR_TOO_MANY_PAGES: 'Tệp có quá nhiều trang cần nhận dạng chữ.',
  OCR_IMAGE_TOO_LARGE: 'Ảnh trang quá lớn để nhận dạng chữ.',
  OCR_TIMEOUT: 'Nhận dạng chữ quá thời gian cho phép.',
  OCR_FAILED: 'Không nhận dạng được chữ trên ảnh.',
  IMAGE_CORRUPT: 'Tệp ảnh bị hỏng hoặc không đọc được.',
  DOC_CORRUPT: 'Tệp Word cũ (.doc) bị hỏng, đặt mật khẩu hoặc không đọc được.',
  ODT_CORRUPT: 'Tệp OpenDocument bị hỏng hoặc không hợp lệ.',
  SHEET_CORRUPT: 'Tệp bảng tính bị hỏng, đặt mật khẩu hoặc không đọc được.',
  SHEET_TOO_LARGE: 'Bảng tính quá lớn để lập chỉ mục.',
  INGEST_CANCELLED: 'Đã hủy lượt lập chỉ mục; chỉ mục hiện tại được giữ nguyên.',
  CONVERTER_UNAVAILABLE: 'Máy chủ chưa cài chương trình chuyển đổi cần cho định dạng tệp này; tệp được bỏ qua cho đến khi cài đặt xong.',
  DOCX_CORRUPT: 'Tệp DOCX bị hỏng hoặc không phải tệp Word hợp lệ.',
  DOCX_TOO_LARGE_UNPACKED: 'Tệp DOCX giải nén quá lớn (nghi là tệp nén độc hại), đã bỏ qua.',
  TEXT_ENCODING: 'Không xác định được bảng mã của tệp văn bản.',
  FILE_UNREADABLE: 'Không đọc được tệp (không tồn tại hoặc không có quyền truy cập).',
  METADATA_INVALID: 'Siêu dữ liệu đi kèm văn bản không hợp lệ.',
  JSONL_MALFORMED: 'Nội dung JSON không hợp lệ.',
  JSONL_MISSING_FIELD: 'Bản ghi thiếu trường bắt buộc.',
  DUPLICATE_ID: 'Mã văn bản bị trùng với một văn bản khác.',
  SECRET_MARKING: 'Văn bản có dấu chỉ độ mật; không được đưa vào chỉ mục.',
  INDEX_NOT_FOUND: 'Chưa có chỉ mục; hãy chạy lệnh lập chỉ mục trước.',
  INDEX_CORRUPT: 'Chỉ mục bị hỏng hoặc không đúng phiên bản.',
  INDEX_LOCKED: 'Một tiến trình lập chỉ mục khác đang chạy.',
  INDEX_DIR_NOT_DIRECTORY: 'Đường dẫn thư mục chỉ mục (INDEX_DIR) đang là một tệp, không phải thư mục; vui lòng sửa cấu hình hoặc chuyển tệp đó đi.',
  INDEX_DIR_NOT_WRITABLE: 'Máy chủ không có quyền ghi vào thư mục chỉ mục (INDEX_DIR) nên không lập chỉ mục được; vui lòng cấp quyền ghi cho tài khoản chạy máy chủ.',
  INDEX_DIR_READ_ONLY: 'Thư mục chỉ mục (INDEX_DIR) nằm trên ổ chỉ đọc: chỉ phục vụ được chỉ mục có sẵn, không lập chỉ mục lại được.',
  INDEX_REMOVAL_BLOCKED: 'Lượt lập chỉ mục này sẽ gỡ quá nhiều văn bản mà không có lệnh gỡ rõ ràng nên đã dừng; chỉ mục hiện tại vẫn được giữ nguyên.',
  SOURCE_MISSING: 'Có nguồn văn bản đã ghi nhận hiện không truy cập được; dựng lại toàn bộ lúc này sẽ làm mất văn bản của nguồn đó nên đã dừng; chỉ mục hiện tại vẫn được giữ nguyên.',
  VERSION_NOT_FOUND: 'Không có phiên bản chỉ mục này, hoặc phiên bản đó không còn đầy đủ.',
  EMBEDDER_MISMATCH: 'Bộ nhúng (embedder) không khớp với chỉ mục đã lưu.',
  MODEL_NOT_AVAILABLE: 'Không tải được mô hình từ thư mục cục bộ đã cấu hình.',
  NOTHING_INDEXED: 'Không có tài liệu nào được lập chỉ mục.',
  INVALID_ARGUMENT: 'Tham số không hợp lệ.',
  INTERNAL: 'Đã có lỗi hệ thống; vui lòng thử lại sau.',
  LLM_UNAVAILABLE: 'Máy chủ mô hình ngôn ngữ không phản hồi; câu trả lời dưới đây được trích trực tiếp từ văn bản.',
  LLM_OUTPUT_REJECTED: 'Câu trả lời của mô hình ngôn ngữ không khớp với văn bản nguồn; câu trả lời dưới đây được trích trực tiếp từ văn bản.',
  LLM_SENTENCES_DROPPED: 'Một số câu không khớp với văn bản nguồn đã được lược bỏ khỏi câu trả lời.',
  CONFIG_INVALID: 'Cấu hình máy chủ không hợp lệ.',
} as const;

export type ErrorCode = keyof typeof MESSAGES;

const CATEGORY: Record<ErrorCode, ErrorCategory> = {
  FILE_TOO_LARGE: 'user', FILE_EMPTY: 'user', FILE_UNSUPPORTED: 'user', PDF_CORRUPT: 'user',
  PDF_ENCRYPTED: 'user', PDF_NO_TEXT: 'user', DOCX_CORRUPT: 'user', DOCX_TOO_LARGE_UNPACKED: 'user',
  OCR_UNAVAILABLE: 'system', OCR_TOO_MANY_PAGES: 'user', OCR_IMAGE_TOO_LARGE: 'user', OCR_TIMEOUT: 'user',
  OCR_FAILED: 'system', IMAGE_CORRUPT: 'user', DOC_CORRUPT: 'user', ODT_CORRUPT: 'user', SHEET_CORRUPT: 'user',
  SHEET_TOO_LARGE: 'user', CONVERTER_UNAVAILABLE: 'system', INGEST_CANCELLED: 'user',
  TEXT_ENCODING: 'user', FILE_UNREADABLE: 'user', METADATA_INVALID: 'user', JSONL_MALFORMED: 'user',
  JSONL_MISSING_FIELD: 'user', DUPLICATE_ID: 'user',
  SECRET_MARKING: 'user', INDEX_NOT_FOUND: 'system', INDEX_CORRUPT: 'system', INDEX_LOCKED: 'system',
  INDEX_DIR_NOT_DIRECTORY: 'system', INDEX_DIR_NOT_WRITABLE: 'system', INDEX_DIR_READ_ONLY: 'system',
  INDEX_REMOVAL_BLOCKED: 'user', SOURCE_MISSING: 'user', VERSION_NOT_FOUND: 'user',
  EMBEDDER_MISMATCH: 'system', MODEL_NOT_AVAILABLE: 'upstream', NOTHING_INDEXED: 'user',
  INVALID_ARGUMENT: 'user', INTERNAL: 'system',
  LLM_UNAVAILABLE: 'upstream', LLM_OUTPUT_REJECTED: 'upstream', LLM_SENTENCES_DROPPED: 'upstream',
  CONFIG_INVALID: 'system',
};

/** The one error type of the product. `detail` is for logs (English, no personal data). */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly category: ErrorCategory;
  /** The Vietnamese message for users, possibly with a specific suffix (file name, line). */
  readonly userMessage: string;

  constructor(code: ErrorCode, detail?: string, options?: { cause?: unknown; userSuffix?: string }) {
    super(detail ? `${code}: ${detail}` : code, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.category = CATEGORY[code];
    this.userMessage = options?.userSuffix ? `${MESSAGES[code]} ${options.userSuffix}` : MESSAGES[code];
  }
}

/** Narrow an unknown throw to AppError, wrapping anything else as INTERNAL. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const detail = err instanceof Error ? err.message : String(err);
  return new AppError('INTERNAL', detail, { cause: err });
}
