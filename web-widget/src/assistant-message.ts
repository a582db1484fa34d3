/**
 * One answer in the conversation: the streamed text shown as it comes (at a reading pace,
 * stream-reveal.ts), then the final answer with its citation chips, notices, follow-ups
 * and actions; or an error that keeps the question and offers "Gửi lại". While it streams
 * the message is `aria-busy`, so screen readers that honour it read the answer once, when
 * it is complete; the log around it is a polite live region.
 */
import { answerActions } from './answer-actions.ts';
import { h } from './dom.ts';
import { followUps } from './follow-ups.ts';
import { renderAnswer } from './render-answer.ts';
import { StreamReveal } from './stream-reveal.ts';
import { T } from './strings.ts';
import type { AnswerPayload, ChecklistItem, Citation } from './types.ts';

/** State visible to tests and styles as `data-state`. */
export type MessageState = 'streaming' | 'done' | 'refused' | 'error';

/** What a message asks of the widget. */
export interface MessageHost {
  /** Open citation `c` (from its chip). */
  openSource(c: Citation, chip: HTMLButtonElement): void;
  /** Ask a follow-up question. */
  ask(question: string): void;
  /** Print the dossier's checklist. */
  printChecklist(items: readonly ChecklistItem[], procedure: string): void;
  /** The message grew while streaming. */
  grew(): void;
}

/** A failed send that may be sent again, after `afterSec` seconds when the server said so. */
export interface Retry {
  afterSec?: number;
  run(): void;
}

/** An assistant message element and its life cycle. */
export class AssistantMessage {
  readonly el: HTMLElement;
  private readonly body: HTMLElement;
  private readonly reveal: StreamReveal;
  private streamed = false;

  constructor(private readonly server: string, private readonly host: MessageHost, instant = false) {
    this.body = h('div', { class: 'body' }, T.thinking);
    this.el = h('div', { class: 'msg', 'data-role': 'assistant', 'data-state': 'streaming', 'aria-busy': 'true' },
      h('span', { class: 'sr' }, `${T.assistant}: `), this.body);
    this.reveal = new StreamReveal((text) => this.show(text), instant);
  }

  get state(): MessageState {
    return this.el.getAttribute('data-state') as MessageState;
  }

  /** Queue one streamed piece (shown as text). */
  appendToken(text: string): void {
    if (this.state === 'streaming') this.reveal.push(text);
  }

  /** Show what is still queued at once. */
  flush(): void {
    this.reveal.flush();
  }

  /** The final answer, once the streamed text is all on screen. */
  async finish(p: AnswerPayload): Promise<void> {
    if (this.state !== 'streaming') return;
    await this.reveal.drained();
    if (this.state === 'streaming') this.render(p);
  }

  /** A kept answer (conversation-store.ts), shown as it was. */
  restore(p: AnswerPayload): void {
    this.render(p);
  }

  /** End with an error message and, when it may be sent again, a "Gửi lại" button. */
  fail(message: string, retry?: Retry): void {
    if (this.state !== 'streaming') return;
    this.reveal.flush();
    this.setState('error');
    this.body.textContent = message;
    if (retry) this.el.appendChild(h('div', { class: 'actions' }, retryButton(retry)));
  }

  /** Stopped by the user: what had streamed stays, marked as stopped. */
  stop(): void {
    if (this.state !== 'streaming') return;
    this.reveal.flush();
    this.setState('done');
    if (this.streamed) this.el.appendChild(h('p', { class: 'notice' }, T.stopped));
    else this.body.textContent = T.stopped;
  }

  private show(text: string): void {
    if (this.state !== 'streaming') return;
    if (!this.streamed) this.body.textContent = '';
    this.streamed = true;
    this.body.appendChild(document.createTextNode(text));
    this.host.grew();
  }

  /** The question was asked again after a lost connection: the next piece starts the text anew. */
  restartStream(): void {
    if (this.state !== 'streaming') return;
    this.reveal.flush();
    this.streamed = false;
  }

  private render(p: AnswerPayload): void {
    const refused = p.refused === true;
    this.setState(refused ? 'refused' : 'done');
    this.body.textContent = '';
    if (refused && p.reason === 'NO_SOURCE') this.body.appendChild(h('p', { class: 'refused-title' }, T.notFoundTitle));
    this.body.appendChild(renderAnswer(p.answer, p.citations ?? [], (c, chip) => this.host.openSource(c, chip)));
    for (const n of p.notices ?? []) this.el.appendChild(h('p', { class: 'notice' }, n));
    if (p.suggestions?.length) this.el.appendChild(followUps(p.suggestions, (q) => this.host.ask(q)));
    const actions = answerActions(p, this.server);
    const checklist = p.checklist;
    if (checklist?.length) {
      const print = h('button', { type: 'button', class: 'abtn' }, T.printChecklist);
      print.addEventListener('click', () => this.host.printChecklist(checklist, p.citations?.[0]?.title ?? ''));
      actions.prepend(print);
    }
    this.el.appendChild(actions);
  }

  private setState(s: MessageState): void {
    this.el.setAttribute('data-state', s);
    this.el.setAttribute('aria-busy', String(s === 'streaming'));
  }
}

/** "Gửi lại", held back with a countdown while the server asked to wait (aria-disabled, so it stays reachable). */
function retryButton(retry: Retry): HTMLButtonElement {
  const b = h('button', { type: 'button', class: 'abtn retry' }, T.retry);
  let left = Math.max(0, Math.ceil(retry.afterSec ?? 0));
  const tick = (): void => {
    b.textContent = left > 0 ? T.retryIn(left) : T.retry;
    b.setAttribute('aria-disabled', String(left > 0));
    if (left > 0) {
      left -= 1;
      setTimeout(tick, 1000);
    }
  };
  tick();
  b.addEventListener('click', () => {
    if (b.getAttribute('aria-disabled') !== 'true') retry.run();
  });
  return b;
}
