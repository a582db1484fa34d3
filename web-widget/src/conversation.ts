/**
 * The conversation in the log: asking (one question at a time), the answer streaming in
 * and then finished, a failed send kept for "Gửi lại", stopping, drafting for officials,
 * and the exchanges kept for the tab (conversation-store.ts) and shown again after a
 * reload or on another page of the portal.
 */
import { AssistantMessage, type MessageHost } from './assistant-message.ts';
import type { Connection } from './connection.ts';
import { clearConversation, saveConversation, type StoredConversation, type StoredExchange } from './conversation-store.ts';
import { DraftSession, isDraftRequest } from './draft.ts';
import { h } from './dom.ts';
import { following, startOf } from './scroll.ts';
import { T } from './strings.ts';
import { loadToken } from './token-store.ts';
import { isError, type AnswerPayload, type ErrorPayload } from './types.ts';

/** What the conversation needs from the widget around it. */
export interface ConversationDeps {
  server: string;
  log: HTMLElement;
  input: HTMLTextAreaElement;
  /** The connection, made on first use. */
  connection(): Connection;
  /** An answer is coming (the send button waits; the stop button shows when it can stop it), or not. */
  setBusy(busy: boolean, stoppable?: boolean): void;
  /** Whether the panel is open (kept, so the next page opens it again). */
  isOpen(): boolean;
  /** Sources and checklists, which the widget shows. */
  messages: Pick<MessageHost, 'openSource' | 'printChecklist'>;
  /** Show streamed text at once (prefers-reduced-motion). */
  instant: boolean;
}

/** The question in flight and its elements. */
interface Exchange {
  requestId: string;
  question: string;
  userEl: HTMLElement;
  reply: AssistantMessage;
  /** The answer or error has come (the answer may still be appearing). */
  settled: boolean;
}

export class Conversation implements MessageHost {
  private conversationId: string | undefined;
  /** The finished exchanges, as kept for the tab. */
  private exchanges: StoredExchange[] = [];
  private current: Exchange | undefined;
  /** A failed exchange, removed when the next question goes. */
  private failed: Exchange | undefined;
  private drafting = false;
  /** Whether the log follows the answer coming in (false once the reader scrolls away). */
  private autoScroll = true;
  private scrolledTo = -1;

  constructor(private readonly deps: ConversationDeps) {
    deps.log.addEventListener('scroll', () => {
      // The reader scrolled (not us): follow the answer only while they stay at its place.
      const el = this.current?.reply.el;
      if (el && Math.abs(deps.log.scrollTop - this.scrolledTo) > 2) this.autoScroll = following(deps.log, el);
    });
  }

  // MessageHost: the widget's part, and ours.

  openSource(...args: Parameters<MessageHost['openSource']>): void {
    this.deps.messages.openSource(...args);
  }

  printChecklist(...args: Parameters<MessageHost['printChecklist']>): void {
    this.deps.messages.printChecklist(...args);
  }

  grew(): void {
    if (this.current && this.autoScroll) this.showFromStart(this.current.reply.el);
  }

  /** Ask `raw` (typed, a suggestion or a follow-up); ignored while an answer is coming. */
  ask(raw: string): void {
    const message = raw.trim();
    const { log, input } = this.deps;
    if (!message || this.current || this.drafting) return;
    const connection = this.deps.connection();
    if (input.value.trim() === message) input.value = '';
    this.dropFailed();
    log.querySelector('.suggestions')?.remove();
    const userEl = userBubble(message);
    log.appendChild(userEl);
    const token = loadToken();
    if (token && isDraftRequest(message, this.conversationId)) return this.draft(message, token);
    const requestId = `w-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    const reply = new AssistantMessage(this.deps.server, this, this.deps.instant);
    log.appendChild(reply.el);
    this.autoScroll = true;
    this.setScroll(log.scrollHeight);
    this.current = { requestId, question: message, userEl, reply, settled: false };
    this.deps.setBusy(true);
    void connection.ask(message, requestId, this.conversationId).then((ack) => this.settle(requestId, ack));
  }

  /** A streamed piece of the answer to `requestId`. */
  token(requestId: string, text: string): void {
    if (this.current?.requestId === requestId) this.current.reply.appendToken(text);
  }

  /** The question was sent again after a lost connection: its answer streams anew. */
  restart(requestId: string): void {
    if (this.current?.requestId === requestId) this.current.reply.restartStream();
  }

  /** The answer or error for a request, from the event or the acknowledgement, whichever comes first. */
  settle(requestId: string, res: AnswerPayload | ErrorPayload): void {
    const cur = this.current;
    if (!cur || cur.requestId !== requestId || cur.settled) return;
    cur.settled = true;
    if (isError(res)) {
      if (res.code === 'CANCELLED') {
        cur.reply.stop();
        this.endExchange();
      } else this.fail(cur, res);
      return;
    }
    void cur.reply.finish(res).then(() => {
      if (this.current !== cur) return;
      if (res.conversationId) this.conversationId = res.conversationId;
      this.exchanges.push({ question: cur.question, answer: res });
      this.persist();
      if (this.autoScroll) this.showFromStart(cur.reply.el);
      this.endExchange();
    });
  }

  /**
   * The connection dropped. A question still unanswered waits: the connection asks it once
   * more on the next connection (its server may be gone; another answers), and its answer
   * streams anew; only a second loss, or no connection in time, fails it, kept for "Gửi lại"
   * (connection.ts).
   */
  lost(): void {
    this.current?.reply.flush();
  }

  /** Stop the answer coming in (one that has come shows the rest at once). */
  stop(): void {
    const cur = this.current;
    if (!cur) return;
    if (cur.settled) return cur.reply.flush();
    cur.settled = true;
    this.deps.connection().cancel(cur.requestId);
    cur.reply.stop();
    this.endExchange();
  }

  /** Show the greeting, with the starter questions when nothing was asked yet. */
  greet(): void {
    const greeting = h('div', { class: 'msg greeting', 'data-role': 'greeting' }, h('p', {}, T.greeting));
    if (this.exchanges.length === 0) {
      const group = h('div', { role: 'group', 'aria-label': T.suggestionsLabel, class: 'suggestions' });
      for (const q of T.suggestions) {
        const b = h('button', { type: 'button', class: 'chipq' }, q);
        b.addEventListener('click', () => {
          this.ask(q);
          this.deps.input.focus();
        });
        group.appendChild(b);
      }
      greeting.appendChild(group);
    }
    this.deps.log.appendChild(greeting);
  }

  /** Show the exchanges kept for the tab, and go on with their conversationId. */
  restore(kept: StoredConversation): void {
    this.exchanges = kept.exchanges;
    this.conversationId = kept.conversationId;
    this.greet();
    for (const { question, answer } of kept.exchanges) {
      const reply = new AssistantMessage(this.deps.server, this, true);
      reply.restore(answer);
      this.deps.log.append(userBubble(question), reply.el);
    }
  }

  /** Scroll to the last answer's start (the panel opened, e.g. after a reload). */
  showLastAnswer(): void {
    const last = [...this.deps.log.querySelectorAll<HTMLElement>('[data-role="assistant"]')].pop();
    if (last) this.showFromStart(last);
  }

  /** Start again: log, kept exchanges and conversationId cleared. */
  reset(): void {
    this.stop();
    this.dropFailed();
    this.conversationId = undefined;
    this.exchanges = [];
    clearConversation();
    this.persist();
    this.deps.log.textContent = '';
    this.greet();
  }

  /** The role changed (an official signed in): the server's conversation is bound to the role, so a new one starts. */
  forgetConversationId(): void {
    this.conversationId = undefined;
    this.persist();
  }

  /** Keep the exchanges and whether the panel is open for the tab. */
  persist(): void {
    saveConversation({ ...(this.conversationId ? { conversationId: this.conversationId } : {}), open: this.deps.isOpen(), exchanges: this.exchanges });
  }

  /** A send that failed: the question goes back in the box, and "Gửi lại" sends it again. */
  private fail(cur: Exchange, err: ErrorPayload): void {
    const retry = err.code === 'BAD_REQUEST' ? undefined : {
      ...(err.retryAfterSec ? { afterSec: err.retryAfterSec } : {}),
      run: () => {
        this.dropFailed();
        this.ask(cur.question);
        this.deps.input.focus();
      },
    };
    cur.reply.fail(err.message ?? T.genericError, retry);
    this.failed = cur;
    if (!this.deps.input.value.trim()) this.deps.input.value = cur.question;
    this.endExchange();
  }

  private dropFailed(): void {
    this.failed?.userEl.remove();
    this.failed?.reply.el.remove();
    this.failed = undefined;
  }

  private endExchange(): void {
    this.current = undefined;
    this.deps.setBusy(false);
  }

  /** Officials' drafting: over HTTP, not the socket; the message holds the questions or the preview. Not kept for the tab. */
  private draft(message: string, token: string): void {
    const reply = new AssistantMessage(this.deps.server, this);
    this.deps.log.appendChild(reply.el);
    this.setScroll(this.deps.log.scrollHeight);
    this.drafting = true;
    this.deps.setBusy(true, false);
    void new DraftSession(this.deps.server, token, message, () => {
      this.drafting = false;
      this.deps.setBusy(false);
    }, { get: () => this.conversationId, set: (id) => { this.conversationId = id; } }).run(reply.el, {});
  }

  private setScroll(top: number): void {
    this.deps.log.scrollTop = top;
    this.scrolledTo = this.deps.log.scrollTop;
  }

  private showFromStart(el: HTMLElement): void {
    this.setScroll(startOf(this.deps.log, el));
  }
}

function userBubble(text: string): HTMLElement {
  return h('div', { class: 'msg', 'data-role': 'user' }, h('span', { class: 'sr' }, `${T.you}: `), text);
}
