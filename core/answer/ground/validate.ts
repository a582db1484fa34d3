/**
 * Checking a generated answer against the passages it was given: every `[n]` must name a
 * given source, and every number, fee, deadline or date of a sentence must appear in the
 * passages that sentence cites (DESIGN.md, "Grounded answers only"). Sentences that fail
 * are dropped, not repaired.
 */
import type { Citation } from '../../model.ts';
import { unsupportedFacts } from './facts.ts';

/** The outcome of {@link validateAnswer}. */
export interface ValidatedAnswer {
  /** The answer without the dropped sentences (line structure kept, empty lines collapsed). */
  text: string;
  /** Sentences removed, as written. */
  droppedSentences: string[];
  /** Marker numbers that name no given source, ascending, each once. */
  invalidMarkers: number[];
  /** True when the answer passed unchanged: nothing dropped. */
  ok: boolean;
}

/** `[1]`, `[1, 2]`, `[1;3]`. */
const MARKER = /\[\s*(\d+(?:\s*[,;]\s*\d+)*)\s*\]/gu;
/** Words after which a full stop does not end a sentence (`TP. Quảng Ngãi`, `v.v.`). */
const ABBREVIATIONS = new Set(['tp', 'tt', 'ths', 'ts', 'pgs', 'gs', 'bs', 'ks', 'q', 'p', 'tx', 'h', 'x', 'đ/c', 'v.v', 'tr', 'st', 'no', 'số']);
const CLOSERS = '"”’\')';

/** The numbers of every `[n]` marker in `text`, in order, repeats kept. */
export function markerNumbers(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(MARKER)) {
    for (const n of (m[1] ?? '').split(/[,;]/)) out.push(Number(n.trim()));
  }
  return out;
}

/** Whether the `.` at `i` ends a sentence rather than an abbreviation or a number. */
function endsSentence(line: string, i: number): boolean {
  const next = line[i + 1];
  if (next !== undefined && !/[\s[]/u.test(next) && !CLOSERS.includes(next)) return false;
  if (line[i] !== '.') return true;
  const word = /(\S+)$/u.exec(line.slice(0, i))?.[1] ?? '';
  return !ABBREVIATIONS.has(word.toLowerCase()) && !/^\p{Lu}$/u.test(word);
}

/** The sentences of one line; markers and closing quotes after the full stop stay with it. */
export function splitAnswerSentences(line: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  while (i < line.length) {
    const ch = line[i] ?? '';
    if (/[.!?…]/u.test(ch) && endsSentence(line, i)) {
      let end = i + 1;
      while (end < line.length && /[.!?…]/u.test(line[end] ?? '')) end++;
      while (end < line.length && CLOSERS.includes(line[end] ?? '')) end++;
      const tail = /^(?:\s*\[\s*\d+(?:\s*[,;]\s*\d+)*\s*\])+/u.exec(line.slice(end));
      if (tail) end += tail[0].length;
      const sentence = line.slice(start, end).trim();
      if (sentence) out.push(sentence);
      start = end;
      i = end;
      continue;
    }
    i++;
  }
  const rest = line.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

/**
 * Validate `answer` against the `passages` it was given (`[n]` refers to `passages[n-1]`;
 * when `citations` is not empty, `n` must also be one of their numbers). A sentence is
 * dropped when it carries a marker naming no given source, or when it states a fact
 * (amount, duration, date, percentage, document number, number ≥ 10) found in none of the
 * passages it cites, or, if it cites none, in none of the passages at all.
 */
export function validateAnswer(answer: string, citations: Citation[], passages: string[]): ValidatedAnswer {
  const valid = (n: number) => Number.isInteger(n) && n >= 1 && n <= passages.length && (citations.length === 0 || citations.some((c) => c.n === n));
  const dropped: string[] = [];
  const invalid = new Set<number>();
  const lines: string[] = [];
  for (const line of answer.normalize('NFC').replace(/\r\n?/g, '\n').split('\n')) {
    const sentences = splitAnswerSentences(line);
    if (sentences.length === 0) {
      lines.push('');
      continue;
    }
    const kept: string[] = [];
    for (const sentence of sentences) {
      const numbers = markerNumbers(sentence);
      const bad = numbers.filter((n) => !valid(n));
      for (const n of bad) invalid.add(n);
      const cited = numbers.length > 0 ? [...new Set(numbers)].map((n) => passages[n - 1] ?? '') : passages;
      if (bad.length > 0 || unsupportedFacts(sentence, cited).length > 0) dropped.push(sentence);
      else kept.push(sentence);
    }
    if (kept.length > 0) lines.push(`${/^\s*/u.exec(line)?.[0] ?? ''}${kept.join(' ')}`);
  }
  const text = lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  return { text, droppedSentences: dropped, invalidMarkers: [...invalid].sort((a, b) => a - b), ok: dropped.length === 0 };
}

/**
 * Keep only the citations `text` refers to, numbered 1, 2 … in order of first reference,
 * and rewrite the markers to match (`[3] … [1]` becomes `[1] … [2]`). Markers naming no
 * citation are removed.
 */
export function renumberCitations(text: string, citations: Citation[]): { text: string; citations: Citation[] } {
  const byN = new Map(citations.map((c) => [c.n, c]));
  const order = new Map<number, number>();
  for (const n of markerNumbers(text)) if (byN.has(n) && !order.has(n)) order.set(n, order.size + 1);
  const rewritten = text.replace(new RegExp(`[ \\t]*${MARKER.source}`, 'gu'), (m, group: string) => {
    const mapped = [...new Set(group.split(/[,;]/).map((n) => order.get(Number(n.trim()))))].filter((n) => n !== undefined);
    return mapped.length > 0 ? `${/^[ \t]*/.exec(m)?.[0] ?? ''}[${mapped.join(', ')}]` : '';
  });
  const kept = [...order].map(([oldN, newN]) => ({ ...(byN.get(oldN) as Citation), n: newN }));
  return { text: rewritten.trim(), citations: kept };
}

/**
 * Validation as the model streams: text is fed in pieces, and each sentence is checked
 * (validateAnswer) and renumbered (first cited source becomes [1]) as soon as it is
 * complete, so what reaches the user while streaming is already the final, checked text.
 */
export class StreamingValidator {
  private buffer = '';
  private output = '';
  private readonly order = new Map<number, number>();
  private readonly byN: Map<number, Citation>;
  readonly droppedSentences: string[] = [];
  readonly invalidMarkers = new Set<number>();

  constructor(
    private readonly citations: Citation[],
    private readonly passages: string[],
  ) {
    this.byN = new Map(citations.map((c) => [c.n, c]));
  }

  /** Feed a piece of model output; returns the checked text that became final. */
  push(piece: string): string {
    this.buffer += piece;
    return this.drain(false);
  }

  /** End of output; returns the checked text of what was left. */
  end(): string {
    return this.drain(true);
  }

  /** Everything emitted so far. */
  get text(): string {
    return this.output.trim();
  }

  /** Whether nothing was dropped. */
  get ok(): boolean {
    return this.droppedSentences.length === 0 && this.invalidMarkers.size === 0;
  }

  /** The citations the emitted text refers to, renumbered in order of first use. */
  get cited(): Citation[] {
    return [...this.order].map(([oldN, newN]) => ({ ...(this.byN.get(oldN) as Citation), n: newN }));
  }

  private drain(final: boolean): string {
    let emitted = '';
    for (let nl = this.buffer.indexOf('\n'); nl >= 0; nl = this.buffer.indexOf('\n')) {
      emitted += this.sentences(splitAnswerSentences(this.buffer.slice(0, nl)));
      this.buffer = this.buffer.slice(nl + 1);
      if (this.output && !this.output.endsWith('\n')) {
        this.output += '\n';
        emitted += '\n';
      }
    }
    const parts = splitAnswerSentences(this.buffer);
    // The last sentence of an unfinished line may still grow: keep it until more arrives.
    const ready = final ? parts : parts.slice(0, -1);
    emitted += this.sentences(ready);
    if (final) this.buffer = '';
    else if (ready.length) this.buffer = this.buffer.slice(this.buffer.lastIndexOf(parts[parts.length - 1]!));
    return emitted;
  }

  private sentences(list: string[]): string {
    let emitted = '';
    for (const sentence of list) {
      const checked = validateAnswer(sentence, this.citations, this.passages);
      this.droppedSentences.push(...checked.droppedSentences);
      for (const n of checked.invalidMarkers) this.invalidMarkers.add(n);
      if (!checked.text) continue;
      for (const n of markerNumbers(checked.text)) if (this.byN.has(n) && !this.order.has(n)) this.order.set(n, this.order.size + 1);
      const renumbered = checked.text.replace(new RegExp(MARKER.source, 'gu'), (_m, group: string) => {
        const mapped = [...new Set(group.split(/[,;]/).map((n) => this.order.get(Number(n.trim()))))].filter((n) => n !== undefined);
        return mapped.length > 0 ? `[${mapped.join(', ')}]` : '';
      });
      const piece = this.output && !this.output.endsWith('\n') ? ` ${renumbered}` : renumbered;
      this.output += piece;
      emitted += piece;
    }
    return emitted;
  }
}
