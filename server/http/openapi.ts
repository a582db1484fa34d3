/**
 * The OpenAPI 3.0 description of the REST API, generated from the schemas of protocol/
 * that validate the requests and describe the responses; the socket.io payloads are
 * listed among the components. Served at `/api/openapi.json`; a copy is kept in
 * docs/openapi.json (`npm run openapi` rewrites it; a test checks it is current, and the
 * contract test checks real responses against the schemas declared here).
 */
import { OpenAPIRegistry, OpenApiGeneratorV3, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from '../../protocol/zod.ts';
import { AuditQueryParams, AuditRecords } from '../../protocol/admin/audit.ts';
import { AdminActionQueryParams, AdminActionRecords } from '../../protocol/admin/actions.ts';
import { FeedbackHandledRequest, FeedbackList, FeedbackListQuery } from '../../protocol/admin/feedback.ts';
import { MetadataPatch, PatchedDocument } from '../../protocol/admin/documents.ts';
import { LinkDecisionRequest, LinkList, LinkListQuery, RelationLinkView } from '../../protocol/admin/links.ts';
import { Job, JobConflictBody, JobList, ReindexRequest, ReindexStarted } from '../../protocol/admin/jobs.ts';
import { StatsQueryParams, UsageStats } from '../../protocol/admin/stats.ts';
import { NotDeletableBody, RemovalResponse, UploadErrorBody, UploadForm, UploadList, UploadResponse } from '../../protocol/admin/uploads.ts';
import { IndexSourceList, RemovalPreview, RemovalRequest, SourceConflictBody, SourceRemovalStarted } from '../../protocol/admin/sources.ts';
import { IndexVersionList, RollbackResult } from '../../protocol/admin/versions.ts';
import { AdminStatus, OverridesConflictBody, OverridesHealth } from '../../protocol/admin/status.ts';
import { ChatRequest, ChatResponse } from '../../protocol/chat.ts';
import { ChunkView, DocumentDetail, DocumentList, DocumentListQuery, DocumentView, DocumentViewQuery } from '../../protocol/documents.ts';
import { DraftRequest, DraftResponse } from '../../protocol/draft.ts';
import { ErrorBody } from '../../protocol/errors.ts';
import { FeedbackRequest } from '../../protocol/feedback.ts';
import { Health, NotReadyBody, Ready } from '../../protocol/health.ts';
import { SearchRequest, SearchResponse } from '../../protocol/search.ts';
import { SOCKET_SCHEMAS } from '../../protocol/socket.ts';

const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string, schema: z.ZodTypeAny = ErrorBody) => json(schema, description);
const body = <T extends z.ZodTypeAny>(schema: T) => ({ body: { content: { 'application/json': { schema } } } });

const COMMON: RouteConfig['responses'] = {
  400: error('Yêu cầu không hợp lệ (JSON hỏng, thiếu trường, giá trị sai)'),
  401: error('Thiếu hoặc sai mã truy cập'),
  429: error('Vượt giới hạn số yêu cầu; xem header Retry-After'),
  503: error('Chưa sẵn sàng (chưa có chỉ mục) hoặc đang bảo trì'),
};
const ADMIN: RouteConfig['responses'] = { ...COMMON, 403: error('Tài khoản không phải quản trị viên') };
const id = z.object({ id: z.string().openapi({ example: '1.001193' }) });

/** Every route of the REST API, in the order the docs show them. */
export function apiRoutes(): RouteConfig[] {
  return [
    { method: 'post', path: '/api/search', summary: 'Tìm đoạn văn bản liên quan', tags: ['Hỏi đáp'],
      request: body(SearchRequest),
      responses: { 200: json(SearchResponse, 'Các đoạn phù hợp nhất, tốt nhất trước'), ...COMMON } },
    { method: 'post', path: '/api/chat', summary: 'Hỏi đáp có trích dẫn nguồn', tags: ['Hỏi đáp'],
      description: 'Cùng nội dung trao đổi được truyền dần (streaming) qua socket.io: sự kiện ask → token → answer (các thành phần AskPayload, TokenEvent, AnswerEvent, ErrorEvent, AskAck).',
      request: body(ChatRequest),
      responses: { 200: json(ChatResponse, 'Câu trả lời (hoặc lời từ chối có lý do)'), 499: error('Người hỏi đã hủy hoặc đóng kết nối trước khi có câu trả lời'), 504: error('Trả lời quá lâu nên đã dừng'), ...COMMON } },
    { method: 'post', path: '/api/feedback', summary: 'Gửi đánh giá cho một câu trả lời', tags: ['Hỏi đáp'],
      request: body(FeedbackRequest),
      responses: { 204: { description: 'Đã ghi nhận' }, 404: error('Không có lượt hỏi đáp này'), ...COMMON } },
    { method: 'get', path: '/api/documents', summary: 'Danh sách văn bản người hỏi được xem', tags: ['Văn bản'],
      request: { query: DocumentListQuery },
      responses: { 200: json(DocumentList, 'Văn bản, mới nhất trước'), ...COMMON } },
    { method: 'get', path: '/api/documents/{id}', summary: 'Thông tin và mục lục của một văn bản', tags: ['Văn bản'],
      request: { params: id },
      responses: { 200: json(DocumentDetail, 'Văn bản'), 404: error('Không có văn bản này (hoặc người hỏi không được xem)'), ...COMMON } },
    { method: 'get', path: '/api/documents/{id}/chunks/{ordinal}', summary: 'Nội dung một đoạn được trích dẫn, kèm đoạn trước và sau', tags: ['Văn bản'],
      request: { params: id.extend({ ordinal: z.string().openapi({ example: '4' }) }) },
      responses: { 200: json(ChunkView, 'Đoạn văn bản'), 404: error('Không có đoạn này'), ...COMMON } },
    { method: 'get', path: '/api/documents/{id}/view', summary: 'Văn bản để đọc: thông tin và một trang các đoạn kèm nội dung, bao quanh đoạn được trích dẫn', tags: ['Văn bản'],
      description: 'Một yêu cầu cho cả khung nguồn của widget (limit=3: đoạn được trích dẫn và hai đoạn bên cạnh) và trang văn bản nguồn; văn bản dài được chia trang (offset, limit). Đọc văn bản tính vào hạn mức riêng, không trừ vào hạn mức hỏi đáp.',
      request: { params: id, query: DocumentViewQuery },
      responses: { 200: json(DocumentView, 'Văn bản và các đoạn của trang'), 404: error('Không có văn bản này (hoặc người hỏi không được xem)'), ...COMMON } },
    { method: 'post', path: '/api/draft', summary: 'Soạn dự thảo văn bản hành chính (cán bộ)', tags: ['Soạn thảo'], security: [{ bearer: [] }],
      description: 'Thiếu thông tin thì trả về status "needs_input" với các câu hỏi; đủ thì trả về bản dự thảo (đánh dấu DỰ THẢO), kết quả kiểm tra thể thức theo Nghị định 30/2020/NĐ-CP và đường dẫn tải tệp .docx (giữ 24 giờ).',
      request: body(DraftRequest),
      responses: { 200: json(DraftResponse, 'Câu hỏi bổ sung hoặc bản dự thảo'), 403: error('Tài khoản không phải cán bộ hoặc quản trị viên'), ...COMMON } },
    { method: 'get', path: '/api/drafts/{id}.docx', summary: 'Tải tệp .docx của một bản dự thảo', tags: ['Soạn thảo'], security: [{ bearer: [] }],
      request: { params: z.object({ id: z.string().uuid() }) },
      responses: {
        200: { description: 'Tệp Word', content: { 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: z.string().openapi({ format: 'binary' }) } } },
        404: error('Không có bản dự thảo này (hoặc đã quá 24 giờ)'), 403: error('Tài khoản không phải cán bộ hoặc quản trị viên'), ...COMMON,
      } },
    { method: 'get', path: '/api/admin/uploads', summary: 'Các tệp đã tải lên', tags: ['Quản trị'], security: [{ bearer: [] }],
      responses: { 200: json(UploadList, 'Tệp, theo thứ tự tên'), ...ADMIN } },
    { method: 'post', path: '/api/admin/documents', summary: 'Tải lên văn bản (PDF, DOCX, TXT, MD, HTML, JSONL)', tags: ['Quản trị'], security: [{ bearer: [] }],
      description: 'multipart/form-data: trường `files` (một hoặc nhiều tệp), `metadata` (JSON, tùy chọn), `replace` (true để ghi đè), `reindex` (mặc định true: chạy lập chỉ mục ngay). Mọi tệp được kiểm tra trước — tên, loại, rồi đọc thử bằng chính bộ đọc của lượt lập chỉ mục (trong luồng riêng, giới hạn UPLOAD_CHECK_TIMEOUT_MS); một tệp mà lượt lập chỉ mục sẽ bỏ qua thì không tệp nào được lưu.',
      request: { body: { content: { 'multipart/form-data': { schema: UploadForm } } } },
      responses: {
        201: json(UploadResponse, 'Đã lưu'),
        409: error('Tệp trùng tên (gửi replace=true để ghi đè)', UploadErrorBody), 413: error('Tệp quá lớn', UploadErrorBody), 415: error('Định dạng không hỗ trợ', UploadErrorBody),
        422: error('Lượt lập chỉ mục sẽ bỏ qua tệp: hỏng (PDF_CORRUPT, DOCX_CORRUPT), nén độc hại (DOCX_TOO_LARGE_UNPACKED), đặt mật khẩu, không có lớp chữ (PDF_NO_TEXT), có dấu độ mật (SECRET_MARKING), rỗng (FILE_EMPTY), dòng JSONL sai, mã trùng với nguồn khác (DUPLICATE_ID)', UploadErrorBody), ...ADMIN, 400: error('Yêu cầu không hợp lệ (thiếu tệp, metadata không phải JSON, tên tệp không hợp lệ)', UploadErrorBody),
      } },
    { method: 'delete', path: '/api/admin/documents/{id}', summary: 'Xóa văn bản đã tải lên (và lập chỉ mục lại)', tags: ['Quản trị'], security: [{ bearer: [] }],
      description: 'Một bản ghi của tệp JSONL đã tải lên: chỉ các dòng của bản ghi đó bị xóa (tệp được ghi lại, các bản ghi khác giữ nguyên); tệp không còn bản ghi nào thì bị xóa.',
      request: { params: id },
      responses: {
        202: json(RemovalResponse, 'Đã xóa; lượt lập chỉ mục đang chạy (queued: sẽ chạy sau lượt hiện tại)'), 404: error('Không có văn bản này'),
        409: error('Không phải văn bản đã tải lên: thông điệp nói nguồn của nó (origin)', NotDeletableBody), ...ADMIN,
      } },
    { method: 'delete', path: '/api/admin/uploads/{fileName}', summary: 'Xóa một tệp đã tải lên (kể cả tệp chưa lập chỉ mục)', tags: ['Quản trị'], security: [{ bearer: [] }],
      request: { params: z.object({ fileName: z.string().openapi({ example: 'Kế hoạch 12-KH-UBND.pdf' }) }) },
      responses: { 202: json(RemovalResponse, 'Đã xóa tệp; lượt lập chỉ mục đang chạy'), 404: error('Không có tệp này'), ...ADMIN } },
    { method: 'patch', path: '/api/admin/documents/{id}', summary: 'Đặt phạm vi, hiệu lực, văn bản thay thế', tags: ['Quản trị'], security: [{ bearer: [] }],
      description: 'Có hiệu lực ngay, không cần lập chỉ mục lại.',
      request: { params: id, ...body(MetadataPatch) },
      responses: {
        200: json(PatchedDocument, 'Văn bản sau khi cập nhật'), 404: error('Không có văn bản này'),
        409: error('Tệp điều chỉnh siêu dữ liệu đang hỏng (OVERRIDES_CORRUPT): khôi phục trước', OverridesConflictBody), ...ADMIN,
      } },
    { method: 'get', path: '/api/admin/links', summary: 'Liên kết giữa các văn bản đọc từ điều khoản thay thế, bãi bỏ, sửa đổi, hết hiệu lực', tags: ['Quản trị'], security: [{ bearer: [] }],
      request: { query: LinkListQuery },
      responses: { 200: json(LinkList, 'Các liên kết; available=false khi tệp điều chỉnh bị hỏng'), ...ADMIN } },
    { method: 'put', path: '/api/admin/links/{id}', summary: 'Xác nhận, bác bỏ hoặc sửa một liên kết', tags: ['Quản trị'], security: [{ bearer: [] }],
      description: 'Có hiệu lực ngay, không cần lập chỉ mục lại. targetId chỉ ra văn bản đúng khi liên kết tự động sai hoặc có nhiều văn bản khớp.',
      request: { params: id, ...body(LinkDecisionRequest) },
      responses: { 200: json(RelationLinkView, 'Liên kết sau khi cập nhật'), 404: error('Không có liên kết hoặc văn bản này'), 503: error('Tệp điều chỉnh bị hỏng: chưa nhận quyết định'), ...ADMIN } },
    { method: 'delete', path: '/api/admin/links/{id}', summary: 'Bỏ quyết định, trở về liên kết tự động', tags: ['Quản trị'], security: [{ bearer: [] }],
      request: { params: id },
      responses: { 200: json(RelationLinkView, 'Liên kết sau khi cập nhật'), 404: error('Không có liên kết này'), 503: error('Tệp điều chỉnh bị hỏng: chưa nhận quyết định'), ...ADMIN } },
    { method: 'post', path: '/api/admin/reindex', summary: 'Bắt đầu lập chỉ mục lại', tags: ['Quản trị'], security: [{ bearer: [] }],
      request: body(ReindexRequest),
      responses: { 202: json(ReindexStarted, 'Đã bắt đầu; theo dõi qua sự kiện socket.io `job` (phòng admin) hoặc GET /api/admin/jobs/{id}'), 409: error('Đang có lượt khác chạy', JobConflictBody), ...ADMIN } },
    { method: 'get', path: '/api/admin/sources', summary: 'Các nguồn của chỉ mục (thư mục, tệp) và số văn bản của mỗi nguồn', tags: ['Quản trị'], security: [{ bearer: [] }],
      responses: { 200: json(IndexSourceList, 'Nguồn đã ghi nhận, theo thứ tự ghi nhận'), ...ADMIN } },
    { method: 'get', path: '/api/admin/sources/{id}/removal', summary: 'Xem trước việc gỡ một nguồn: những văn bản sẽ bị gỡ', tags: ['Quản trị'], security: [{ bearer: [] }],
      request: { params: z.object({ id: z.string() }) },
      responses: {
        200: json(RemovalPreview, 'Số văn bản sẽ gỡ, ví dụ, và mã xác nhận'), 404: error('Không có nguồn này'),
        409: error('Nguồn do cấu hình máy chủ đưa vào (SOURCE_CONFIGURED)', SourceConflictBody), ...ADMIN,
      } },
    { method: 'post', path: '/api/admin/sources/{id}/removal', summary: 'Xác nhận gỡ một nguồn (lập chỉ mục lại không có nó)', tags: ['Quản trị'], security: [{ bearer: [] }],
      request: { params: z.object({ id: z.string() }), ...body(RemovalRequest) },
      responses: {
        202: json(SourceRemovalStarted, 'Đã bắt đầu lượt gỡ'), 404: error('Không có nguồn này'),
        409: error('Mã xác nhận đã cũ (PREVIEW_STALE, kèm bản xem trước mới) hoặc nguồn do cấu hình đưa vào (SOURCE_CONFIGURED)', SourceConflictBody), ...ADMIN,
      } },
    { method: 'get', path: '/api/admin/versions', summary: 'Các phiên bản chỉ mục: số văn bản, thay đổi, ai tạo, dung lượng', tags: ['Quản trị'], security: [{ bearer: [] }],
      responses: { 200: json(IndexVersionList, 'Mới nhất trước'), ...ADMIN } },
    { method: 'post', path: '/api/admin/versions/{version}/rollback', summary: 'Quay về một phiên bản chỉ mục (không gián đoạn trả lời)', tags: ['Quản trị'], security: [{ bearer: [] }],
      request: { params: z.object({ version: z.string().openapi({ example: 'v000012-20261207T081500' }) }) },
      responses: {
        200: json(RollbackResult, 'Đang phục vụ phiên bản này'), 404: error('Không có phiên bản này (VERSION_NOT_FOUND)'),
        409: error('Đang có lượt lập chỉ mục chạy', JobConflictBody), ...ADMIN,
      } },
    { method: 'get', path: '/api/admin/status', summary: 'Tình trạng máy chủ: chỉ mục, các vấn đề cần xử lý, tệp điều chỉnh siêu dữ liệu', tags: ['Quản trị'], security: [{ bearer: [] }],
      responses: { 200: json(AdminStatus, 'Tình trạng'), ...ADMIN } },
    { method: 'post', path: '/api/admin/overrides/restore', summary: 'Khôi phục tệp điều chỉnh siêu dữ liệu từ bản sao lưu', tags: ['Quản trị'], security: [{ bearer: [] }],
      responses: { 200: json(OverridesHealth, 'Đã khôi phục'), 409: error('Không ở trạng thái dùng bản sao lưu', OverridesConflictBody), ...ADMIN } },
    { method: 'post', path: '/api/admin/overrides/reload', summary: 'Đọc lại tệp điều chỉnh siêu dữ liệu (sau khi đã sửa tay)', tags: ['Quản trị'], security: [{ bearer: [] }],
      responses: { 200: json(OverridesHealth, 'Tình trạng sau khi đọc lại'), ...ADMIN } },
    { method: 'get', path: '/api/admin/jobs', summary: 'Các lượt lập chỉ mục gần đây', tags: ['Quản trị'], security: [{ bearer: [] }],
      responses: { 200: json(JobList, 'Mới nhất trước'), ...ADMIN } },
    { method: 'get', path: '/api/admin/jobs/{id}', summary: 'Tiến độ và kết quả một lượt lập chỉ mục', tags: ['Quản trị'], security: [{ bearer: [] }],
      request: { params: id },
      responses: { 200: json(Job, 'Lượt lập chỉ mục'), 404: error('Không có lượt này'), ...ADMIN } },
    { method: 'delete', path: '/api/admin/jobs/{id}', summary: 'Dừng một lượt lập chỉ mục đang chạy', tags: ['Quản trị'], security: [{ bearer: [] }],
      request: { params: id },
      responses: { 200: json(Job, 'Lượt đã dừng'), 404: error('Không có lượt đang chạy này'), ...ADMIN } },
    { method: 'get', path: '/api/admin/audit', summary: 'Tra cứu và xuất nhật ký sử dụng (JSON hoặc CSV)', tags: ['Quản trị'], security: [{ bearer: [] }],
      request: { query: AuditQueryParams },
      responses: { 200: { description: 'Bản ghi, cũ nhất trước (không chứa dữ liệu cá nhân)', content: { 'application/json': { schema: AuditRecords }, 'text/csv': { schema: z.string() } } }, ...ADMIN } },
    { method: 'get', path: '/api/admin/audit/actions', summary: 'Tra cứu và xuất nhật ký thao tác quản trị (JSON hoặc CSV)', tags: ['Quản trị'], security: [{ bearer: [] }],
      request: { query: AdminActionQueryParams },
      responses: { 200: { description: 'Thao tác quản trị: ai (bí danh), làm gì, trên văn bản nào, kết quả; cũ nhất trước', content: { 'application/json': { schema: AdminActionRecords }, 'text/csv': { schema: z.string() } } }, ...ADMIN } },
    { method: 'get', path: '/api/admin/feedback', summary: 'Góp ý của người dùng kèm câu hỏi, câu trả lời và dấu “Đã xử lý”', tags: ['Quản trị'], security: [{ bearer: [] }],
      request: { query: FeedbackListQuery },
      responses: { 200: json(FeedbackList, 'Các lượt hỏi đáp có góp ý, cũ nhất trước'), ...ADMIN } },
    { method: 'put', path: '/api/admin/feedback/{id}/handled', summary: 'Đánh dấu (hoặc bỏ đánh dấu) góp ý “Đã xử lý”', tags: ['Quản trị'], security: [{ bearer: [] }],
      request: { params: z.object({ id: z.string().openapi({ description: 'Mã lượt hỏi đáp (exchangeId)' }) }), ...body(FeedbackHandledRequest) },
      responses: { 200: json(z.object({ exchangeId: z.string(), handled: z.boolean() }), 'Đã lưu dấu'), 404: error('Không có lượt hỏi đáp này'), ...ADMIN } },
    { method: 'get', path: '/api/admin/stats', summary: 'Thống kê sử dụng', tags: ['Quản trị'], security: [{ bearer: [] }],
      request: { query: StatsQueryParams },
      responses: { 200: json(UsageStats, 'Số câu hỏi theo ngày, tỉ lệ từ chối, văn bản được trích nhiều nhất, câu hỏi chưa có nguồn'), ...ADMIN } },
    { method: 'get', path: '/healthz', summary: 'Tiến trình còn sống', tags: ['Vận hành'], responses: { 200: json(Health, 'OK') } },
    { method: 'get', path: '/readyz', summary: 'Sẵn sàng trả lời (đã nạp chỉ mục)', tags: ['Vận hành'],
      responses: {
        200: json(Ready, 'Sẵn sàng (degraded: vẫn trả lời nhưng có vấn đề cần xử lý)'),
        503: error('Chưa sẵn sàng (code nói lý do khi biết: INDEX_DIR_NOT_DIRECTORY, INDEX_REMOVAL_BLOCKED …) hoặc đang tắt', NotReadyBody),
      } },
    { method: 'get', path: '/metrics', summary: 'Số liệu Prometheus', tags: ['Vận hành'],
      responses: { 200: { description: 'Định dạng văn bản Prometheus', content: { 'text/plain': { schema: z.string() } } }, 401: error('Cần METRICS_TOKEN') } },
  ];
}

let cached: object | undefined;

/** The whole document (built once; the schemas do not change at run time). */
export function buildOpenApi(): object {
  if (cached) return cached;
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'Mã truy cập của cán bộ hoặc quản trị viên' });
  for (const route of apiRoutes()) registry.registerPath(route);
  // socket.io is not REST: its payloads are components, named as in docs/API.md.
  for (const [name, schema] of Object.entries(SOCKET_SCHEMAS)) registry.register(name, schema);
  cached = new OpenApiGeneratorV3(registry.definitions).generateDocument({
    openapi: '3.0.3',
    info: {
      title: 'Trợ lý ảo — API',
      version: '1.0.0',
      description: 'Hỏi đáp có trích dẫn về văn bản và thủ tục hành chính; quản trị kho văn bản. Lỗi luôn có dạng { ok: false, code, message } với thông điệp tiếng Việt. Hỏi đáp truyền dần qua socket.io: xem các thành phần AskPayload, TokenEvent, AnswerEvent, ErrorEvent, AskAck, CancelPayload, CancelAck; quản trị viên nhận sự kiện `job` (Job).',
    },
    servers: [{ url: '/' }],
  });
  return cached;
}
