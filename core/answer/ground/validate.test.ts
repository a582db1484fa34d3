import { describe, expect, it } from 'vitest';
import type { Citation } from '../../model.ts';
import { markerNumbers, renumberCitations, splitAnswerSentences, StreamingValidator, validateAnswer } from './validate.ts';

const passages = [
  'Lệ phí đăng ký thường trú: 20.000 đồng/lần. Thời hạn giải quyết: 07 ngày làm việc.',
  'Hồ sơ nộp tại Bộ phận Một cửa UBND cấp xã hoặc trên dichvucong.gov.vn. Kế hoạch số 83/KH-UBND ngày 04/6/2021.',
];

function citation(n: number, docId = `doc-${n}`): Citation {
  return { n, docId, sourceId: docId, title: `Văn bản ${n}`, section: 'Lệ phí', quote: 'trích dẫn' };
}

describe('splitAnswerSentences', () => {
  it('keeps markers after the full stop with their sentence', () => {
    expect(splitAnswerSentences('Lệ phí là 20.000 đồng. [1] Thời hạn là 7 ngày [1].')).toEqual([
      'Lệ phí là 20.000 đồng. [1]', 'Thời hạn là 7 ngày [1].',
    ]);
  });

  it('does not split inside numbers or after abbreviations', () => {
    expect(splitAnswerSentences('Nộp tại TP. Quảng Ngãi, lệ phí 1.500.000 đồng [1]. Xong.')).toEqual([
      'Nộp tại TP. Quảng Ngãi, lệ phí 1.500.000 đồng [1].', 'Xong.',
    ]);
  });
});

describe('validateAnswer', () => {
  it('keeps an answer whose facts are in the passages it cites', () => {
    const answer = 'Lệ phí là 20.000 đồng [1]. Thời hạn giải quyết là 7 ngày làm việc [1].';
    const result = validateAnswer(answer, [citation(1), citation(2)], passages);
    expect(result).toEqual({ text: answer, droppedSentences: [], invalidMarkers: [], ok: true });
  });

  it('drops a sentence with a fee that its cited passage does not state', () => {
    const result = validateAnswer('Lệ phí là 999.000 đồng [1]. Hồ sơ nộp tại Bộ phận Một cửa [2].', [], passages);
    expect(result.text).toBe('Hồ sơ nộp tại Bộ phận Một cửa [2].');
    expect(result.droppedSentences).toEqual(['Lệ phí là 999.000 đồng [1].']);
    expect(result.ok).toBe(false);
  });

  it('drops a sentence whose fact is in another passage than the one it cites', () => {
    const result = validateAnswer('Kế hoạch số 83/KH-UBND [1].', [], passages);
    expect(result.text).toBe('');
    expect(result.droppedSentences).toEqual(['Kế hoạch số 83/KH-UBND [1].']);
  });

  it('checks an uncited sentence against all passages', () => {
    expect(validateAnswer('Theo Kế hoạch 83/KH-UBND, lệ phí là 20.000 đồng.', [], passages).ok).toBe(true);
    expect(validateAnswer('Lệ phí là 30.000 đồng.', [], passages).droppedSentences).toEqual(['Lệ phí là 30.000 đồng.']);
  });

  it('drops sentences citing a source that was not given and reports the marker', () => {
    const result = validateAnswer('Lệ phí là 20.000 đồng [1]. Có thể nộp trực tuyến [7]. Xem thêm [2, 9].', [], passages);
    expect(result.text).toBe('Lệ phí là 20.000 đồng [1].');
    expect(result.invalidMarkers).toEqual([7, 9]);
    expect(result.droppedSentences).toEqual(['Có thể nộp trực tuyến [7].', 'Xem thêm [2, 9].']);
  });

  it('treats a marker without a matching citation as invalid when citations are given', () => {
    const result = validateAnswer('Nộp tại Bộ phận Một cửa [2].', [citation(1)], passages);
    expect(result.invalidMarkers).toEqual([2]);
    expect(result.text).toBe('');
  });

  it('keeps the line structure of a list and removes emptied lines', () => {
    const answer = 'Thông tin thủ tục:\n- Lệ phí: 20.000 đồng [1].\n- Lệ phí ưu tiên: 50.000 đồng [1].\n- Thời hạn: 7 ngày làm việc [1].';
    const result = validateAnswer(answer, [], passages);
    expect(result.text).toBe('Thông tin thủ tục:\n- Lệ phí: 20.000 đồng [1].\n- Thời hạn: 7 ngày làm việc [1].');
    expect(result.droppedSentences).toEqual(['- Lệ phí ưu tiên: 50.000 đồng [1].']);
  });

  it('returns empty text when every sentence fails', () => {
    const result = validateAnswer('Lệ phí là 1.000.000 đồng [1]. Hạn 30 ngày [2].', [], passages);
    expect(result.text).toBe('');
    expect(result.droppedSentences).toHaveLength(2);
  });
});

describe('renumberCitations', () => {
  it('keeps only referenced citations, numbered by first reference', () => {
    const result = renumberCitations('Hồ sơ nộp tại xã [3]. Lệ phí 20.000 đồng [1][3]. Xem [1, 3].', [citation(1), citation(2), citation(3)]);
    expect(result.text).toBe('Hồ sơ nộp tại xã [1]. Lệ phí 20.000 đồng [2][1]. Xem [2, 1].');
    expect(result.citations.map((c) => [c.n, c.docId])).toEqual([[1, 'doc-3'], [2, 'doc-1']]);
  });

  it('removes markers that name no citation', () => {
    const result = renumberCitations('Nộp tại xã [4]. Lệ phí [2].', [citation(2)]);
    expect(result.text).toBe('Nộp tại xã. Lệ phí [1].');
    expect(markerNumbers(result.text)).toEqual([1]);
  });
});

describe('StreamingValidator', () => {
  it('emits each sentence once it is complete, checked and renumbered, across pieces and lines', () => {
    const gate = new StreamingValidator([citation(1), citation(2)], passages);
    const out: string[] = [];
    for (const piece of ['Hồ sơ nộp tại Bộ phận Một cửa [2', ']. Lệ phí là 20.0', '00 đồng [1].\nThời hạn là 99 ngày [1]. ', 'Thời hạn là 07 ngày làm việc [1].']) {
      const emitted = gate.push(piece);
      if (emitted) out.push(emitted);
    }
    const rest = gate.end();
    if (rest) out.push(rest);
    expect(out).toEqual(['Hồ sơ nộp tại Bộ phận Một cửa [1].', ' Lệ phí là 20.000 đồng [2].\n', 'Thời hạn là 07 ngày làm việc [2].']);
    expect(gate.text).toBe('Hồ sơ nộp tại Bộ phận Một cửa [1]. Lệ phí là 20.000 đồng [2].\nThời hạn là 07 ngày làm việc [2].');
    expect(gate.cited.map((c) => [c.n, c.docId])).toEqual([[1, 'doc-2'], [2, 'doc-1']]);
    expect(gate.droppedSentences).toEqual(['Thời hạn là 99 ngày [1].']);
    expect(gate.ok).toBe(false);
  });
});
