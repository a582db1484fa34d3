/** The kinds of document the product knows (core/model.ts re-exports them). */
/** Kinds of document the product knows; `khác` is the honest fallback. */
export const DOCUMENT_TYPES = [
  'luật', 'bộ luật', 'nghị định', 'nghị quyết', 'thông tư', 'quyết định', 'chỉ thị', 'kế hoạch',
  'báo cáo', 'thông báo', 'công văn', 'tờ trình', 'chương trình', 'hướng dẫn', 'phụ lục',
  'thủ tục', 'khác',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
