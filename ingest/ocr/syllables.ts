/** The syllable counts of core/ocr/syllables.vi.json (scripts/make-syllables.ts), loaded once. */
import type { SyllableCounts } from '../../core/ocr/tone-repair.ts';

let counts: Promise<SyllableCounts> | undefined;

/** Syllable → count, for OCR tone repair. */
export function syllableCounts(): Promise<SyllableCounts> {
  counts ??= import('../../core/ocr/syllables.vi.json', { with: { type: 'json' } })
    .then((m) => new Map(Object.entries(m.default as Record<string, number>)));
  return counts;
}
