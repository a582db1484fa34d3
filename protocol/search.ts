/** `POST /api/search`: the passages that best match a query, among those the caller may see. */
import { QuestionText } from './values.ts';
import { z } from './zod.ts';

export const SearchRequest = z.object({
  query: QuestionText.openapi({ example: 'đăng ký thường trú cần giấy tờ gì' }),
  k: z.number().int().min(1).max(50).optional().openapi({ description: 'Số kết quả (1–50, mặc định 10)' }),
}).strict().openapi('SearchRequest');
export type SearchRequest = z.infer<typeof SearchRequest>;

/** Another passage of the same source, under its best one. */
export const SearchPassage = z.object({
  section: z.string().openapi({ example: 'Lệ phí' }),
  score: z.number(),
  text: z.string(),
}).openapi('SearchPassage');
export type SearchPassage = z.infer<typeof SearchPassage>;

/** One source (document, law article or procedure): its best passage, and its other passages found. */
export const SearchResult = z.object({
  docId: z.string(),
  sourceId: z.string().openapi({ description: 'Mã gốc: mã TTHC, `id` của bản ghi JSONL hoặc tên tệp' }),
  title: z.string(),
  section: z.string().openapi({ example: 'Thành phần hồ sơ' }),
  score: z.number(),
  text: z.string(),
  passages: z.array(SearchPassage).optional().openapi({ description: 'Các đoạn khác của cùng văn bản trong kết quả, tốt nhất trước' }),
}).openapi('SearchResult');
export type SearchResult = z.infer<typeof SearchResult>;

export const SearchResponse = z.object({
  results: z.array(SearchResult).openapi({ description: 'Mỗi văn bản một lần, tốt nhất trước' }),
}).openapi('SearchResponse');
export type SearchResponse = z.infer<typeof SearchResponse>;
