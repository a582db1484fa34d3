/**
 * Tokens the pages use, kept for the browser tab only (sessionStorage): the admin
 * console's, and the official's from the widget (web-widget/src/token-store.ts).
 */
import { loadToken } from '../token-store.ts';

const ADMIN_KEY = 'tro-ly-ao-admin-token';

/** The admin console's token, if any (storage may be blocked). */
export function loadAdminToken(): string | undefined {
  try {
    return sessionStorage.getItem(ADMIN_KEY) || undefined;
  } catch {
    return undefined;
  }
}

/** Store or (with `undefined`) forget the admin token. */
export function saveAdminToken(token: string | undefined): void {
  try {
    if (token) sessionStorage.setItem(ADMIN_KEY, token);
    else sessionStorage.removeItem(ADMIN_KEY);
  } catch {
    // Without storage the token lives only as long as this page.
  }
}

/** The token a page reading documents sends: an official's from the widget, else an admin's from the console. */
export function loadReaderToken(): string | undefined {
  return loadToken() ?? loadAdminToken();
}
