/**
 * The parts of the server's protocol (protocol/, docs/API.md) that the widget reads, as
 * types only: `import type` keeps zod out of the bundle.
 */
import type { Citation } from '../../protocol/chat.ts';
import type { AnswerEvent, AskAck, ErrorEvent } from '../../protocol/socket.ts';

export type { AskAck, Citation };

/** A successful answer, from the `answer` event or the `ask` acknowledgement. */
export type AnswerPayload = AnswerEvent;

/** The one error shape, REST or socket.io. */
export type ErrorPayload = ErrorEvent;

/** Whether an acknowledgement or event is the error shape. */
export function isError(x: unknown): x is ErrorPayload {
  return typeof x === 'object' && x !== null && (x as { ok?: unknown }).ok === false;
}

/** How a citation's document is named: its label, else title and number. */
export function citationName(c: Citation): string {
  if (c.label) return c.label;
  return c.number && c.number !== c.title ? `${c.title} (${c.number})` : c.title;
}
