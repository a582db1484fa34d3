/**
 * The syllable counts of core/ocr/syllables.vi.json (scripts/make-syllables.ts) and the
 * syllable-pair counts of core/ocr/syllable-pairs.vi.json (scripts/make-syllable-pairs.ts),
 * each loaded once.
 */
import type { PairCounts } from '../../core/ocr/pair-repair.ts';
import type { SyllableCounts } from '../../core/ocr/tone-repair.ts';

let counts: Promise<SyllableCounts> | undefined;
let pairs: Promise<PairCounts> | undefined;

/** Syllable → count, for OCR tone repair. */
export function syllableCounts(): Promise<SyllableCounts> {
  counts ??= import('../../core/ocr/syllables.vi.json', { with: { type: 'json' } })
    .then((m) => new Map(Object.entries(m.default as Record<string, number>)));
  return counts;
}

/** "syllable syllable" → count, for the OCR word-pair repair. */
export function syllablePairCounts(): Promise<PairCounts> {
  pairs ??= import('../../core/ocr/syllable-pairs.vi.json', { with: { type: 'json' } })
    .then((m) => new Map(Object.entries(m.default as Record<string, number>)));
  return pairs;
}
