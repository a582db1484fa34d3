/**
 * The drafting model: an administrative document in the format of Decree 30/2020/NĐ-CP
 * on văn thư (Nghị định 30/2020/NĐ-CP về công tác văn thư), as structured data that the
 * format checker reads and the .docx writer lays out. Plain data only.
 */
import type { Citation } from '../model.ts';

/** The document types the drafting assistant writes (Phụ lục III of the decree lists their abbreviations). */
export const DRAFT_TYPES = ['công văn', 'tờ trình', 'báo cáo', 'kế hoạch', 'thông báo', 'quyết định', 'giấy mời'] as const;
export type DraftType = (typeof DRAFT_TYPES)[number];

/** Signing authority prefix (Điều 13 khoản 1 of the decree). */
export type SigningAuthority = 'TM.' | 'KT.' | 'TL.' | 'TUQ.' | 'Q.' | '';

/** What the official gives (or the assistant asks for) before a draft can be written. */
export interface DraftFields {
  type: DraftType;
  /** Tên cơ quan, tổ chức chủ quản (the superior body), e.g. "UBND TỈNH QUẢNG NGÃI". Optional. */
  superiorBody?: string;
  /** Tên cơ quan, tổ chức ban hành, e.g. "SỞ KHOA HỌC VÀ CÔNG NGHỆ". */
  issuingBody: string;
  /** Abbreviation of the issuing body used in the ký hiệu, e.g. "SKHCN". */
  issuingBodyCode: string;
  /** How the issuing body names itself in running text ("Sở Khoa học và Công nghệ"); derived from `issuingBody` when absent. */
  issuingBodyName?: string;
  /** Abbreviation of the drafting unit ("VP"): the second part of a công văn's ký hiệu and the "Lưu: VT, VP." line. */
  draftingUnitCode?: string;
  /** Số of the document; left blank ("…") until registered by the văn thư. */
  number?: string;
  /** Place name for "Quảng Ngãi, ngày … tháng … năm …". */
  place: string;
  /** ISO date; when absent the date line is left for the văn thư ("ngày … tháng … năm 20…"). */
  date?: string;
  /** Trích yếu nội dung (for a công văn, what follows "V/v"). */
  subject: string;
  /** Recipients ("Kính gửi" for công văn/tờ trình; nơi nhận for every type). */
  recipients: string[];
  /** Signer's position title, e.g. "GIÁM ĐỐC", and the authority prefix when signing on behalf. */
  signerTitle: string;
  signingAuthority?: SigningAuthority;
  /** For TM./KT.: the collective or the head on whose behalf, e.g. "ỦY BAN NHÂN DÂN" or "GIÁM ĐỐC". */
  onBehalfOf?: string;
  signerName: string;
  /** Deadline or event date mentioned in the body (báo cáo trước ngày …; giấy mời: thời gian). */
  deadline?: string;
  /** Free text of what the official asked for, used to retrieve facts and fill the body. */
  request: string;
}

/** One paragraph or point of the body; `citations` are the sources of the facts it states. */
export interface DraftParagraph {
  text: string;
  /** Heading level for báo cáo/kế hoạch sections (I., 1., a)); 0 for plain paragraphs. */
  level: 0 | 1 | 2 | 3;
  /** True for text the official must complete or check (the embedded drafter marks these). */
  placeholder?: boolean;
  citations?: number[];
}

/** A complete draft, ready for the checker and the .docx writer. */
export interface Draft {
  fields: DraftFields;
  /** "Số: …/CV-SKHCN"-style line content after "Số: ", e.g. "…/SKHCN-VP" or "12/TTr-SKHCN". */
  numberLine: string;
  /** "Quảng Ngãi, ngày 05 tháng 3 năm 2026" or with dots left for the văn thư. */
  placeDateLine: string;
  /** Type name in capitals ("TỜ TRÌNH"); empty for a công văn. */
  typeName: string;
  /** "V/v …" for a công văn, else the trích yếu under the type name. */
  subjectLine: string;
  /** "Kính gửi: …" lines (công văn, tờ trình); empty otherwise. */
  salutation: string[];
  body: DraftParagraph[];
  /** Signature block lines, top to bottom: authority+on behalf, title, (space), name. */
  signature: { authority: string; title: string; name: string };
  /** "Nơi nhận:" list; must end with "Lưu: VT, …". */
  recipientsBlock: string[];
  /** Always true: every generated document is marked DỰ THẢO until signed. */
  draftMark: true;
  /** Sources of the cited facts, numbered like the answer citations. */
  citations: Citation[];
}

/** One problem the format checker found. */
export interface FormatFinding {
  /** Which element: `quoc-hieu`, `so-ky-hieu`, `dia-danh-ngay`, `trich-yeu`, `noi-nhan`, `chu-ky`, … */
  element: string;
  severity: 'error' | 'warning';
  /** Vietnamese, for the official. */
  message: string;
  /** The rule's source in the decree, e.g. "Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.3". */
  rule: string;
}
