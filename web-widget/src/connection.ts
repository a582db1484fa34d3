/** The socket.io link to the assistant server (docs/API.md, "Streaming over socket.io"). */
import { io, type Socket } from 'socket.io-client';
import { T } from './strings.ts';
import type { ClientToServerEvents, ServerToClientEvents } from '../../protocol/socket.ts';
import { isError, type AnswerPayload, type AskAck, type ErrorPayload } from './types.ts';

/** How long an answer may take before the widget gives up waiting for its acknowledgement. */
const ASK_TIMEOUT_MS = 150_000;
/** Pause before trying again after the server refused the connection outright. */
const REFUSED_RETRY_MS = 15_000;

/** What the connection tells the widget. */
export interface ConnectionEvents {
  token(requestId: string, text: string): void;
  answer(payload: AnswerPayload): void;
  error(payload: ErrorPayload): void;
  /** Connected; `official` when the server accepted a token. */
  connected(official: boolean, afterLoss: boolean): void;
  lost(): void;
  /** The server refused the token (or the connection) with this message. */
  refused(message: string, hadToken: boolean): void;
}

/** A socket.io connection that reconnects by itself and can switch tokens. */
export class Connection {
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private token: string | undefined;
  private lostSince = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(server: string, token: string | undefined, private readonly on: ConnectionEvents) {
    this.token = token;
    this.socket = io(server, {
      transports: ['websocket', 'polling'],
      auth: token ? { token } : {},
    });
    this.socket.on('connect', () => {
      const afterLoss = this.lostSince;
      this.lostSince = false;
      this.on.connected(!!this.token, afterLoss);
    });
    this.socket.on('disconnect', (reason) => {
      if (reason === 'io client disconnect') return;
      this.lostSince = true;
      this.on.lost();
    });
    this.socket.on('connect_error', (err: Error & { data?: { message?: string } }) => {
      // A refusal by the server (bad token, too many connections) is not retried by socket.io.
      if (!this.socket.active) {
        this.on.refused(err.data?.message ?? T.signInFailed, !!this.token);
        this.scheduleRetry();
        return;
      }
      if (!this.lostSince) {
        this.lostSince = true;
        this.on.lost();
      }
    });
    // Typed by the protocol, checked anyway: a proxy or an older server may send something else.
    this.socket.on('token', (p) => {
      if (typeof p?.requestId === 'string' && typeof p.text === 'string') this.on.token(p.requestId, p.text);
    });
    this.socket.on('answer', (p) => {
      if (p && typeof p.answer === 'string') this.on.answer(p);
    });
    this.socket.on('error', (p: unknown) => {
      if (isError(p)) this.on.error(p);
    });
  }

  /** Ask a question; resolves with the acknowledgement, or an error shape on timeout. */
  ask(message: string, requestId: string, conversationId: string | undefined): Promise<AskAck> {
    return new Promise((resolve) => {
      this.socket.timeout(ASK_TIMEOUT_MS).emit(
        'ask', { message, requestId, ...(conversationId ? { conversationId } : {}) },
        (err: Error | null, res: AskAck) => resolve(err ? { ok: false, requestId, code: 'TIMEOUT', message: T.timeout } : res),
      );
    });
  }

  /** Stop an answer in flight. */
  cancel(requestId: string): void {
    this.socket.emit('cancel', { requestId });
  }

  /** Reconnect with a different token (`undefined`: as a citizen). */
  setToken(token: string | undefined): void {
    this.token = token;
    this.socket.auth = token ? { token } : {};
    this.clearRetry();
    this.socket.disconnect().connect();
  }

  /** Whether the socket is connected now. */
  get connected(): boolean {
    return this.socket.connected;
  }

  private scheduleRetry(): void {
    this.clearRetry();
    this.retryTimer = setTimeout(() => this.socket.connect(), REFUSED_RETRY_MS);
  }

  private clearRetry(): void {
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }
}
