/**
 * Recognition of JSONL records by their fields:
 * - TTHC catalog rows (`ma_thu_tuc` + `ten_thu_tuc`) → kind `procedure`;
 * - ALQAC-style law articles (`law_id` + `article_id`) → kind `legal-article`;
 * - anything else is a generic record (`id` or `doc_id`, `text`, optional `title` and
 *   DocumentMeta fields) → kind `document`.
 */
import { createHash } from 'node:crypto';
import type { DocumentMeta } from '../../core/model.ts';
import type { LoadedDocument } from '../../core/ports.ts';
import { normalizeText } from '../../core/text/normalize.ts';
import { META_FIELDS, badFieldsMessage, checkMeta } from './metadata.ts';

/** A record that could not become a document: the error code and a Vietnamese specific. */
export interface RecordProblem {
  code: 'JSONL_MISSING_FIELD' | 'METADATA_INVALID';
  specific: string;
  detail: string;
}

/** A recognised record, before the duplicate-id check. */
export type RecordOutcome = { ok: true; doc: LoadedDocument } | { ok: false; problem: RecordProblem };

/** Field labels used when a catalog row has no `raw_text` and its text is assembled. */
const PROCEDURE_FIELDS: readonly (readonly [string, string])[] = [
  ['ten_thu_tuc', 'Tên thủ tục'], ['ma_thu_tuc', 'Mã thủ tục'], ['so_quyet_dinh', 'Số quyết định'],
  ['cap_thuc_hien', 'Cấp thực hiện'], ['loai_thu_tuc', 'Loại thủ tục'], ['linh_vuc', 'Lĩnh vực'],
  ['doi_tuong_thuc_hien', 'Đối tượng thực hiện'], ['co_quan_thuc_hien', 'Cơ quan thực hiện'],
  ['co_quan_co_tham_quyen', 'Cơ quan có thẩm quyền'], ['dia_chi_tiep_nhan', 'Địa chỉ tiếp nhận hồ sơ'],
  ['trinh_tu_thuc_hien', 'Trình tự thực hiện'], ['cach_thuc_thuc_hien', 'Cách thức thực hiện'],
  ['thanh_phan_ho_so', 'Thành phần hồ sơ'], ['yeu_cau_dieu_kien', 'Yêu cầu, điều kiện thực hiện'],
  ['can_cu_phap_ly', 'Căn cứ pháp lý'], ['ket_qua_xu_ly', 'Kết quả thực hiện'],
  ['thu_tuc_lien_quan', 'Thủ tục hành chính liên quan'],
];

/** JSON with object keys sorted at every level: the same record always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const s = value.trim();
    return s === '' ? undefined : s;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function missing(field: string): { ok: false; problem: RecordProblem } {
  return { ok: false, problem: { code: 'JSONL_MISSING_FIELD', specific: `Thiếu trường "${field}".`, detail: `missing ${field}` } };
}

function pickStrings(record: Record<string, unknown>, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) {
    const v = str(record[k]);
    if (v !== undefined) out[k] = normalizeText(v);
  }
  return out;
}

function procedure(record: Record<string, unknown>, source: string, hash: string): RecordOutcome {
  const code = str(record.ma_thu_tuc);
  if (!code) return missing('ma_thu_tuc');
  const title = str(record.ten_thu_tuc);
  if (!title) return missing('ten_thu_tuc');
  const raw = str(record.raw_text)
    ?? PROCEDURE_FIELDS.flatMap(([k, label]) => (str(record[k]) ? [`${label}: ${str(record[k])}`] : [])).join('\n\n');
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) fields[k] = typeof v === 'string' ? normalizeText(v) : v;
  const issuer = str(record.co_quan_co_tham_quyen) ?? str(record.co_quan_thuc_hien);
  const meta: Partial<DocumentMeta> = {
    title: normalizeText(title), type: 'thủ tục', number: code, audience: 'public', status: 'in_force',
    extra: pickStrings(record, ['cap_thuc_hien', 'linh_vuc', 'detail_url']),
    ...(issuer ? { issuer: normalizeText(issuer) } : {}),
  };
  return { ok: true, doc: { sourceId: code, source, text: normalizeText(raw), meta, kind: 'procedure', procedure: fields, contentHash: hash } };
}

function legalArticle(record: Record<string, unknown>, source: string, hash: string): RecordOutcome {
  const lawId = str(record.law_id);
  const articleId = str(record.article_id);
  if (!lawId) return missing('law_id');
  if (!articleId) return missing('article_id');
  const text = str(record.text);
  if (!text) return missing('text');
  const articleTitle = str(record.title);
  const law = normalizeText(lawId);
  const meta: Partial<DocumentMeta> = {
    title: `${law} — Điều ${articleId}${articleTitle ? `. ${normalizeText(articleTitle)}` : ''}`,
    type: law.startsWith('Bộ luật') ? 'bộ luật' : 'luật',
    audience: 'public', status: 'in_force', extra: { law_id: law, article_id: articleId },
  };
  const sourceId = str(record.doc_id) ?? `${lawId}#${articleId}`;
  return { ok: true, doc: { sourceId, source, text: normalizeText(text), meta, kind: 'legal-article', contentHash: hash } };
}

function generic(record: Record<string, unknown>, source: string, hash: string): RecordOutcome {
  const id = str(record.id) ?? str(record.doc_id);
  if (!id) return missing('id');
  const text = str(record.text);
  if (!text) return missing('text');
  const present = Object.fromEntries(META_FIELDS.filter((k) => record[k] !== undefined && record[k] !== null).map((k) => [k, record[k]]));
  const checked = checkMeta(present);
  if (!checked.ok) {
    return { ok: false, problem: { code: 'METADATA_INVALID', specific: badFieldsMessage(checked.fields), detail: checked.detail } };
  }
  const meta = checked.meta;
  const doc: LoadedDocument = { sourceId: id, source, text: normalizeText(text), kind: 'document', contentHash: hash };
  if (Object.keys(meta).length > 0) doc.meta = meta;
  return { ok: true, doc };
}

/** Turns one parsed JSONL record into a document, recognising its shape by its fields. */
export function recordToDocument(record: Record<string, unknown>, source: string): RecordOutcome {
  const hash = createHash('sha256').update(canonicalJson(record)).digest('hex');
  const outcome = 'ma_thu_tuc' in record && 'ten_thu_tuc' in record ? procedure(record, source, hash)
    : 'law_id' in record && 'article_id' in record ? legalArticle(record, source, hash)
      : generic(record, source, hash);
  if (outcome.ok) outcome.doc.fields = scalarFields(record);
  return outcome;
}

/** The record's top-level strings, numbers and booleans, as text. */
function scalarFields(record: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(record)) {
    if (typeof v === 'string') out[k] = v;
    else if (typeof v === 'number' || typeof v === 'boolean') out[k] = String(v);
  }
  return out;
}
