/**
 * Where a procedure is done: the level(s) of government (`Cấp thực hiện`), the executing
 * and competent bodies, the receiving address, the submission channels, and the
 * procedure's page on the national portal (the catalogue's detail_url). 302 records say
 * `Không có thông tin` for the cơ quan but give a cấp; the bodies their steps name
 * ("nộp hồ sơ tại Ủy ban nhân dân cấp xã", "Sở Tư pháp nơi …") are kept so that an answer
 * can name the office instead of saying it has none.
 */
import type { Channel } from './procedure-tables.ts';

/** A level of government as the answer writes it. */
export type ProcedureLevel = 'cấp xã' | 'cấp huyện' | 'cấp tỉnh' | 'cấp bộ' | 'cơ quan khác';

export interface ProcedurePlace {
  /** From `cap_thuc_hien` (`Cấp bộ, Cấp tỉnh, Cấp xã`), in the catalogue's order. */
  levels: ProcedureLevel[];
  /** Cơ quan thực hiện, when the catalogue names one. */
  office?: string;
  competentAuthority?: string;
  delegatedAuthority?: string;
  coordinatingAuthority?: string;
  /** Địa chỉ tiếp nhận hồ sơ. */
  address?: string;
  /** Bodies named in Trình tự thực hiện as receiving or deciding (`Ủy ban nhân dân cấp xã`), first mention first. */
  stepOffices: string[];
  /** Submission channels of the channel table. */
  channels: Channel[];
  /** The procedure's page on the national portal (Cổng Dịch vụ công quốc gia). */
  portalUrl?: string;
}

const LEVELS: Array<[RegExp, ProcedureLevel]> = [
  [/cấp\s+xã/iu, 'cấp xã'], [/cấp\s+huyện/iu, 'cấp huyện'], [/cấp\s+tỉnh/iu, 'cấp tỉnh'], [/cấp\s+bộ/iu, 'cấp bộ'], [/cơ\s+quan\s+khác/iu, 'cơ quan khác'],
];
/** A body named in the steps, with its level or its own name. */
const LEVEL_WORDS = String.raw`(?:\s+(?:cấp\s+(?:xã|huyện|tỉnh)|tỉnh|xã|huyện))?`;
const CAPITALISED = String.raw`(?:\s+(?:và\s+)?\p{Lu}\p{Ll}*(?:\s+\p{Ll}+)?)+`;
const OFFICE = new RegExp([
  String.raw`(?:Ủy|Uỷ)\s+ban\s+nhân\s+dân\s+cấp\s+(?:xã|huyện|tỉnh)`,
  String.raw`Trung\s+tâm\s+Phục\s+vụ\s+hành\s+chính\s+công${LEVEL_WORDS}`,
  String.raw`Bộ\s+phận\s+(?:Một\s+cửa|một\s+cửa)${LEVEL_WORDS}`,
  String.raw`Bộ\s+phận\s+[Tt]iếp\s+nhận\s+và\s+[Tt]rả\s+kết\s+quả${LEVEL_WORDS}`,
  String.raw`Công\s+an\s+cấp\s+(?:xã|huyện|tỉnh)`,
  String.raw`Cơ\s+quan\s+đăng\s+ký\s+kinh\s+doanh\s+cấp\s+(?:xã|huyện|tỉnh)`,
  String.raw`(?:Chi\s+nhánh\s+)?Văn\s+phòng\s+[Đđ]ăng\s+ký\s+đất\s+đai`,
  String.raw`Phòng\s+Tư\s+pháp`,
  String.raw`Sở${CAPITALISED}`,
].join('|'), 'gu');
const MAX_STEP_OFFICES = 3;

function text(record: Record<string, unknown>, key: string): string | undefined {
  const v = record[key];
  const t = typeof v === 'string' ? v.replace(/\s+/gu, ' ').trim() : '';
  return t && t !== 'Không có thông tin' ? t : undefined;
}

/** Bodies the steps name, each once (spacing and `Uỷ` normalised), most mentioned first, ties by first mention. */
export function stepOffices(steps: string): string[] {
  const counts = new Map<string, { n: number; first: number }>();
  for (const m of steps.matchAll(OFFICE)) {
    const name = m[0].replace(/\s+/gu, ' ').replace(/^Uỷ/u, 'Ủy').replace(/một cửa/u, 'Một cửa').trim();
    const known = counts.get(name);
    if (known) known.n += 1;
    else counts.set(name, { n: 1, first: m.index ?? 0 });
  }
  return [...counts.entries()].sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first).slice(0, MAX_STEP_OFFICES).map(([name]) => name);
}

/** Parse where a catalogue record's procedure is done. */
export function parseProcedurePlace(record: Record<string, unknown>, channels: readonly Channel[]): ProcedurePlace {
  const cap = text(record, 'cap_thuc_hien') ?? '';
  const levels = cap.split(',').map((p) => LEVELS.find(([re]) => re.test(p))?.[1]).filter((l): l is ProcedureLevel => l !== undefined);
  const url = text(record, 'detail_url');
  const optional: Array<[keyof ProcedurePlace, string]> = [
    ['office', 'co_quan_thuc_hien'], ['competentAuthority', 'co_quan_co_tham_quyen'], ['delegatedAuthority', 'co_quan_duoc_uy_quyen'],
    ['coordinatingAuthority', 'co_quan_phoi_hop'], ['address', 'dia_chi_tiep_nhan'],
  ];
  const place: ProcedurePlace = {
    levels: [...new Set(levels)],
    stepOffices: stepOffices(typeof record.trinh_tu_thuc_hien === 'string' ? record.trinh_tu_thuc_hien : ''),
    channels: [...new Set(channels)],
    ...(url && /^https?:\/\//u.test(url) ? { portalUrl: url } : {}),
  };
  for (const [key, column] of optional) {
    const v = text(record, column);
    if (v) (place as unknown as Record<string, string>)[key] = v;
  }
  return place;
}
