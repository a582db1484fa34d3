/**
 * Cue words and phrases found in a text by one pass over its words, for every list at once:
 * long passages (a whole catalog at ingest) are read in time linear in their words, however
 * many lists there are. Phrases match whole words, with their accents on text that has them
 * and folded on text typed without any ("chuyen khoan"); entries written in capitals ("AI")
 * match only in capitals.
 */
import { foldDiacritics } from '../text/fold.ts';

/** Where a cue stands in the text: `text.slice(start, end)`. */
export interface CueSpan {
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;
/** Phrases of every list by how they are written, and every word-prefix of them (to stop early). */
interface PhraseTable {
  phrases: Map<string, CueList[]>;
  prefixes: Set<string>;
}
const table = (): PhraseTable => ({ phrases: new Map(), prefixes: new Set() });
const ACCENTED = table();
const FOLDED = table();
const CAPITALS = table();

function register(t: PhraseTable, words: readonly string[], list: CueList): void {
  for (let k = 1; k < words.length; k++) t.prefixes.add(words.slice(0, k).join(' '));
  const key = words.join(' ');
  const lists = t.phrases.get(key) ?? [];
  if (!lists.includes(list)) lists.push(list);
  t.phrases.set(key, lists);
}

function wordsOf(phrase: string): string[] {
  return [...phrase.normalize('NFC').matchAll(WORD)].map((m) => m[0]);
}

/** One list of cue words (one concept: payment verbs, chat apps…). */
export class CueList {
  constructor(entries: readonly string[]) {
    for (const entry of entries) {
      const words = wordsOf(entry);
      if (words.length === 0) continue;
      const phrase = words.join(' ');
      if (phrase === phrase.toUpperCase() && /\p{L}/u.test(phrase)) {
        register(CAPITALS, words, this);
        continue;
      }
      const lower = words.map((w) => w.toLowerCase());
      register(ACCENTED, lower, this);
      register(FOLDED, lower.map((w) => foldDiacritics(w)), this);
    }
  }

  /** Spans of this list's cues in `t`, in order. */
  find(t: CueText): readonly CueSpan[] {
    return t.hitsOf(this);
  }

  has(t: CueText): boolean {
    return t.hitsOf(this).length > 0;
  }
}

/** A text read for cues: NFC, whether typed without diacritics, and (on first use) every list's hits. */
export class CueText {
  readonly text: string;
  readonly unaccented: boolean;
  private hits: Map<CueList, CueSpan[]> | undefined;

  constructor(text: string) {
    this.text = text.normalize('NFC');
    this.unaccented = foldDiacritics(this.text) === this.text;
  }

  hitsOf(list: CueList): CueSpan[] {
    this.hits ??= this.scan();
    return this.hits.get(list) ?? [];
  }

  private scan(): Map<CueList, CueSpan[]> {
    const starts: number[] = [];
    const ends: number[] = [];
    for (const m of this.text.matchAll(WORD)) {
      starts.push(m.index);
      ends.push(m.index + m[0].length);
    }
    // Lower-casing keeps the length of Vietnamese and Latin text; words are then cut from it.
    const lowered = this.text.toLowerCase();
    const source = lowered.length === this.text.length ? (this.unaccented ? foldDiacritics(lowered) : lowered) : undefined;
    const keyOf = (i: number): string => {
      if (source !== undefined) return source.slice(starts[i], ends[i]);
      const word = this.text.slice(starts[i], ends[i]).toLowerCase();
      return this.unaccented ? foldDiacritics(word) : word;
    };
    const hits = new Map<CueList, CueSpan[]>();
    const add = (lists: CueList[] | undefined, start: number, end: number): void => {
      for (const list of lists ?? []) {
        const spans = hits.get(list) ?? [];
        spans.push({ start, end });
        hits.set(list, spans);
      }
    };
    // A phrase runs over spaces only: "chuyển, khoản" is not "chuyển khoản".
    const spaced = (i: number): boolean => /^\s+$/u.test(this.text.slice(ends[i], starts[i + 1]));
    const run = (t: PhraseTable, i: number, key: string, next: (j: number) => string): void => {
      for (let j = i; ; j++) {
        add(t.phrases.get(key), starts[i]!, ends[j]!);
        if (!t.prefixes.has(key) || j + 1 >= starts.length || !spaced(j)) return;
        key = `${key} ${next(j + 1)}`;
      }
    };
    const lowerTable = this.unaccented ? FOLDED : ACCENTED;
    const raw = (i: number): string => this.text.slice(starts[i], ends[i]);
    for (let i = 0; i < starts.length; i++) {
      const key = keyOf(i);
      if (lowerTable.phrases.has(key) || lowerTable.prefixes.has(key)) run(lowerTable, i, key, keyOf);
      const code = this.text.charCodeAt(starts[i]!);
      if (code >= 0x41 && code <= 0x5a && (CAPITALS.phrases.has(raw(i)) || CAPITALS.prefixes.has(raw(i)))) run(CAPITALS, i, raw(i), raw);
    }
    return hits;
  }
}
