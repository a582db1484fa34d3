/** The official's token, kept for the browser tab only (sessionStorage), never in localStorage or cookies. */
const KEY = 'tro-ly-ao.token';

/** Read the stored token, if any (storage may be blocked, e.g. in a sandboxed frame). */
export function loadToken(): string | undefined {
  try {
    return sessionStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Store or (with `undefined`) forget the token. */
export function saveToken(token: string | undefined): void {
  try {
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
  } catch {
    // Without storage the token lives only as long as this page.
  }
}
