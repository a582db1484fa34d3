import { describe, expect, it } from 'vitest';
import type { LoadedDocument } from '../core/ports.ts';
import { recordToDocument } from './loaders/records.ts';
import { structureDocument } from './structure-step.ts';

function fromRecord(record: Record<string, unknown>): LoadedDocument {
  const outcome = recordToDocument(record, 'records.jsonl#L1');
  if (!outcome.ok) throw new Error(outcome.problem.detail);
  return outcome.doc;
}

function fromFile(text: string): LoadedDocument {
  return { sourceId: 'bao-cao.txt', source: 'corpora/bao-cao.txt', text, kind: 'document', contentHash: 'h' };
}

const PROCEDURE = {
  ma_thu_tuc: '1.000178', ten_thu_tuc: 'Đăng ký khai sinh', linh_vuc: 'Hộ tịch', cap_thuc_hien: 'Cấp xã',
  thanh_phan_ho_so: 'Tờ khai đăng ký khai sinh theo mẫu.', phi_le_phi_parsed: [{ amount: 0 }],
};
const ARTICLE = { law_id: 'Luật Cư trú', article_id: '20', title: 'Điều kiện đăng ký thường trú', text: 'Điều kiện đăng ký thường trú\n\nCông dân có chỗ ở hợp pháp thì được đăng ký thường trú.' };
const RECORD = { id: 'BC-7', title: 'Báo cáo tình hình', text: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\nBÁO CÁO\nTình hình kinh tế quý I.' };

function skippedCode(doc: LoadedDocument): string | undefined {
  const built = structureDocument(doc);
  return built.ok ? undefined : built.skipped.code;
}

describe('structureDocument: the secrecy check every loaded document passes', () => {
  it('indexes unmarked documents of every shape', () => {
    for (const doc of [fromRecord(PROCEDURE), fromRecord(ARTICLE), fromRecord(RECORD), fromFile(RECORD.text)]) {
      expect(structureDocument(doc).ok, doc.sourceId).toBe(true);
    }
  });

  it('keeps out a catalog procedure marked in its text, its title or a field', () => {
    expect(skippedCode(fromRecord({ ...PROCEDURE, raw_text: 'TUYỆT MẬT\nĐăng ký khai sinh\nTên thủ tục: Đăng ký khai sinh' }))).toBe('SECRET_MARKING');
    expect(skippedCode(fromRecord({ ...PROCEDURE, ten_thu_tuc: '[MẬT] Đăng ký khai sinh' }))).toBe('SECRET_MARKING');
    expect(skippedCode(fromRecord({ ...PROCEDURE, do_mat: 'Mật' }))).toBe('SECRET_MARKING');
  });

  it('keeps out a law-article record stamped at its top or classified by a field', () => {
    expect(skippedCode(fromRecord({ ...ARTICLE, text: `ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI     TUYỆT MẬT\n${ARTICLE.text}` }))).toBe('SECRET_MARKING');
    expect(skippedCode(fromRecord({ ...ARTICLE, classification: 'secret' }))).toBe('SECRET_MARKING');
  });

  it('keeps out a generic record marked in a two-column header, and a file likewise', () => {
    const header = 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI TUYỆT MẬT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBÁO CÁO\nTình hình an ninh.';
    expect(skippedCode(fromRecord({ ...RECORD, text: header }))).toBe('SECRET_MARKING');
    expect(skippedCode(fromRecord({ ...RECORD, secrecy: 'Tối mật' }))).toBe('SECRET_MARKING');
    expect(skippedCode(fromFile(header))).toBe('SECRET_MARKING');
  });

  it('names the marking and where it stands in the Vietnamese reason', () => {
    const built = structureDocument(fromFile('SỐ: 12/QĐ-UBND    MẬT\nQUYẾT ĐỊNH\nVề việc phê duyệt.'));
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.skipped.message).toBe(
      'Văn bản có dấu chỉ độ mật; không được đưa vào chỉ mục. Dấu độ mật "MẬT" ở dòng 1 phần đầu văn bản: "SỐ: 12/QĐ-UBND    MẬT". (bao-cao.txt)',
    );
    expect(built.skipped.source).toBe('corpora/bao-cao.txt');
  });
});
