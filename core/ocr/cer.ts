/**
 * Character error rate of recognised text against the text that was printed: the edit
 * distance (insertions, deletions, substitutions of Unicode code points) divided by the
 * length of the reference. Both sides are NFC-normalised and their white space collapsed
 * to single spaces first, so line breaks and layout do not count as errors.
 */

/** NFC, white space runs as one space, trimmed. */
export function canonicalForCer(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Levenshtein distance between two code-point arrays, in O(n·m) time and O(m) memory. */
export function editDistance(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1]! + (ai === b[j - 1] ? 0 : 1);
      cur[j] = Math.min(sub, prev[j]! + 1, cur[j - 1]! + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** Edits and reference length of `hypothesis` against `reference`, for summing over pages. */
export function cerCounts(reference: string, hypothesis: string): { edits: number; length: number } {
  const ref = [...canonicalForCer(reference)];
  const hyp = [...canonicalForCer(hypothesis)];
  return { edits: editDistance(ref, hyp), length: ref.length };
}

/** Character error rate (0 = perfect); 0 for an empty reference and empty hypothesis. */
export function characterErrorRate(reference: string, hypothesis: string): number {
  const { edits, length } = cerCounts(reference, hypothesis);
  return length === 0 ? (edits === 0 ? 0 : 1) : edits / length;
}
