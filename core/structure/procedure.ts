/**
 * An administrative procedure (thủ tục hành chính) from the national catalogue export:
 * clean fields, recovered tables, and one readable Vietnamese section per field, so that a
 * citation can point at `Thành phần hồ sơ`, `Lệ phí` or `Thời hạn giải quyết`.
 */
import type { Chunk } from '../model.ts';
import { factsOfRows, type ProcedureFacts } from './procedure-facts.ts';
import { feeSectionText, placeSectionText, timeSectionText } from './procedure-section-text.ts';
import {
  parseChannelRows, parseLegalBases, parsePaperGroups, parseResults, tidy,
  type ChannelRow, type LegalBasis, type PaperGroup,
} from './procedure-tables.ts';
import { splitText } from './sentence-split.ts';

export type { Channel, ChannelRow, Deadline, Fee, LegalBasis, Paper, PaperGroup } from './procedure-tables.ts';

export interface ProcedureFields {
  code: string;
  name: string;
  /** Cấp thực hiện. */
  level?: string;
  /** Lĩnh vực. */
  field?: string;
  /** Đối tượng thực hiện. */
  subjects?: string;
  /** Cơ quan thực hiện / có thẩm quyền / được ủy quyền / phối hợp. */
  agency?: string;
  competentAgency?: string;
  delegatedAgency?: string;
  coordinatingAgency?: string;
  /** Địa chỉ tiếp nhận hồ sơ. */
  address?: string;
  /** Trình tự thực hiện. */
  steps?: string;
  channels: ChannelRow[];
  paperGroups: PaperGroup[];
  /** Yêu cầu, điều kiện. */
  conditions?: string;
  legalBases: LegalBasis[];
  results: string[];
  /** Thời hạn giải quyết, summarised over the channels. */
  deadlineSummary?: string;
  /** Phí, lệ phí, summarised over the channels. */
  feeSummary?: string;
}

/** One field as readable text; `key` is stable, `label` is the citation label. */
export interface ProcedureSection {
  key: string;
  label: string;
  text: string;
}

const NO_INFO = 'Không có thông tin';

/** Parse one catalogue record (fields as in procedures.jsonl). Never throws on odd values. */
export function parseProcedure(record: Record<string, unknown>): { fields: ProcedureFields; sections: ProcedureSection[]; facts: ProcedureFacts } {
  const str = (k: string): string | undefined => {
    const v = record[k];
    const t = typeof v === 'string' ? tidy(v) : '';
    return t && t !== NO_INFO ? t : undefined;
  };
  const channels = parseChannelRows(typeof record.cach_thuc_thuc_hien === 'string' ? record.cach_thuc_thuc_hien : '');
  const fields: ProcedureFields = {
    code: str('ma_thu_tuc') ?? '',
    name: str('ten_thu_tuc') ?? '',
    channels,
    paperGroups: parsePaperGroups(typeof record.thanh_phan_ho_so === 'string' ? record.thanh_phan_ho_so : ''),
    legalBases: parseLegalBases(typeof record.can_cu_phap_ly === 'string' ? record.can_cu_phap_ly : ''),
    results: parseResults(typeof record.ket_qua_xu_ly === 'string' ? record.ket_qua_xu_ly : ''),
  };
  const optional: Array<[keyof ProcedureFields, string]> = [
    ['level', 'cap_thuc_hien'], ['field', 'linh_vuc'], ['subjects', 'doi_tuong_thuc_hien'],
    ['agency', 'co_quan_thuc_hien'], ['competentAgency', 'co_quan_co_tham_quyen'],
    ['delegatedAgency', 'co_quan_duoc_uy_quyen'], ['coordinatingAgency', 'co_quan_phoi_hop'],
    ['address', 'dia_chi_tiep_nhan'], ['steps', 'trinh_tu_thuc_hien'], ['conditions', 'yeu_cau_dieu_kien'],
  ];
  for (const [key, column] of optional) {
    const v = str(column);
    if (v) (fields as unknown as Record<string, string>)[key] = v;
  }
  const deadline = summarise(channels, deadlineText);
  if (deadline) fields.deadlineSummary = deadline;
  const fee = summarise(channels, feeText);
  if (fee) fields.feeSummary = fee;
  const facts = factsOfRows(record, channels);
  return { fields, sections: procedureSections(fields, facts), facts };
}

function deadlineText(row: ChannelRow): string | undefined {
  if (row.deadline) return row.deadline.unit ? row.deadline.text : `${row.deadline.text} (không ghi đơn vị)`;
  return row.deadlineNote;
}

function feeText(row: ChannelRow): string {
  const note = row.fee.note ? ` (${row.fee.note})` : '';
  if (row.fee.kind === 'free') return `miễn phí${note}`;
  if (row.fee.kind === 'amount') return `lệ phí ${row.fee.amount ?? ''}${note}`;
  return `không có thông tin về phí, lệ phí${note}`;
}

/** One value for all channels when they agree, else `Trực tiếp: …; Trực tuyến: …`. */
function summarise(rows: ChannelRow[], pick: (r: ChannelRow) => string | undefined): string | undefined {
  const values = rows.map((r) => ({ channel: r.channel, value: pick(r) })).filter((v): v is { channel: ChannelRow['channel']; value: string } => !!v.value);
  if (values.length === 0) return undefined;
  const distinct = [...new Set(values.map((v) => v.value))];
  if (distinct.length === 1) return `${distinct[0]} (${values.map((v) => v.channel.toLowerCase()).join(', ')})`;
  return values.map((v) => `${v.channel}: ${v.value}`).join('; ');
}

function sentence(s: string): string {
  const t = s.trim();
  return /[.!?]$/u.test(t) ? t : `${t}.`;
}

function procedureSections(f: ProcedureFields, facts: ProcedureFacts): ProcedureSection[] {
  const out: ProcedureSection[] = [];
  const add = (key: string, label: string, text: string | undefined): void => {
    if (text && text.trim()) out.push({ key, label, text: text.trim() });
  };
  const general = [
    f.code && `Mã thủ tục: ${f.code}.`, f.level && `Cấp thực hiện: ${f.level}.`, f.field && `Lĩnh vực: ${f.field}.`,
  ].filter(Boolean).join(' ');
  add('thong-tin-chung', 'Thông tin chung', general);
  add('trinh-tu', 'Trình tự thực hiện', f.steps);
  add('cach-thuc', 'Cách thức thực hiện', f.channels.map(channelLine).join('\n'));
  add('thanh-phan-ho-so', 'Thành phần hồ sơ', papersText(f.paperGroups));
  add('thoi-han', 'Thời hạn giải quyết', timeSectionText(facts));
  add('le-phi', 'Lệ phí', feeSectionText(facts));
  add('co-quan', 'Cơ quan thực hiện', placeSectionText(facts.place));
  add('dia-chi', 'Địa chỉ tiếp nhận', f.address);
  add('doi-tuong', 'Đối tượng thực hiện', f.subjects && sentence(f.subjects));
  add('yeu-cau', 'Yêu cầu, điều kiện', f.conditions);
  add('can-cu', 'Căn cứ pháp lý', f.legalBases.map((b) => `- ${b.number && !b.name.includes(b.number) ? `${b.name} (số ${b.number})` : b.name}`).join('\n'));
  add('ket-qua', 'Kết quả thực hiện', f.results.map((r) => `- ${r}`).join('\n'));
  return out;
}

/** `Trực tiếp: 7 ngày làm việc; lệ phí 20.000 đồng. Mô tả …` */
export function channelLine(row: ChannelRow): string {
  const deadline = deadlineText(row);
  const head = `${row.channel}: ${deadline ? `thời hạn ${deadline}` : 'không có thông tin về thời hạn'}; ${feeText(row)}.`;
  return row.description ? `${head} ${row.description}` : head;
}

function papersText(groups: PaperGroup[]): string {
  return groups
    .filter((g) => g.papers.length > 0 || g.caption)
    .map((g) => {
      const items = g.papers.map((p) => {
        const template = p.template ? ` (mẫu: ${p.template})` : '';
        // A note the catalogue lists as a paper of no copy (`0 bản chính, 0 bản sao`) gets no count.
        const quantity = p.quantity && ((p.originals ?? 0) > 0 || (p.copies ?? 0) > 0) ? `: ${p.quantity}` : '';
        return `- ${p.name.replace(/[.:;,]+$/u, '')}${template}${quantity}`;
      });
      return [g.caption ? `${g.caption.replace(/[.:;,]+$/u, '')}:` : undefined, ...items].filter(Boolean).join('\n');
    })
    .join('\n');
}

/**
 * One chunk per field (longer fields split at sentence ends within `bounds`), each opening
 * with the procedure's name and the field's label so it is found and cited on its own.
 * `fallbackName`: the loader's text, whose first line names the procedure when the record does not.
 */
export function procedureChunks(docId: string, parsed: { fields: ProcedureFields; sections: ProcedureSection[] }, fallbackName: string, bounds: { max: number; min: number }): Chunk[] {
  const name = parsed.fields.name || fallbackName.split('\n')[0] || docId;
  const chunks: Chunk[] = [];
  for (const section of parsed.sections) {
    const prefix = `${name}\n${section.label}: `;
    for (const range of splitText(section.text, Math.max(bounds.min, bounds.max - prefix.length), bounds.min)) {
      chunks.push({
        id: `${docId}#${chunks.length}`,
        docId,
        sectionPath: [section.key],
        sectionLabel: section.label,
        headingTrail: [name, section.label],
        text: prefix + section.text.slice(range.start, range.end).trim(),
      });
    }
  }
  return chunks;
}
