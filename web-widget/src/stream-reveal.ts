/**
 * Showing a streamed answer at a reading pace. The server sends an extractive answer
 * sentence by sentence as soon as it is composed — tens of milliseconds for the whole —
 * and a model's sentences as they are checked; a burst that arrives at once would appear
 * in one frame. Queued text is shown a few words per tick, more when more is waiting, so
 * any burst is on screen within about 40 ticks (1.2 s), and text that trickles in (a
 * model) shows as it comes. `instant` (prefers-reduced-motion) shows everything at once.
 */

/** Milliseconds between two steps. */
export const TICK_MS = 30;
/** A queue of any length is shown in about this many steps. */
const STEPS_FOR_QUEUE = 40;
const MIN_WORDS_PER_STEP = 2;

type Timer = ReturnType<typeof setTimeout>;

function wordCount(text: string): number {
  return (text.match(/\S+/g) ?? []).length;
}

/** The first `words` words of `text` (a word with the spaces after it), or all of it. */
export function leadingWords(text: string, words: number): string {
  const re = /\S+\s*/g;
  let end = 0;
  for (let i = 0; i < words; i++) {
    const m = re.exec(text);
    if (!m) return text;
    end = m.index + m[0].length;
  }
  // Leading spaces belong to the step that shows the first word after them.
  return text.slice(0, Math.max(end, /^\s*/.exec(text)![0].length));
}

export class StreamReveal {
  private queue = '';
  /** Words per step, set when text arrives so that the queue empties in about STEPS_FOR_QUEUE steps. */
  private perStep = MIN_WORDS_PER_STEP;
  private timer: Timer | undefined;
  private waiters: Array<() => void> = [];

  /** `show` receives each step's text, in order; together they are everything pushed. */
  constructor(private readonly show: (text: string) => void, private readonly instant = false) {}

  /** Text not shown yet. */
  get pending(): string {
    return this.queue;
  }

  push(text: string): void {
    if (!text) return;
    if (this.instant) return this.show(text);
    this.queue += text;
    this.perStep = Math.max(MIN_WORDS_PER_STEP, Math.ceil(wordCount(this.queue) / STEPS_FOR_QUEUE));
    this.timer ??= setTimeout(() => this.step(), 0);
  }

  /** Resolves once everything pushed so far is shown. */
  drained(): Promise<void> {
    if (!this.queue) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Show everything now. */
  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const rest = this.queue;
    this.queue = '';
    if (rest) this.show(rest);
    this.release();
  }

  private step(): void {
    const part = leadingWords(this.queue, this.perStep);
    this.queue = this.queue.slice(part.length);
    this.show(part);
    if (this.queue) this.timer = setTimeout(() => this.step(), TICK_MS);
    else {
      this.timer = undefined;
      this.release();
    }
  }

  private release(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) w();
  }
}
