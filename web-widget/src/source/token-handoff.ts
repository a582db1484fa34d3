/**
 * The source view's side of the token handoff (web-widget/src/source-handoff.ts): a tab
 * opened by the widget tells its opener it is READY and waits a moment for the official's
 * token; any other page answers nothing and the view loads as a citizen's (or with the
 * admin console's token kept in this tab).
 */
import { isToken, READY, type ReadyMessage } from '../handoff-messages.ts';

/** How long to wait for the opener's answer. */
export const HANDOFF_WAIT_MS = 1500;

/** The token the opener hands over, or undefined (no opener, no answer in time, or none to give). */
export function receiveToken(waitMs = HANDOFF_WAIT_MS): Promise<string | undefined> {
  const opener = window.opener as Window | null;
  if (!opener) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const done = (token: string | undefined): void => {
      window.removeEventListener('message', onMessage);
      clearTimeout(timer);
      // The portal has no more business with this tab: drop the link back to it.
      window.opener = null;
      resolve(token);
    };
    const onMessage = (e: MessageEvent): void => {
      if (e.source === opener && isToken(e.data)) done(e.data.token ?? undefined);
    };
    window.addEventListener('message', onMessage);
    const timer = setTimeout(() => done(undefined), waitMs);
    // The opener's origin is not known here; the message says nothing secret.
    const ready: ReadyMessage = { type: READY };
    opener.postMessage(ready, '*');
  });
}
