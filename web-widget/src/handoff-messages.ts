/**
 * The messages by which the widget hands an official's token to the source view it opened
 * in a new tab (docs/API.md, "Opening the full text"): never in a URL. The new tab posts
 * {@link READY} to its opener; the widget answers only a window it opened itself, only at
 * the assistant server's exact origin, with {@link TOKEN}.
 */

/** From the source view to its opener: "I am loaded; send the token if you have one." Holds nothing secret. */
export const READY = 'tro-ly-ao:source-ready';
/** From the widget to the source view it opened: the official's token (null: read as a citizen). */
export const TOKEN = 'tro-ly-ao:source-token';

export interface ReadyMessage {
  type: typeof READY;
}

export interface TokenMessage {
  type: typeof TOKEN;
  token: string | null;
}

export function isReady(data: unknown): data is ReadyMessage {
  return (data as ReadyMessage | null)?.type === READY;
}

export function isToken(data: unknown): data is TokenMessage {
  const m = data as TokenMessage | null;
  return m?.type === TOKEN && (m.token === null || typeof m.token === 'string');
}
