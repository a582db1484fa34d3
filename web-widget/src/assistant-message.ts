/** One answer in the conversation: streaming text, then the final answer with chips and actions. */
import { answerActions } from './answer-actions.ts';
import { citationPanel } from './citation-panel.ts';
import { h } from './dom.ts';
import { renderAnswer } from './render-answer.ts';
import { T } from './strings.ts';
import type { AnswerPayload, Citation } from './types.ts';

/** State visible to tests and styles as `data-state`. */
export type MessageState = 'streaming' | 'done' | 'refused' | 'error';

/** Lets the widget close the open citation panel on Escape. */
export interface CitationHost {
  opened(close: () => void): void;
  closed(close: () => void): void;
}

/** An assistant message element and its life cycle. */
export class AssistantMessage {
  readonly el: HTMLElement;
  private readonly body: HTMLElement;
  private streamed = '';
  private openCitation: { panel: HTMLElement; chip: HTMLButtonElement } | null = null;
  private readonly closer = (): void => this.closeCitation(true);

  constructor(private readonly server: string, private readonly host: CitationHost) {
    this.body = h('div', { class: 'body' }, T.thinking);
    this.el = h('div', { class: 'msg', 'data-role': 'assistant', 'data-state': 'streaming', 'aria-busy': 'true' },
      h('span', { class: 'sr' }, `${T.assistant}: `), this.body);
  }

  get state(): MessageState {
    return this.el.getAttribute('data-state') as MessageState;
  }

  /** Append one streamed piece as a text node. */
  appendToken(text: string): void {
    if (this.state !== 'streaming') return;
    if (!this.streamed) this.body.textContent = '';
    this.streamed += text;
    this.body.appendChild(document.createTextNode(text));
  }

  /** The question was asked again after a lost connection: the next token starts the text anew. */
  restartStream(): void {
    this.streamed = '';
  }

  /** Replace the streamed text with the final answer. */
  finish(p: AnswerPayload): void {
    if (this.state !== 'streaming') return;
    const refused = p.refused === true;
    this.setState(refused ? 'refused' : 'done');
    const citations = p.citations ?? [];
    this.body.textContent = '';
    if (refused && p.reason === 'NO_SOURCE') this.body.appendChild(h('p', { class: 'refused-title' }, T.notFoundTitle));
    this.body.appendChild(renderAnswer(p.answer, citations, (c, chip) => this.toggleCitation(c, chip)));
    for (const n of p.notices ?? []) this.el.appendChild(h('p', { class: 'notice' }, n));
    this.el.appendChild(answerActions(p, this.server));
  }

  /** End with an error message; a stopped answer keeps what had streamed. */
  fail(message: string, stopped = false): void {
    if (this.state !== 'streaming') return;
    if (stopped && this.streamed) {
      this.setState('done');
      this.el.appendChild(h('p', { class: 'notice' }, T.stopped));
      return;
    }
    this.setState(stopped ? 'done' : 'error');
    this.body.textContent = stopped ? T.stopped : message;
  }

  private setState(s: MessageState): void {
    this.el.setAttribute('data-state', s);
    this.el.setAttribute('aria-busy', String(s === 'streaming'));
  }

  private toggleCitation(c: Citation, chip: HTMLButtonElement): void {
    const wasSame = this.openCitation?.chip === chip;
    this.closeCitation(false);
    if (wasSame) return;
    const panel = citationPanel(c, this.server, this.closer);
    chip.setAttribute('aria-expanded', 'true');
    this.el.insertBefore(panel, this.body.nextSibling);
    this.openCitation = { panel, chip };
    this.host.opened(this.closer);
    panel.focus();
  }

  /** Close the open citation panel, returning focus to its chip when asked. */
  private closeCitation(refocus: boolean): void {
    const open = this.openCitation;
    if (!open) return;
    open.panel.remove();
    open.chip.setAttribute('aria-expanded', 'false');
    this.openCitation = null;
    this.host.closed(this.closer);
    if (refocus) open.chip.focus();
  }
}
