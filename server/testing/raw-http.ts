/**
 * HTTP/1.1 by hand for tests that need what fetch hides: a request begun before an event
 * (a shutdown) and finished after it, headers or a body sent slowly, Node's own answers.
 */
import { connect } from 'node:net';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface RawConnection {
  /** Send more bytes. */
  write(text: string): void;
  /** Resolves with everything received once the server closes the connection, and when. */
  closed: Promise<{ text: string; at: number }>;
  destroy(): void;
}

/** Open a connection to `base` and send `first` (typically a request line and some headers). */
export async function rawConnection(base: string, first: string): Promise<RawConnection> {
  const u = new URL(base);
  const socket = connect(Number(u.port), u.hostname);
  let text = '';
  socket.setEncoding('utf8');
  socket.on('data', (d: string) => {
    text += d;
  });
  // A reset after the server's answer is not a failure here; what arrived is checked.
  socket.on('error', () => undefined);
  const closed = new Promise<{ text: string; at: number }>((r) => socket.once('close', () => r({ text, at: Date.now() })));
  await new Promise<void>((r, reject) => {
    socket.once('connect', () => r());
    socket.once('error', reject);
  });
  socket.write(first);
  return {
    write: (more) => {
      if (!socket.destroyed) socket.write(more);
    },
    closed,
    destroy: () => socket.destroy(),
  };
}

/** Status and JSON body of a raw HTTP/1.1 response. */
export function parseRaw(text: string): { status: number; body: Json } {
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? NaN);
  const payload = text.slice(text.indexOf('\r\n\r\n') + 4);
  let body: Json = {};
  try {
    body = JSON.parse(payload) as Json;
  } catch {
    // No JSON body (Node's own 408/431 answers).
  }
  return { status, body };
}
