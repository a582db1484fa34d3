import { describe, expect, it } from 'vitest';
import { layoutWords, meanConfidence, pageFromTsv, parseTsv, type OcrWord } from './tsv.ts';

const HEADER = 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';

function row(w: Partial<OcrWord> & { text: string; left: number }): string {
  const x = { page: 1, block: 1, paragraph: 1, line: 1, top: 100, width: 80, height: 40, confidence: 90, ...w };
  return ['5', x.page, x.block, x.paragraph, x.line, 1, x.left, x.top, x.width, x.height, x.confidence, x.text].join('\t');
}

describe('Tesseract TSV', () => {
  it('reads word rows and ignores page, block and line rows', () => {
    const tsv = [HEADER, '1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t', row({ text: 'Quyết', left: 10 }), row({ text: 'định', left: 100, confidence: 80 })].join('\n');
    expect(parseTsv(tsv).map((w) => [w.text, w.confidence])).toEqual([['Quyết', 90], ['định', 80]]);
  });

  it('weights the mean confidence by word length', () => {
    const words = parseTsv([HEADER, row({ text: 'Điều', left: 0, confidence: 100 }), row({ text: '1', left: 90, confidence: 50 })].join('\n'));
    expect(meanConfidence(words)).toBeCloseTo((4 * 100 + 50) / 5, 5);
    expect(meanConfidence([])).toBeUndefined();
  });

  it('cuts a line at a gap of several line heights and reads a two-column header column by column', () => {
    const tsv = [
      HEADER,
      row({ text: 'ỦY BAN NHÂN DÂN', left: 100, width: 400, line: 1 }),
      row({ text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', left: 900, width: 900, line: 1 }),
      row({ text: 'TỈNH QUẢNG NGÃI', left: 110, width: 380, line: 2, block: 2 }),
      row({ text: 'Độc lập - Tự do - Hạnh phúc', left: 1000, width: 700, line: 2, block: 2 }),
      row({ text: 'QUYẾT', left: 700, width: 150, line: 3, block: 3 }),
      row({ text: 'ĐỊNH', left: 870, width: 120, line: 3, block: 3 }),
    ].join('\n');
    expect(pageFromTsv(tsv).text.split('\n')).toEqual([
      'ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG NGÃI', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', '', 'QUYẾT ĐỊNH',
    ]);
  });

  it('keeps words of one line together when the gaps are ordinary', () => {
    const words = parseTsv([HEADER, row({ text: 'Lệ', left: 0, width: 40 }), row({ text: 'phí', left: 60, width: 60 })].join('\n'));
    expect(layoutWords(words)).toBe('Lệ phí');
  });
});
