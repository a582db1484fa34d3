/**
 * The chat widget inside its shadow root: launcher, dialog panel (full screen on demand),
 * the conversation (conversation.ts), composer, the source sheet, the officials' sign-in
 * and the connection to the server. Only text nodes carry server or user text.
 */
import type { WidgetConfig } from './config.ts';
import { Connection } from './connection.ts';
import { Conversation } from './conversation.ts';
import { loadConversation } from './conversation-store.ts';
import { h, uid } from './dom.ts';
import { printChecklist } from './follow-ups.ts';
import { SignIn } from './sign-in.ts';
import { SourceHandoff } from './source-handoff.ts';
import { SourcePanel } from './source-panel.ts';
import { CSS } from './styles.ts';
import { T } from './strings.ts';
import { loadToken, saveToken } from './token-store.ts';

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
export class Widget {
  private readonly root: HTMLElement;
  private readonly launcher: HTMLButtonElement;
  private readonly panel: HTMLElement;
  private readonly expandButton: HTMLButtonElement;
  private readonly log: HTMLElement;
  private readonly status: HTMLElement;
  private readonly announcer: HTMLElement;
  private readonly input: HTMLTextAreaElement;
  private readonly sendButton: HTMLButtonElement;
  private readonly stopButton: HTMLButtonElement;
  private readonly signIn: SignIn;
  private readonly sources: SourcePanel;
  private readonly conversation: Conversation;
  private connection: Connection | undefined;
  private pendingToken: string | undefined;
  private statusTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: HTMLElement, private readonly cfg: WidgetConfig) {
    const shadow = host.attachShadow({ mode: 'open' });
    adoptStyles(shadow, CSS);
    const panelId = uid('panel');
    const hintId = uid('hint');

    this.launcher = h('button', { type: 'button', class: 'launcher', 'aria-label': T.open, 'aria-expanded': 'false', 'aria-controls': panelId });
    this.launcher.appendChild(launcherIcon());
    const close = h('button', { type: 'button', class: 'hbtn close', 'aria-label': T.close }, '×');
    this.expandButton = h('button', { type: 'button', class: 'hbtn expand', 'aria-pressed': 'false' }, T.expand);
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
    const header = h('div', { class: 'header' },
      h('div', { class: 'header-row' }, h('h2', { class: 'title' }, cfg.title), this.expandButton, close),
      h('div', { class: 'toolbar' }, fresh, this.signIn.openButton, this.signIn.badge, this.signIn.outButton));
    const handoff = new SourceHandoff(new URL(cfg.server).origin, loadToken);
    this.sources = new SourcePanel({ server: cfg.server, token: loadToken, handoff, behind: [header, this.status, this.signIn.form, this.log, composer] });
    this.panel = h('div', { id: panelId, class: 'panel', role: 'dialog', 'aria-modal': 'false', 'aria-label': cfg.title, hidden: true },
      header, this.status, this.signIn.form, this.log, composer, this.sources.el, this.announcer);
    this.root = h('div', { class: 'root', lang: 'vi' }, this.launcher, this.panel);
    shadow.appendChild(this.root);
    this.conversation = new Conversation({
      server: cfg.server, log: this.log, input: this.input,
      connection: () => this.connect(),
      setBusy: (busy, stoppable = true) => this.setBusy(busy, stoppable),
      isOpen: () => !this.panel.hidden,
      messages: {
        openSource: (c, chip) => this.sources.show(c, chip),
        printChecklist: (items, procedure) => printChecklist(this.root, items, procedure),
      },
      instant: typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches,
    });

    this.launcher.addEventListener('click', () => this.open(true));
    close.addEventListener('click', () => this.close());
    this.expandButton.addEventListener('click', () => this.setExpanded(!this.expanded));
    fresh.addEventListener('click', () => this.newConversation());
    this.stopButton.addEventListener('click', () => this.conversation.stop());
    composer.addEventListener('submit', (e) => {
      e.preventDefault();
      this.conversation.ask(this.input.value);
    });
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        this.conversation.ask(this.input.value);
      }
    });
    this.panel.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        this.escape();
      }
    });
    const kept = loadConversation();
    if (kept) this.conversation.restore(kept);
    else this.conversation.greet();
    if (cfg.startOpen || kept?.open) this.open(false);
  }

  /** Show the panel; connects on first use so idle pages hold no connection. */
  open(focus: boolean): void {
    this.panel.hidden = false;
    this.launcher.hidden = true;
    this.launcher.setAttribute('aria-expanded', 'true');
    this.connect();
    this.conversation.persist();
    this.conversation.showLastAnswer();
    if (focus) this.input.focus();
  }

  close(): void {
    this.setExpanded(false);
    this.panel.hidden = true;
    this.launcher.hidden = false;
    this.launcher.setAttribute('aria-expanded', 'false');
    this.conversation.persist();
    this.launcher.focus();
  }

  private get expanded(): boolean {
    return this.panel.classList.contains('full');
  }

  /** Full screen or back; focus stays where it is. */
  private setExpanded(on: boolean): void {
    this.panel.classList.toggle('full', on);
    this.expandButton.setAttribute('aria-pressed', String(on));
  }

  private escape(): void {
    if (this.sources.isOpen) this.sources.close(true);
    else if (this.signIn.isOpen) this.signIn.closeForm(true);
    else if (this.expanded) this.setExpanded(false);
    else this.close();
  }

  private connect(): Connection {
    this.connection ??= new Connection(this.cfg.server, loadToken(), {
      token: (id, text) => this.conversation.token(id, text),
      answer: (p) => p.requestId && this.conversation.settle(p.requestId, p),
      error: (p) => (p.requestId ? this.conversation.settle(p.requestId, p) : this.announce(p.message ?? T.genericError)),
      connected: (official, afterLoss) => this.onConnected(official, afterLoss),
      lost: () => this.onLost(),
      refused: (message, hadToken) => this.onRefused(message, hadToken),
      resent: (id) => this.conversation.restart(id),
    });
    return this.connection;
  }

  private setBusy(busy: boolean, stoppable: boolean): void {
    const stopHadFocus = (this.panel.getRootNode() as ShadowRoot).activeElement === this.stopButton;
    this.sendButton.disabled = busy;
    this.stopButton.hidden = !busy || !stoppable;
    if (!busy && stopHadFocus) this.input.focus();
  }

  private newConversation(): void {
    this.sources.close(false);
    this.conversation.reset();
    this.announce(T.newConversationStarted);
    this.input.focus();
  }

  private useToken(token: string): void {
    this.pendingToken = token;
    this.conversation.forgetConversationId();
    this.connect().setToken(token);
  }

  /** Signing out also clears the conversation: an official's answers may quote internal documents. */
  private signOut(): void {
    saveToken(undefined);
    this.pendingToken = undefined;
    this.sources.forget();
    this.sources.close(false);
    this.conversation.reset();
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
      this.sources.forget();
      this.signIn.setSignedIn(true);
      this.announce(T.signedIn);
      this.input.focus();
    } else this.signIn.setSignedIn(official);
  }

  private onLost(): void {
    this.showStatus(T.lost, false);
    this.conversation.lost();
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
