/** `POST /api/search`: the passages that best match a query, among those the caller may see. */
import { QuestionText } from './values.ts';
import { z } from './zod.ts';

export const SearchRequest = z.object({
  query: QuestionText.openapi({ example: 'đăng ký thường trú cần giấy tờ gì' }),
  k: z.number().int().min(1).max(50).optional().openapi({ description: 'Số kết quả (1–50, mặc định 10)' }),
}).strict().openapi('SearchRequest');
export type SearchRequest = z.infer<typeof SearchRequest>;

export const SearchResult = z.object({
  docId: z.string(),
  sourceId: z.string().openapi({ description: 'Mã gốc: mã TTHC, `id` của bản ghi JSONL hoặc tên tệp' }),
  title: z.string(),
  section: z.string().openapi({ example: 'Thành phần hồ sơ' }),
  score: z.number(),
  text: z.string(),
}).openapi('SearchResult');
export type SearchResult = z.infer<typeof SearchResult>;

export const SearchResponse = z.object({
  results: z.array(SearchResult).openapi({ description: 'Tốt nhất trước' }),
}).openapi('SearchResponse');
export type SearchResponse = z.infer<typeof SearchResponse>;
