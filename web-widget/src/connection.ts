/** The socket.io link to the assistant server (docs/API.md, "Streaming over socket.io"). */
import { io, type Socket } from 'socket.io-client';
import { T } from './strings.ts';
import type { ClientToServerEvents, ServerToClientEvents } from '../../protocol/socket.ts';
import { isError, type AnswerPayload, type AskAck, type ErrorPayload } from './types.ts';

/** How long an answer may take before the widget gives up waiting for its acknowledgement. */
const ASK_TIMEOUT_MS = 150_000;
/** Pause before trying again after the server refused the connection outright. */
const REFUSED_RETRY_MS = 15_000;
/** How long a question waits for a first connection before it fails (a lost one fails at once). */
const FIRST_CONNECT_WAIT_MS = 8_000;
/** How long a question cut off by a lost connection waits for the next one before it is given up. */
const RESEND_WAIT_MS = 30_000;
/** The socket dropped before the answer came. */
const LOST = Symbol('lost');

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
  /** A question cut off by a lost connection was asked again: its answer streams from the start. */
  resent?(requestId: string): void;
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

  /**
   * Ask a question; resolves with the acknowledgement, or an error shape on timeout or
   * without a connection (`OFFLINE`: the widget keeps the question for "Gửi lại").
   */
  async ask(message: string, requestId: string, conversationId: string | undefined): Promise<AskAck> {
    // socket.io would buffer the question until some later reconnection; say now that it did not go.
    if (!this.socket.connected && (this.lostSince || !(await this.connectedWithin(FIRST_CONNECT_WAIT_MS)))) {
      return { ok: false, requestId, code: 'OFFLINE', message: T.offline };
    }
    return this.askWithOneResend({ message, requestId, ...(conversationId ? { conversationId } : {}) });
  }

  /**
   * Ask; when the connection drops before the answer (its server may have gone: the load
   * balancer sends the reconnection to another), ask once more on the next connection
   * with the same request id, which the servers answer once (a finished answer is sent
   * again, not recomputed). A second loss, or no connection within RESEND_WAIT_MS, ends it.
   */
  private async askWithOneResend(payload: { message: string; requestId: string; conversationId?: string }): Promise<AskAck> {
    const lost: AskAck = { ok: false, requestId: payload.requestId, code: 'CONNECTION_LOST', message: T.lostDuringAnswer };
    const first = await this.emitAsk(payload);
    if (first !== LOST) return first;
    if (!(await this.nextConnection(RESEND_WAIT_MS))) return lost;
    this.on.resent?.(payload.requestId);
    const again = await this.emitAsk(payload);
    return again === LOST ? lost : again;
  }

  /** One `ask`: its acknowledgement, a timeout error, or LOST when the connection dropped first. */
  private emitAsk(payload: { message: string; requestId: string; conversationId?: string }): Promise<AskAck | typeof LOST> {
    return new Promise((resolve) => {
      const onDrop = (reason: string) => {
        // Our own disconnect (a token change) is not a lost server.
        if (reason !== 'io client disconnect') resolve(LOST);
      };
      this.socket.once('disconnect', onDrop);
      this.socket.timeout(ASK_TIMEOUT_MS).emit('ask', payload, (err: Error | null, res: AskAck) => {
        this.socket.off('disconnect', onDrop);
        resolve(err ? { ok: false, requestId: payload.requestId, code: 'TIMEOUT', message: T.timeout } : res);
      });
    });
  }

  /** Resolves true at the next connection, false after `ms`. */
  private nextConnection(ms: number): Promise<boolean> {
    if (this.socket.connected) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(timer);
        this.socket.off('connect', onConnect);
        resolve(ok);
      };
      const onConnect = () => done(true);
      const timer = setTimeout(() => done(false), ms);
      this.socket.on('connect', onConnect);
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

  /** Disconnect for good. */
  close(): void {
    this.clearRetry();
    this.socket.disconnect();
  }

  /** Whether the socket is connected now. */
  get connected(): boolean {
    return this.socket.connected;
  }

  private connectedWithin(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const done = (ok: boolean): void => {
        clearTimeout(timer);
        this.socket.off('connect', onConnect);
        resolve(ok);
      };
      const onConnect = (): void => done(true);
      const timer = setTimeout(() => done(this.socket.connected), ms);
      this.socket.on('connect', onConnect);
    });
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
