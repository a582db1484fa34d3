/**
 * The national TTHC catalog export as the census and the trap-set checker read it: raw
 * records, every field kept as the crawl wrote it (the census must see the artefacts the
 * ingest pipeline cleans up).
 */
import { readFile } from 'node:fs/promises';
import { requireDataset } from '../../config/paths.ts';
import { parseJsonl } from './answer-datasets.ts';

/** The catalog fields the census looks at; the export has more, all kept in the object. */
export interface CatalogRecord {
  ma_thu_tuc: string;
  ten_thu_tuc: string;
  cap_thuc_hien: string;
  co_quan_thuc_hien: string;
  co_quan_co_tham_quyen?: string;
  dia_chi_tiep_nhan?: string;
  /** The channel table flattened: `Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp7 Ngày làm việc…`. */
  cach_thuc_thuc_hien: string;
  thanh_phan_ho_so: string;
  detail_url?: string;
  raw_text?: string;
  [field: string]: unknown;
}

/** Read every record of the catalog export (default: ../shared/datasets/tthc/procedures.jsonl). */
export async function loadCatalogRecords(path: string): Promise<CatalogRecord[]> {
  const records = parseJsonl<Record<string, unknown>>(await readFile(requireDataset(path), 'utf8'), path);
  return records.map((r) => {
    const text = (k: string): string => (typeof r[k] === 'string' ? (r[k] as string) : '');
    return { ...r, ma_thu_tuc: text('ma_thu_tuc'), ten_thu_tuc: text('ten_thu_tuc'), cap_thuc_hien: text('cap_thuc_hien'), co_quan_thuc_hien: text('co_quan_thuc_hien'), cach_thuc_thuc_hien: text('cach_thuc_thuc_hien'), thanh_phan_ho_so: text('thanh_phan_ho_so') };
  });
}

/** Every string field of a record (arrays of strings flattened), for looking a fact up anywhere in it. */
export function recordTexts(record: CatalogRecord): string[] {
  return Object.values(record)
    .flatMap((v) => (Array.isArray(v) ? v : [v]))
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '');
}
