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
import { MetadataPatch, PatchedDocument } from '../../protocol/admin/documents.ts';
import { LinkDecisionRequest, LinkList, LinkListQuery, RelationLinkView } from '../../protocol/admin/links.ts';
import { Job, JobConflictBody, JobList, ReindexRequest, ReindexStarted } from '../../protocol/admin/jobs.ts';
import { StatsQueryParams, UsageStats } from '../../protocol/admin/stats.ts';
import { RemovalResponse, UploadErrorBody, UploadForm, UploadList, UploadResponse } from '../../protocol/admin/uploads.ts';
import { ChatRequest, ChatResponse } from '../../protocol/chat.ts';
import { ChunkView, DocumentDetail, DocumentList, DocumentListQuery } from '../../protocol/documents.ts';
import { DraftRequest, DraftResponse } from '../../protocol/draft.ts';
import { ErrorBody } from '../../protocol/errors.ts';
import { FeedbackRequest } from '../../protocol/feedback.ts';
import { Health, Ready } from '../../protocol/health.ts';
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
      description: 'multipart/form-data: trường `files` (một hoặc nhiều tệp), `metadata` (JSON, tùy chọn), `replace` (true để ghi đè), `reindex` (mặc định true: chạy lập chỉ mục ngay). Mọi tệp được kiểm tra trước; một tệp hỏng thì không tệp nào được lưu.',
      request: { body: { content: { 'multipart/form-data': { schema: UploadForm } } } },
      responses: {
        201: json(UploadResponse, 'Đã lưu'),
        409: error('Tệp trùng tên (gửi replace=true để ghi đè)', UploadErrorBody), 413: error('Tệp quá lớn', UploadErrorBody), 415: error('Định dạng không hỗ trợ', UploadErrorBody),
        422: error('Tệp hỏng, rỗng hoặc đặt mật khẩu', UploadErrorBody), ...ADMIN, 400: error('Yêu cầu không hợp lệ (thiếu tệp, metadata không phải JSON, tên tệp không hợp lệ)', UploadErrorBody),
      } },
    { method: 'delete', path: '/api/admin/documents/{id}', summary: 'Xóa văn bản đã tải lên (và lập chỉ mục lại)', tags: ['Quản trị'], security: [{ bearer: [] }],
      request: { params: id },
      responses: { 202: json(RemovalResponse, 'Đã xóa tệp; lượt lập chỉ mục đang chạy (queued: sẽ chạy sau lượt hiện tại)'), 404: error('Không có văn bản này'), 409: error('Văn bản thuộc kho cấu hình sẵn'), ...ADMIN } },
    { method: 'delete', path: '/api/admin/uploads/{fileName}', summary: 'Xóa một tệp đã tải lên (kể cả tệp chưa lập chỉ mục)', tags: ['Quản trị'], security: [{ bearer: [] }],
      request: { params: z.object({ fileName: z.string().openapi({ example: 'Kế hoạch 12-KH-UBND.pdf' }) }) },
      responses: { 202: json(RemovalResponse, 'Đã xóa tệp; lượt lập chỉ mục đang chạy'), 404: error('Không có tệp này'), ...ADMIN } },
    { method: 'patch', path: '/api/admin/documents/{id}', summary: 'Đặt phạm vi, hiệu lực, văn bản thay thế', tags: ['Quản trị'], security: [{ bearer: [] }],
      description: 'Có hiệu lực ngay, không cần lập chỉ mục lại.',
      request: { params: id, ...body(MetadataPatch) },
      responses: { 200: json(PatchedDocument, 'Văn bản sau khi cập nhật'), 404: error('Không có văn bản này'), ...ADMIN } },
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
    { method: 'get', path: '/api/admin/stats', summary: 'Thống kê sử dụng', tags: ['Quản trị'], security: [{ bearer: [] }],
      request: { query: StatsQueryParams },
      responses: { 200: json(UsageStats, 'Số câu hỏi theo ngày, tỉ lệ từ chối, văn bản được trích nhiều nhất, câu hỏi chưa có nguồn'), ...ADMIN } },
    { method: 'get', path: '/healthz', summary: 'Tiến trình còn sống', tags: ['Vận hành'], responses: { 200: json(Health, 'OK') } },
    { method: 'get', path: '/readyz', summary: 'Sẵn sàng trả lời (đã nạp chỉ mục)', tags: ['Vận hành'],
      responses: { 200: json(Ready, 'Sẵn sàng'), 503: error('Chưa sẵn sàng hoặc đang tắt') } },
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
