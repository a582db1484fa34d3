/**
 * The one error shape, REST and socket.io alike: `{ ok: false, code, message }` with a
 * Vietnamese message for the person in front of the screen. Some errors add a field:
 * `retryAfterSec` (429), `files` (a refused upload, protocol/admin/uploads.ts), `job`
 * (a re-index already running, protocol/admin/jobs.ts), `requestId` (socket.io).
 */
import { z } from './zod.ts';

export const ErrorBody = z.object({
  ok: z.literal(false),
  code: z.string().openapi({ example: 'RATE_LIMITED', description: 'Mã lỗi ổn định (UPPER_SNAKE), xem docs/API.md' }),
  message: z.string().openapi({ example: 'Bạn gửi yêu cầu quá nhanh; vui lòng đợi một lát rồi thử lại.', description: 'Thông điệp tiếng Việt cho người dùng' }),
  retryAfterSec: z.number().int().positive().optional().openapi({ description: 'Với 429 RATE_LIMITED: số giây cần đợi (như header Retry-After)' }),
}).openapi('Error');
export type ErrorBody = z.infer<typeof ErrorBody>;
