/** The parts of the server's protocol (docs/API.md) that the widget reads. */

/** One cited passage. */
export interface Citation {
  n: number;
  docId: string;
  title: string;
  number?: string;
  issuedDate?: string;
  label?: string;
  section?: string;
  quote?: string;
  link?: string;
}

/** A successful answer, from the `answer` event or the `ask` acknowledgement. */
export interface AnswerPayload {
  ok?: true;
  requestId?: string;
  answer: string;
  citations?: Citation[];
  refused?: boolean;
  reason?: string;
  conversationId?: string;
  notices?: string[];
  exchangeId?: string;
}

/** The one error shape, REST or socket.io. */
export interface ErrorPayload {
  ok: false;
  requestId?: string;
  code?: string;
  message?: string;
}

/** What `ask` is acknowledged with. */
export type AskAck = AnswerPayload | ErrorPayload;

/** Whether an acknowledgement or event is the error shape. */
export function isError(x: unknown): x is ErrorPayload {
  return typeof x === 'object' && x !== null && (x as { ok?: unknown }).ok === false;
}

/** How a citation's document is named: its label, else title and number. */
export function citationName(c: Citation): string {
  if (c.label) return c.label;
  return c.number && c.number !== c.title ? `${c.title} (${c.number})` : c.title;
}
