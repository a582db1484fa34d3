/**
 * Vietnamese texts of the admin document endpoints. Codes that core/errors.ts already
 * knows (FILE_EMPTY, PDF_ENCRYPTED …) keep its MESSAGES; this catalogue adds the codes of
 * the upload store and the specific sentences appended to a core message.
 */
import { MESSAGES, type ErrorCode } from '../../core/errors.ts';

/** Messages of the codes only the admin endpoints produce. */
export const ADMIN_MESSAGES = {
  FILE_EXISTS: 'Kho tài liệu đã có tệp cùng tên; nếu muốn thay bằng bản mới, vui lòng chọn tải lên để thay thế.',
  DUPLICATE_NAME: 'Có hai tệp trùng tên trong cùng một lần tải lên; vui lòng đổi tên một tệp.',
  DOC_ID_TAKEN: 'Tên tệp trùng mã văn bản với một tệp đã có trong kho; vui lòng đổi tên tệp.',
  FILE_NOT_FOUND: 'Không tìm thấy tệp này trong kho tài liệu.',
  NAME_INVALID: 'Tên tệp không hợp lệ.',
  NO_FILES: 'Chưa có tệp nào được gửi lên.',
} as const;

/** Codes of {@link ADMIN_MESSAGES}. */
export type AdminErrorCode = keyof typeof ADMIN_MESSAGES;

/** Any code an admin operation may report: the core catalogue's or the admin one's. */
export type AdminProblemCode = ErrorCode | AdminErrorCode;

/** Sentences appended to a catalogue message to say what exactly is wrong. */
export const ADMIN_SPECIFICS = {
  onlySupported: 'Chỉ nhận PDF, DOCX, DOC, ODT, XLSX, XLS, ODS, CSV, ảnh PNG, JPEG, TIFF, TXT, MD, HTML và JSONL.',
  notPdf: 'Nội dung tệp không phải là PDF.',
  notDocx: 'Nội dung tệp không phải là tệp DOCX.',
  docxLegacyOrLocked: 'Tệp có thể đã được đặt mật khẩu hoặc là tệp Word cũ (.doc) mang đuôi .docx; vui lòng bỏ mật khẩu, hoặc đổi đuôi tệp thành .doc.',
  xlsxLegacyOrLocked: 'Tệp có thể đã được đặt mật khẩu hoặc là tệp Excel cũ (.xls) mang đuôi .xlsx; vui lòng bỏ mật khẩu, hoặc đổi đuôi tệp thành .xls.',
  notSheet: 'Nội dung tệp không phải là bảng tính XLSX.',
  notOdf: 'Nội dung tệp không phải là tệp OpenDocument đúng loại.',
  notLegacyOffice: 'Nội dung tệp không phải là tệp Office 97–2003.',
  newFormatUnderOldName: 'Tệp là định dạng Office mới (nén ZIP) nhưng mang đuôi cũ; vui lòng đổi đuôi thành .docx hoặc .xlsx.',
  notImage: 'Nội dung tệp không phải là ảnh PNG, JPEG hoặc TIFF.',
  recordsCarryMetadata: 'Tệp JSONL ghi siêu dữ liệu trong từng bản ghi; vui lòng tải tệp này lên riêng, không kèm siêu dữ liệu.',
  binaryText: 'Tệp có vẻ là dữ liệu nhị phân, không phải văn bản.',
  nothingSaved: 'Chưa lưu tệp nào vì lần tải lên này có lỗi; vui lòng sửa các lỗi được báo rồi tải lên lại.',
  overridesFromBackup: 'Tệp lưu các điều chỉnh siêu dữ liệu (metadata-overrides.json) bị hỏng hoặc bị mất; hệ thống đang dùng bản sao lưu gần nhất nên văn bản nội bộ vẫn được giữ nội bộ. Vui lòng khôi phục tệp (nút “Khôi phục từ bản sao lưu” hoặc sửa tệp rồi nạp lại).',
  overridesClosed: (n: number) => `Tệp lưu các điều chỉnh siêu dữ liệu (metadata-overrides.json) và bản sao lưu đều không đọc được; để an toàn, ${n.toLocaleString('vi-VN')} văn bản từng được điều chỉnh tạm thời chỉ dành cho cán bộ cho đến khi tệp được khôi phục.`,
  overridesClosedAll: 'Tệp lưu các điều chỉnh siêu dữ liệu (metadata-overrides.json) và bản sao lưu đều không đọc được, không xác định được văn bản nào từng được điều chỉnh; để an toàn, mọi văn bản tạm thời chỉ dành cho cán bộ cho đến khi tệp được khôi phục.',
  overridesLocked: 'Tệp lưu các điều chỉnh siêu dữ liệu đang hỏng; vui lòng khôi phục tệp (hoặc xóa nó cùng bản sao lưu nếu muốn bắt đầu lại từ đầu) rồi nạp lại trước khi điều chỉnh tiếp.',
  recordNotFound: (id: string) => `Tệp không còn bản ghi mã “${id}”.`,
  moreProblems: (n: number, fileName: string) => `… và ${n.toLocaleString('vi-VN')} lỗi khác (tệp ${fileName}).`,
  linksUnavailable: 'Tệp lưu các điều chỉnh siêu dữ liệu bị hỏng nên các quyết định về liên kết văn bản chưa đọc được; hệ thống tạm không dùng các liên kết tự động và chưa nhận quyết định mới cho đến khi tệp được khôi phục.',
  overrideNeedsField: 'Cần ít nhất một trường để cập nhật: audience, status, supersedes hoặc supersededBy.',
} as const;

/** The message of a code from either catalogue. */
export function messageOf(code: AdminProblemCode): string {
  return code in ADMIN_MESSAGES ? ADMIN_MESSAGES[code as AdminErrorCode] : MESSAGES[code as ErrorCode];
}

/**
 * A message naming the file, in the loaders' shape:
 * `Tệp PDF bị hỏng hoặc không đọc được. Nội dung tệp không phải là PDF. (tệp x.pdf)`.
 */
export function aboutFile(code: AdminProblemCode, fileName: string, specific?: string): string {
  return `${messageOf(code)}${specific ? ` ${specific}` : ''} (tệp ${fileName})`;
}
