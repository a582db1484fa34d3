/**
 * The chat widget inside its shadow root: launcher, dialog panel, conversation log,
 * composer and the wiring to the server. Only text nodes carry server or user text.
 */
import { AssistantMessage, type CitationHost } from './assistant-message.ts';
import type { WidgetConfig } from './config.ts';
import { Connection } from './connection.ts';
import { DraftSession, isDraftRequest } from './draft.ts';
import { h, uid } from './dom.ts';
import { SignIn } from './sign-in.ts';
import { CSS } from './styles.ts';
import { T } from './strings.ts';
import { loadToken, saveToken } from './token-store.ts';
import { isError, type AnswerPayload, type ErrorPayload } from './types.ts';

const MAX_QUESTION_CHARS = 2000;
const RECONNECTED_SHOWN_MS = 4000;

/** Apply the styles without a <style> element where the browser allows (strict CSP). */
export function adoptStyles(root: ShadowRoot, css: string): void {
  if ('adoptedStyleSheets' in Document.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } else {
    root.appendChild(h('style', {}, css));
  }
}

function launcherIcon(): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6v2h2V9H7zm4 0v2h2V9h-2zm4 0v2h2V9h-2z');
  svg.appendChild(path);
  return svg;
}

/** One widget bound to a host element. */
export class Widget implements CitationHost {
  private readonly launcher: HTMLButtonElement;
  private readonly panel: HTMLElement;
  private readonly log: HTMLElement;
  private readonly status: HTMLElement;
  private readonly announcer: HTMLElement;
  private readonly input: HTMLTextAreaElement;
  private readonly sendButton: HTMLButtonElement;
  private readonly stopButton: HTMLButtonElement;
  private readonly signIn: SignIn;
  private connection: Connection | undefined;
  private conversationId: string | undefined;
  private readonly pending = new Map<string, AssistantMessage>();
  private pendingToken: string | undefined;
  private drafting = false;
  private closeCitation: (() => void) | undefined;
  private statusTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: HTMLElement, private readonly cfg: WidgetConfig) {
    const shadow = host.attachShadow({ mode: 'open' });
    adoptStyles(shadow, CSS);
    const panelId = uid('panel');
    const hintId = uid('hint');

    this.launcher = h('button', { type: 'button', class: 'launcher', 'aria-label': T.open, 'aria-expanded': 'false', 'aria-controls': panelId });
    this.launcher.appendChild(launcherIcon());
    const close = h('button', { type: 'button', class: 'hbtn close', 'aria-label': T.close }, '×');
    const fresh = h('button', { type: 'button', class: 'hbtn' }, T.newConversation);
    this.signIn = new SignIn({ signIn: (t) => this.useToken(t), signOut: () => this.signOut() });
    this.status = h('div', { class: 'status', role: 'status', hidden: true });
    this.announcer = h('div', { class: 'sr', role: 'status' });
    this.log = h('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': T.conversation, tabindex: '0' });
    this.input = h('textarea', { 'aria-label': T.inputLabel, 'aria-describedby': hintId, placeholder: T.inputPlaceholder, rows: '2', maxlength: String(MAX_QUESTION_CHARS) });
    this.sendButton = h('button', { type: 'submit', class: 'send' }, T.send);
    this.stopButton = h('button', { type: 'button', class: 'stop', hidden: true }, T.stop);
    const composer = h('form', { class: 'composer' },
      h('div', { class: 'row' }, this.input, this.sendButton, this.stopButton),
      h('p', { id: hintId, class: 'sr' }, T.inputHint),
      h('p', { class: 'note' }, `${T.usageNote} `, h('a', { href: cfg.policyUrl, target: '_blank', rel: 'noopener noreferrer' }, T.policyLink)));
    this.panel = h('div', { id: panelId, class: 'panel', role: 'dialog', 'aria-modal': 'false', 'aria-label': cfg.title, hidden: true },
      h('div', { class: 'header' },
        h('div', { class: 'header-row' }, h('h2', { class: 'title' }, cfg.title), close),
        h('div', { class: 'toolbar' }, fresh, this.signIn.openButton, this.signIn.badge, this.signIn.outButton)),
      this.status, this.signIn.form, this.log, composer, this.announcer);
    shadow.appendChild(h('div', { class: 'root', lang: 'vi' }, this.launcher, this.panel));

    this.launcher.addEventListener('click', () => this.open(true));
    close.addEventListener('click', () => this.close());
    fresh.addEventListener('click', () => this.newConversation());
    this.stopButton.addEventListener('click', () => this.stop());
    composer.addEventListener('submit', (e) => {
      e.preventDefault();
      this.ask(this.input.value);
    });
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        this.ask(this.input.value);
      }
    });
    this.panel.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        this.escape();
      }
    });
    this.showGreeting();
    if (cfg.startOpen) this.open(false);
  }

  /** Show the panel; connects on first use so idle pages hold no connection. */
  open(focus: boolean): void {
    this.panel.hidden = false;
    this.launcher.hidden = true;
    this.launcher.setAttribute('aria-expanded', 'true');
    this.connect();
    if (focus) this.input.focus();
  }

  close(): void {
    this.panel.hidden = true;
    this.launcher.hidden = false;
    this.launcher.setAttribute('aria-expanded', 'false');
    this.launcher.focus();
  }

  opened(close: () => void): void {
    this.closeCitation = close;
  }

  closed(close: () => void): void {
    if (this.closeCitation === close) this.closeCitation = undefined;
  }

  private escape(): void {
    if (this.closeCitation) this.closeCitation();
    else if (this.signIn.isOpen) this.signIn.closeForm(true);
    else this.close();
  }

  private connect(): void {
    if (this.connection) return;
    const token = loadToken();
    this.connection = new Connection(this.cfg.server, token, {
      token: (id, text) => this.follow(() => this.pending.get(id)?.appendToken(text)),
      answer: (p) => p.requestId && this.settle(p.requestId, p),
      error: (p) => (p.requestId ? this.settle(p.requestId, p) : this.announce(p.message ?? T.genericError)),
      connected: (official, afterLoss) => this.onConnected(official, afterLoss),
      lost: () => this.onLost(),
      refused: (message, hadToken) => this.onRefused(message, hadToken),
      resent: (id) => this.pending.get(id)?.restartStream(),
    });
  }

  /** Run a change to the log, keeping it scrolled to the end if the reader was there. */
  private follow(change: () => void): void {
    const atEnd = this.log.scrollHeight - this.log.scrollTop - this.log.clientHeight < 48;
    change();
    if (atEnd) this.log.scrollTop = this.log.scrollHeight;
  }

  private showGreeting(): void {
    const group = h('div', { role: 'group', 'aria-label': T.suggestionsLabel, class: 'suggestions' });
    for (const q of T.suggestions) {
      const b = h('button', { type: 'button', class: 'chipq' }, q);
      b.addEventListener('click', () => {
        this.ask(q);
        this.input.focus();
      });
      group.appendChild(b);
    }
    this.log.appendChild(h('div', { class: 'msg greeting', 'data-role': 'greeting' }, h('p', {}, T.greeting), group));
  }

  private ask(raw: string): void {
    const message = raw.trim();
    if (!message || this.pending.size > 0 || this.drafting) return;
    this.connect();
    this.input.value = '';
    this.log.querySelector('.suggestions')?.remove();
    this.log.appendChild(h('div', { class: 'msg', 'data-role': 'user' }, h('span', { class: 'sr' }, `${T.you}: `), message));
    const token = loadToken();
    if (token && isDraftRequest(message)) return this.draft(message, token);
    const requestId = `w-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    const reply = new AssistantMessage(this.cfg.server, this);
    this.log.appendChild(reply.el);
    this.log.scrollTop = this.log.scrollHeight;
    this.pending.set(requestId, reply);
    this.setBusy(true);
    void this.connection!.ask(message, requestId, this.conversationId).then((ack) => this.settle(requestId, ack));
  }

  /** Officials' drafting: over HTTP, not the socket; the message holds the questions or the preview. */
  private draft(message: string, token: string): void {
    const reply = new AssistantMessage(this.cfg.server, this);
    this.log.appendChild(reply.el);
    this.log.scrollTop = this.log.scrollHeight;
    this.drafting = true;
    this.sendButton.disabled = true;
    void new DraftSession(this.cfg.server, token, message, () => {
      this.drafting = false;
      this.sendButton.disabled = false;
    }).run(reply.el, {});
  }

  /** Final answer or error for a request: from the event or the acknowledgement, whichever comes first. */
  private settle(requestId: string, res: AnswerPayload | ErrorPayload): void {
    const reply = this.pending.get(requestId);
    if (!reply) return;
    this.pending.delete(requestId);
    if (isError(res)) reply.fail(res.message ?? T.genericError, res.code === 'CANCELLED');
    else {
      reply.finish(res);
      if (res.conversationId) this.conversationId = res.conversationId;
    }
    this.setBusy(false);
  }

  private stop(): void {
    for (const [id, reply] of this.pending) {
      this.connection?.cancel(id);
      reply.fail(T.stopped, true);
    }
    this.pending.clear();
    this.setBusy(false);
  }

  private setBusy(busy: boolean): void {
    const stopHadFocus = this.panel.getRootNode() instanceof ShadowRoot
      && (this.panel.getRootNode() as ShadowRoot).activeElement === this.stopButton;
    this.sendButton.disabled = busy;
    this.stopButton.hidden = !busy;
    if (!busy && stopHadFocus) this.input.focus();
  }

  private newConversation(): void {
    this.stop();
    this.closeCitation = undefined;
    this.conversationId = undefined;
    this.log.textContent = '';
    this.showGreeting();
    this.announce(T.newConversationStarted);
    this.input.focus();
  }

  private useToken(token: string): void {
    this.pendingToken = token;
    this.conversationId = undefined;
    this.connect();
    this.connection!.setToken(token);
  }

  private signOut(): void {
    saveToken(undefined);
    this.pendingToken = undefined;
    this.conversationId = undefined;
    this.connection?.setToken(undefined);
    this.signIn.setSignedIn(false);
    this.announce(T.signedOut);
    this.signIn.openButton.focus();
  }

  private onConnected(official: boolean, afterLoss: boolean): void {
    if (afterLoss) this.showStatus(T.reconnected, true);
    else if (!this.status.hidden) this.showStatus(undefined);
    if (official && this.pendingToken) {
      saveToken(this.pendingToken);
      this.pendingToken = undefined;
      this.signIn.setSignedIn(true);
      this.announce(T.signedIn);
      this.input.focus();
    } else this.signIn.setSignedIn(official);
  }

  private onLost(): void {
    this.showStatus(T.lost, false);
    for (const reply of this.pending.values()) reply.fail(T.lostDuringAnswer);
    this.pending.clear();
    this.setBusy(false);
  }

  private onRefused(message: string, hadToken: boolean): void {
    if (!hadToken) return this.showStatus(message, false);
    // A bad or expired token is never kept: go on as a citizen and say why.
    saveToken(undefined);
    this.pendingToken = undefined;
    this.signIn.setSignedIn(false);
    this.signIn.showError(message);
    this.connection?.setToken(undefined);
  }

  private showStatus(text: string | undefined, ok = false): void {
    if (this.statusTimer !== undefined) clearTimeout(this.statusTimer);
    this.status.textContent = text ?? '';
    this.status.hidden = !text;
    this.status.classList.toggle('ok', ok);
    if (ok) this.statusTimer = setTimeout(() => this.showStatus(undefined), RECONNECTED_SHOWN_MS);
  }

  private announce(text: string): void {
    this.announcer.textContent = text;
  }
}
