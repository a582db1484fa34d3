/**
 * The answerer's test corpus: a slice of the real TTHC catalogue picked by features (a fee
 * in đồng, deadlines that differ per channel, a list of papers, a fee the catalogue does
 * not state), the five real seed documents with their sidecar metadata, one internal
 * document and a superseded/replacement pair. Tests may read files; core code may not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Chunk, DocumentMeta } from '../../model.ts';
import { readProcedures, readSeed } from '../../structure/testing/fixtures.ts';
import { MemoryCorpus, procedureDocument, textDocument, type IndexedDocument } from './memory-corpus.ts';

const CORPORA = new URL('../../../corpora/quang-ngai/', import.meta.url);

/** Procedures indexed besides the featured ones, so retrieval has real competition. */
const DISTRACTORS = 150;

const field = (d: IndexedDocument, label: string): Chunk[] => d.chunks.filter((c) => c.sectionLabel === label);

/** `Trực tiếp: 7 ngày làm việc; …` → [channel, value] pairs, read independently of the answerer. */
export function channelPairs(text: string): Array<[string, string]> {
  return [...text.matchAll(/(Trực tiếp|Trực tuyến|Dịch vụ bưu chính): ([^;]+?)(?=;|\.$|$)/gu)].map((m) => [m[1]!, m[2]!.trim()]);
}

/** Procedures picked by what their fields look like. */
export interface FeaturedProcedures {
  /** Its `Lệ phí` states an amount in đồng. */
  fee: IndexedDocument;
  /** Its `Thời hạn giải quyết` differs per channel, one value per channel. */
  timeByChannel: IndexedDocument;
  /** One `Thành phần hồ sơ` chunk with at least three listed papers, and a `Lệ phí` field. */
  papers: IndexedDocument;
  /** Its `Lệ phí` says the catalogue has no information, for every channel. */
  noFeeInfo: IndexedDocument;
}

function pick(all: IndexedDocument[], test: (d: IndexedDocument) => boolean, what: string, taken: Set<string>): IndexedDocument {
  const found = all.find((d) => !taken.has(d.record.id) && test(d));
  if (!found) throw new Error(`no procedure with ${what}`);
  taken.add(found.record.id);
  return found;
}

/** Pick the featured procedures from the whole catalogue. */
export function featuredProcedures(all: IndexedDocument[]): FeaturedProcedures {
  const taken = new Set<string>();
  const titles = new Map<string, number>();
  for (const d of all) titles.set(d.record.title, (titles.get(d.record.title) ?? 0) + 1);
  // Titles shared by several procedures (levels of government) cannot be told apart by a question.
  const unique = (d: IndexedDocument): boolean => titles.get(d.record.title) === 1;
  return {
    fee: pick(all, (d) => unique(d) && field(d, 'Lệ phí').some((c) => /\d[\d.]* đồng/u.test(c.text)), 'a fee in đồng', taken),
    timeByChannel: pick(all, (d) => {
      const t = field(d, 'Thời hạn giải quyết');
      const pairs = t.length === 1 ? channelPairs(t[0]!.text.split('\n')[1] ?? '') : [];
      const channels = new Set(pairs.map((p) => p[0]));
      return unique(d) && pairs.length >= 2 && channels.size === pairs.length && new Set(pairs.map((p) => p[1])).size > 1;
    }, 'deadlines per channel', taken),
    papers: pick(all, (d) => {
      const p = field(d, 'Thành phần hồ sơ');
      return unique(d) && p.length === 1 && (p[0]!.text.match(/^- /gmu) ?? []).length >= 3 && field(d, 'Lệ phí').length === 1;
    }, 'a list of papers', taken),
    noFeeInfo: pick(all, (d) => {
      const f = field(d, 'Lệ phí');
      return unique(d) && f.length === 1 && /^Lệ phí: Phí, lệ phí: Không có thông tin \(/mu.test(f[0]!.text) && !/đồng|miễn phí/iu.test(f[0]!.text);
    }, 'no fee information', taken),
  };
}

/** The seed documents with the metadata of their sidecars in corpora/quang-ngai. */
export function seedDocuments(): IndexedDocument[] {
  const metas = readdirSync(CORPORA).filter((f) => f.endsWith('.meta.json'))
    .map((f) => JSON.parse(readFileSync(new URL(f, CORPORA), 'utf8')) as Partial<DocumentMeta>);
  return metas.map((meta) => {
    const seed = meta.extra?.seed ?? '';
    return textDocument(seed, readSeed(seed.slice(0, 3)), meta);
  });
}

/** An internal plan (officials only). */
export const INTERNAL_PLAN = {
  sourceId: 'noi-bo/ke-hoach-thi-diem-tro-ly-ao.txt',
  title: 'Triển khai thí điểm trợ lý ảo nội bộ hỗ trợ cán bộ tra cứu văn bản điều hành',
  text: `ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI
Số: 27/KH-UBND

Quảng Ngãi, ngày 15 tháng 3 năm 2026
KẾ HOẠCH
Triển khai thí điểm trợ lý ảo nội bộ hỗ trợ cán bộ tra cứu văn bản điều hành
I. MỤC ĐÍCH, YÊU CẦU
1. Thí điểm trợ lý ảo nội bộ tại Văn phòng Ủy ban nhân dân tỉnh và 05 sở, ngành từ tháng 4/2026 đến tháng 9/2026.
2. Kinh phí thực hiện thí điểm là 850 triệu đồng từ nguồn ngân sách tỉnh.
II. TỔ CHỨC THỰC HIỆN
Sở Khoa học và Công nghệ chủ trì, phối hợp Văn phòng Ủy ban nhân dân tỉnh triển khai thí điểm; báo cáo kết quả trước ngày 30/10/2026.
`,
};

/** A decision replaced by a later one. */
export const OLD_DECISION = {
  sourceId: 'quyet-dinh-12-qd-ubnd-2024.txt',
  text: `ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI
Số: 12/QĐ-UBND

Quảng Ngãi, ngày 10 tháng 01 năm 2024
QUYẾT ĐỊNH
Ban hành Quy chế tiếp nhận phản ánh, kiến nghị của người dân qua đường dây nóng
Điều 1. Đường dây nóng tiếp nhận phản ánh, kiến nghị hoạt động từ 7 giờ đến 17 giờ các ngày làm việc.
Điều 2. Phản ánh, kiến nghị được chuyển cơ quan có thẩm quyền trong thời hạn 02 ngày làm việc.
`,
};

export const NEW_DECISION = {
  sourceId: 'quyet-dinh-45-qd-ubnd-2025.txt',
  text: `ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI
Số: 45/QĐ-UBND

Quảng Ngãi, ngày 20 tháng 5 năm 2025
QUYẾT ĐỊNH
Ban hành Quy chế mới về tổng đài tiếp nhận phản ánh của người dân
Điều 1. Tổng đài tiếp nhận phản ánh hoạt động 24 giờ tất cả các ngày trong tuần.
`,
};

/** Everything the answerer tests search. */
export interface AnswerFixtures {
  corpus: MemoryCorpus;
  featured: FeaturedProcedures;
  seeds: IndexedDocument[];
  internal: IndexedDocument;
  oldDecision: IndexedDocument;
  newDecision: IndexedDocument;
}

let cached: AnswerFixtures | undefined;

/** Build (once per test file) the corpus and the documents the tests refer to. */
export function answerFixtures(): AnswerFixtures {
  if (cached) return cached;
  const all = readProcedures().filter((r) => typeof r.ma_thu_tuc === 'string' && typeof r.ten_thu_tuc === 'string').map(procedureDocument);
  const featured = featuredProcedures(all);
  const featuredIds = new Set(Object.values(featured).map((d) => d.record.id));
  const distractors = all.filter((d) => !featuredIds.has(d.record.id)).slice(0, DISTRACTORS);
  const seeds = seedDocuments();
  const internal = textDocument(INTERNAL_PLAN.sourceId, INTERNAL_PLAN.text, { audience: 'internal' });
  const newDecision = textDocument(NEW_DECISION.sourceId, NEW_DECISION.text);
  const oldDecision = textDocument(OLD_DECISION.sourceId, OLD_DECISION.text, { status: 'superseded', supersededBy: newDecision.record.id });
  const corpus = new MemoryCorpus([...Object.values(featured), ...distractors, ...seeds, internal, oldDecision, newDecision]);
  cached = { corpus, featured, seeds, internal, oldDecision, newDecision };
  return cached;
}
