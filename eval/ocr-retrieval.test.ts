import { describe, expect, it } from 'vitest';
import type { RankingScores } from './metrics.ts';
import { ocrRetrievalSection, type OcrRetrievalResult } from './ocr-retrieval.ts';

const scores = (mrrAt10: number): RankingScores => ({ questions: 10, recallAt1: 0.8, recallAt5: 0.9, recallAt10: 1, mrrAt10, ndcgAt10: 0.9 });

describe('ocrRetrievalSection', () => {
  it('gives each OCR copy its MRR difference from the text copy and whether it is within 0.02', () => {
    const result: OcrRetrievalResult = {
      questions: 10,
      catalog: false,
      copies: [
        { name: 'text', documents: 5, scores: scores(0.9) },
        { name: 'close', documents: 5, pages: 46, cer: 0.0012, scores: scores(0.885) },
        { name: 'far', documents: 5, pages: 46, cer: 0.03, scores: scores(0.85) },
        { name: 'better', documents: 5, pages: 46, cer: 0.001, scores: scores(0.91) },
      ],
    };
    const rows = ocrRetrievalSection(result, 'Command: x').split('\n').filter((l) => l.startsWith('| ')).slice(1)
      .map((r) => r.split('|').map((c) => c.trim()));
    // name, CER, MRR@10, Δ, verdict
    expect(rows.map((c) => [c[1], c[3], c[7], c[8], c[9]])).toEqual([
      ['text', '–', '0.900', '–', ''],
      ['close', '0.12 %', '0.885', '−0.015', 'yes'],
      ['far', '3.00 %', '0.850', '−0.050', 'no'],
      ['better', '0.10 %', '0.910', '+0.010', 'yes'],
    ]);
  });
});
