/**
 * Opening the full text of a source for an official: the source view opens in a new tab
 * that keeps this window as its opener, says READY, and is answered with the token by
 * postMessage addressed to the assistant server's exact origin — so if the tab has gone
 * elsewhere, the browser does not deliver it. Only windows this widget opened are answered.
 * The token never appears in a URL, a referrer or the server's logs.
 */
import { isReady, TOKEN, type TokenMessage } from './handoff-messages.ts';

export class SourceHandoff {
  private readonly opened = new Set<Window>();

  /** `serverOrigin`: the assistant server's origin; `token`: the official's token now, if signed in. */
  constructor(private readonly serverOrigin: string, private readonly token: () => string | undefined) {
    window.addEventListener('message', (e) => this.answer(e));
  }

  /** Open `url` (on the server's origin) in a new tab that will be handed the token; false if the browser blocked it. */
  open(url: string): boolean {
    for (const w of this.opened) if (w.closed) this.opened.delete(w);
    const w = window.open(url, '_blank');
    if (!w) return false;
    this.opened.add(w);
    return true;
  }

  private answer(e: MessageEvent): void {
    const source = e.source as Window | null;
    if (e.origin !== this.serverOrigin || !source || !this.opened.has(source) || !isReady(e.data)) return;
    const message: TokenMessage = { type: TOKEN, token: this.token() ?? null };
    source.postMessage(message, this.serverOrigin);
  }
}
