/**
 * The chat over socket.io: `ask` → `token` events as the answer streams → `answer` with
 * citations (and the same response in the acknowledgement); `cancel` stops an answer in
 * flight; errors are `{ ok: false, code, message }` in Vietnamese. Each `ask` is one
 * exchange of the chat use case REST shares (server/chat-use-case.ts): the same event
 * ends with the same code on both transports (cancel or disconnect: CANCELLED; the time
 * limit: TIMEOUT; a shutdown: SHUTTING_DOWN). A client that
 * reconnects with its `conversationId` continues the conversation; missed events of a
 * short disconnection are replayed (connection state recovery). Admin connections also
 * receive re-index job updates (`job`).
 *
 * The events and their payloads are in protocol/socket.ts: `ask` (acknowledged),
 * `cancel`; `token`, `answer`, `error`, and `job` for admins.
 */
import type { Server as HttpServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Server, type Socket } from 'socket.io';
import type { AppDeps } from './http/app.ts';
import { errorResponse, HttpError, type ErrorBody } from './http/errors.ts';
import { chargeCaller, rateKey, resolveCaller, type Caller } from './http/middleware.ts';
import { answerOnce, singleProcess, type Cluster } from './cluster/cluster.ts';
import { describeIssues } from '../protocol/describe-issues.ts';
import { AskPayload, CancelPayload } from '../protocol/socket.ts';

/** Answers a socket may have in flight at once; more are refused (one conversation is sequential anyway). */
const MAX_IN_FLIGHT_PER_SOCKET = 4;
/** Largest socket.io message accepted (a question is at most a few KB). */
const MAX_MESSAGE_BYTES = 64 * 1024;

/** What the socket server shares with the REST routes. */
export type SocketDeps = Pick<AppDeps, 'config' | 'logger' | 'metrics' | 'chat' | 'tokens' | 'limits' | 'rateLog'> & {
  /** Connection caps, answered request ids and the adapter shared with the other nodes (default: this process only). */
  cluster?: Pick<Cluster, 'connections' | 'asks' | 'socketAdapter'>;
};

type Ack = (body: unknown) => void;

/** The client address, honouring TRUST_PROXY hops of X-Forwarded-For like express does. */
function clientIp(socket: Socket, trustHops: number): string {
  const direct = socket.handshake.address;
  if (trustHops <= 0) return direct;
  const header = socket.handshake.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : header ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return hops[Math.max(0, hops.length - trustHops)] ?? direct;
}

function errorBody(err: unknown, requestId?: string): ErrorBody {
  const { body } = errorResponse(err);
  return requestId ? { ...body, requestId } : body;
}

/** A refused connection: the client's `connect_error` carries the error body in `err.data`. */
function connectError(err: HttpError): Error & { data: ErrorBody } {
  return Object.assign(new Error(err.code), { data: errorBody(err) });
}

export function attachSocketServer(httpServer: HttpServer, deps: SocketDeps): Server {
  const { config, logger, metrics, chat } = deps;
  const allowed = new Set(config.CORS_ORIGINS.map((o) => new URL(o).origin));
  const cluster = deps.cluster ?? singleProcess(config);
  const io = new Server(httpServer, {
    serveClient: false,
    // Broadcasts (job events to admins) reach the sockets of every node.
    ...(cluster.socketAdapter ? { adapter: cluster.socketAdapter } : {}),
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
    // Browsers send Origin; same-origin pages and the allowlisted portals may connect.
    allowRequest: (req, cb) => {
      const origin = req.headers.origin;
      if (!origin || allowed.has(origin)) return cb(null, true);
      const host = req.headers.host;
      cb(null, !!host && (origin === `http://${host}` || origin === `https://${host}`));
    },
    cors: { origin: [...allowed], methods: ['GET', 'POST'] },
  });

  io.use((socket, next) => {
    const ip = clientIp(socket, config.TRUST_PROXY);
    const auth = socket.handshake.auth as { token?: unknown } | undefined;
    const header = typeof auth?.token === 'string' ? `Bearer ${auth.token}` : socket.handshake.headers.authorization;
    resolveCaller(deps.tokens, deps.limits.authFailures, header, ip).then(async (caller) => {
      if (caller instanceof HttpError) {
        if (caller.status === 429) {
          metrics.rateLimited.inc({ channel: 'socket' });
          deps.rateLog?.refused(`ip:${ip}`, { channel: 'socket', code: caller.code });
        }
        return next(connectError(caller));
      }
      const release = await cluster.connections.acquire(ip);
      if (!release) {
        metrics.rateLimited.inc({ channel: 'socket' });
        deps.rateLog?.refused(`ip:${ip}`, { channel: 'socket', code: 'TOO_MANY_CONNECTIONS' });
        return next(connectError(HttpError.of(429, 'TOO_MANY_CONNECTIONS')));
      }
      socket.data.caller = caller;
      socket.once('disconnect', release);
      next();
    }).catch(next);
  });

  io.on('connection', (socket) => {
    const caller = socket.data.caller as Caller;
    metrics.socketConnections.inc();
    if (caller.role === 'admin') void socket.join('admin');
    const inFlight = new Map<string, AbortController>();

    socket.on('ask', (payload: unknown, maybeAck?: unknown) => {
      const ack: Ack = typeof maybeAck === 'function' ? (maybeAck as Ack) : () => undefined;
      void handleAsk(socket, caller, payload, ack, inFlight);
    });

    socket.on('cancel', (payload: unknown, maybeAck?: unknown) => {
      const ack: Ack = typeof maybeAck === 'function' ? (maybeAck as Ack) : () => undefined;
      const parsed = CancelPayload.safeParse(payload);
      const controller = parsed.success ? inFlight.get(parsed.data.requestId) : undefined;
      controller?.abort(HttpError.of(499, 'CANCELLED'));
      ack({ ok: !!controller });
    });

    socket.on('disconnect', () => {
      metrics.socketConnections.dec();
      // Nobody is listening any more: stop the answers (an LLM would otherwise keep generating).
      for (const c of inFlight.values()) c.abort(HttpError.of(499, 'CANCELLED'));
    });
  });

  async function handleAsk(socket: Socket, caller: Caller, payload: unknown, ack: Ack, inFlight: Map<string, AbortController>): Promise<void> {
    const fail = (err: unknown, requestId?: string) => {
      const body = errorBody(err, requestId);
      if (body.code === 'INTERNAL') logger.error({ err }, 'socket ask failed');
      socket.emit('error', body);
      ack(body);
    };
    const parsed = AskPayload.safeParse(payload);
    if (!parsed.success) return fail(HttpError.of(400, 'BAD_REQUEST', describeIssues(parsed.error)));
    const { requestId = randomUUID(), ...request } = parsed.data;
    const { refusal } = await chargeCaller(deps.limits, caller, metrics, 'socket');
    if (refusal) {
      deps.rateLog?.refused(rateKey(caller).key, { channel: 'socket', code: refusal.code });
      return fail(refusal, requestId);
    }
    if (inFlight.size >= MAX_IN_FLIGHT_PER_SOCKET || inFlight.has(requestId)) return fail(HttpError.of(429, 'RATE_LIMITED'), requestId);
    // Aborted by `cancel` or a disconnect.
    const controller = new AbortController();
    inFlight.set(requestId, controller);
    try {
      // A question resent after its socket dropped (the widget retries once) is answered once: see cluster/ask-ledger.ts.
      const { response } = await answerOnce(cluster.asks, `${caller.role}:${rateKey(caller).key}:${requestId}`, () => chat.ask(request, {
        asker: { role: caller.role, user: caller.user },
        channel: 'socket',
        onToken: (text) => socket.emit('token', { requestId, text }),
        cancelled: controller.signal,
      }), controller.signal);
      socket.emit('answer', { requestId, ...response });
      ack({ ok: true, requestId, ...response });
    } catch (err) {
      fail(err, requestId);
    } finally {
      inFlight.delete(requestId);
    }
  }

  return io;
}
