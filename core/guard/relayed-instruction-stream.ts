/**
 * The streaming side of {@link dropRelayedInstructions}: an answer arrives in pieces (a
 * token, a sentence, the whole text) and a citizen must never see a sentence that the final
 * answer drops. Each sentence is judged once it is complete and so is the sentence after it
 * (a payment's account holder may be named there), with the same verdict the final answer
 * gets, and only then passed on. Nothing is passed on until a kept sentence says something:
 * an answer all of whose substance was dropped becomes a refusal
 * ({@link refusalAfterDroppedInstructions}), and its lead-in ("Theo Quyết định số 12 [1]:")
 * must not have been shown either.
 */
import { splitAnswerSentences } from '../answer/ground/validate.ts';
import { saysSomething } from './guard.ts';
import { plantedInstructionIn } from './planted-instructions.ts';

const MARKERS = /\s*\[\d+(?:\s*[,;]\s*\d+)*\]/g;

/** Whether a sentence boundary before `sentence` can no longer move: a letter follows it. */
function settles(sentence: string | undefined): boolean {
  return sentence !== undefined && /\p{L}/u.test(sentence);
}

export class RelayedInstructionStream {
  /** Sentences dropped so far. */
  dropped = 0;

  /** The current line as received (no line break yet). */
  private line = '';
  /** How far into `line` the judged sentences reach. */
  private judgedTo = 0;
  /** How many sentences of `line` are judged. */
  private judged = 0;
  /** Whether a sentence of the current line was kept. */
  private lineKept = false;
  /** Whether a kept sentence said something: from then on text passes as it is judged. */
  private substance = false;
  /** Judged text waiting for a sentence that says something. */
  private held = '';

  /** Takes the next piece of the answer; returns what may be shown now (often ''). */
  push(piece: string): string {
    let out = '';
    let rest = piece;
    for (let nl = rest.indexOf('\n'); nl >= 0; nl = rest.indexOf('\n')) {
      this.line += rest.slice(0, nl);
      rest = rest.slice(nl + 1);
      out += this.endLine('\n');
    }
    this.line += rest;
    return out + this.judge(false);
  }

  /**
   * The answer is complete: judges what is left and returns what may still be shown. When
   * a sentence was dropped and none kept said something, returns '' and nothing was shown:
   * the caller answers with the refusal instead.
   */
  end(): string {
    const out = this.endLine('');
    if (this.substance || this.dropped > 0) return out;
    const held = this.held;
    this.held = '';
    return out + held;
  }

  private endLine(lineBreak: string): string {
    const blank = this.line.trim() === '';
    let out = this.judge(true);
    // A line all of whose sentences were dropped goes with its break, as in the final answer.
    if (blank || this.lineKept) out += this.pass(this.line.slice(this.judgedTo) + lineBreak);
    this.line = '';
    this.judgedTo = 0;
    this.judged = 0;
    this.lineKept = false;
    return out;
  }

  /** Judges the sentences of the current line that are settled (all of them at the line's end). */
  private judge(lineEnded: boolean): string {
    const sentences = splitAnswerSentences(this.line);
    let out = '';
    for (let i = this.judged; i < sentences.length; i++) {
      const sentence = sentences[i]!;
      const next = sentences[i + 1];
      // The sentence and the next one must both be final, unless the line has ended.
      if (!lineEnded && !(settles(next) && (i + 2 >= sentences.length ? false : settles(sentences[i + 2])))) break;
      const at = this.line.indexOf(sentence, this.judgedTo);
      if (at < 0) break;
      const end = at + sentence.length;
      const verdict = plantedInstructionIn(sentence.replace(MARKERS, ''), next?.replace(MARKERS, ''));
      if (verdict) {
        this.dropped++;
      } else {
        this.lineKept = true;
        if (saysSomething(sentence)) this.substance = true;
        out += this.pass(this.line.slice(this.judgedTo, end));
      }
      this.judgedTo = end;
      this.judged = i + 1;
    }
    return out;
  }

  /** Text that may be shown once the answer has substance. */
  private pass(text: string): string {
    if (!this.substance) {
      this.held += text;
      return '';
    }
    const out = this.held + text;
    this.held = '';
    return out;
  }
}
