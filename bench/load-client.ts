/**
 * The load generator of `npm run bench -- load`, in its own process so that it never
 * shares an event loop with the server it measures. Driven over the IPC channel: `run`
 * with a LoadPlan, optionally `stop` to end the window early; answers `connected` (after
 * the socket ramp-up), `started` (the measured window began) and `result` with every
 * sample. Keep-alive HTTP through node:http; one socket.io-client per connection.
 */
import http from 'node:http';
import { io, type Socket } from 'socket.io-client';
import { bump, OUTCOME, type FromClient, type LoadPlan, type LoadResult, type Outcome, type RestPlan, type RestSample, type SocketPlan, type SocketSample, type ToClient } from './load-plan.ts';

/** Client-side limit of one request or question (the server's own limit is 30 s). */
const REQUEST_TIMEOUT_MS = 30_000;
const CONNECT_TIMEOUT_MS = 20_000;

function send(message: FromClient): Promise<void> {
  return new Promise((resolveSent) => {
    if (!process.send) return resolveSent();
    process.send(message, undefined, {}, () => resolveSent());
  });
}

/** Resolves after `ms`, or at once when the window is stopped. */
class Window {
  running = true;
  private readonly waiters = new Set<() => void>();
  private ended!: (at: number) => void;
  /** Resolves with the time (epoch ms) the window was stopped. */
  readonly stopped = new Promise<number>((resolveStop) => (this.ended = resolveStop));

  sleep(ms: number): Promise<void> {
    if (!this.running || ms <= 0) return Promise.resolve();
    return new Promise((resolveSleep) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolveSleep();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
    });
  }

  stop(): void {
    if (!this.running) return;
    this.running = false;
    this.ended(Date.now());
    for (const w of [...this.waiters]) w();
  }
}

interface HttpReply {
  status: number;
  body: string;
}

function httpRequest(agent: http.Agent, baseUrl: string, path: string, body: unknown, headers: Record<string, string>): Promise<HttpReply> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolveReply, reject) => {
    const req = http.request(new URL(path, baseUrl), {
      agent,
      method: payload === undefined ? 'GET' : 'POST',
      headers: { ...headers, ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }) },
      timeout: REQUEST_TIMEOUT_MS,
    }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () => resolveReply({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('client timeout'), { code: 'TIMEOUT' })));
    req.on('error', reject);
    req.end(payload);
  });
}

/** ok / refused for a good reply, else the error key it is counted under. */
function judge(kind: string, reply: HttpReply): Outcome | string {
  if (reply.status !== 200) return `http ${reply.status}`;
  if (kind !== 'chat') return OUTCOME.ok;
  try {
    const parsed = JSON.parse(reply.body) as { answer?: unknown; refused?: unknown };
    if (typeof parsed.answer !== 'string') return 'chat reply without answer';
    return parsed.refused === true ? OUTCOME.refused : OUTCOME.ok;
  } catch {
    return 'unparsable reply';
  }
}

async function runRest(plan: RestPlan, baseUrl: string, win: Window, t0: number): Promise<NonNullable<LoadResult['rest']>> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: plan.concurrency, maxFreeSockets: plan.concurrency });
  const kinds = [...new Set(plan.requests.map((r) => r.kind))];
  const samples: RestSample[] = [];
  const errors: Record<string, number> = {};
  let next = 0;
  let slot = 0;
  const worker = async () => {
    while (win.running) {
      if (plan.ratePerSec) {
        await win.sleep(t0 + (slot++ * 1000) / plan.ratePerSec - performance.now());
        if (!win.running) break;
      }
      const planned = plan.requests[next++ % plan.requests.length]!;
      const startEpoch = Date.now();
      const started = performance.now();
      let outcome: Outcome;
      try {
        const verdict = judge(planned.kind, await httpRequest(agent, baseUrl, planned.path, planned.body, plan.headers ?? {}));
        if (typeof verdict === 'string') {
          bump(errors, verdict);
          outcome = OUTCOME.error;
        } else outcome = verdict;
      } catch (err) {
        bump(errors, `network ${(err as { code?: string }).code ?? (err as Error).message}`);
        outcome = OUTCOME.error;
      }
      samples.push([startEpoch, performance.now() - started, outcome, kinds.indexOf(planned.kind)]);
    }
  };
  await Promise.all(Array.from({ length: plan.concurrency }, worker));
  agent.destroy();
  return { kinds, samples, errors };
}

interface Pending {
  startEpoch: number;
  started: number;
  firstToken: number;
  tokens: number;
}

/** Open every connection (paced), before the measured window. */
async function connectAll(plan: SocketPlan, baseUrl: string): Promise<{ sockets: Socket[]; failed: number; errors: Record<string, number>; ms: number }> {
  const started = performance.now();
  const errors: Record<string, number> = {};
  const attempts = Array.from({ length: plan.connections }, (_, i) => new Promise<Socket | undefined>((resolveSocket) => {
    setTimeout(() => {
      const socket = io(baseUrl, { transports: ['websocket'], forceNew: true, reconnection: false, timeout: CONNECT_TIMEOUT_MS });
      socket.once('connect', () => resolveSocket(socket));
      socket.once('connect_error', (err: Error & { data?: { code?: string } }) => {
        bump(errors, `connect ${err.data?.code ?? err.message}`);
        socket.close();
        resolveSocket(undefined);
      });
    }, (i * 1000) / plan.connectPerSec);
  }));
  const sockets = (await Promise.all(attempts)).filter((s): s is Socket => s !== undefined);
  return { sockets, failed: plan.connections - sockets.length, errors, ms: performance.now() - started };
}

async function runSockets(plan: SocketPlan, sockets: Socket[], win: Window): Promise<Omit<NonNullable<LoadResult['sockets']>, 'connected' | 'connectFailed' | 'connectErrors' | 'connectMs' | 'answeredSockets'>> {
  const samples: SocketSample[] = [];
  const errors: Record<string, number> = {};
  let answerEvents = 0;
  let disconnects = 0;
  let seq = 0;
  const [thinkMin, thinkMax] = plan.thinkMs;

  const drive = async (socket: Socket, index: number) => {
    const pending = new Map<string, Pending>();
    socket.on('token', (t: { requestId?: string }) => {
      const p = t.requestId ? pending.get(t.requestId) : undefined;
      if (!p) return;
      if (p.firstToken < 0) p.firstToken = performance.now() - p.started;
      p.tokens++;
    });
    socket.on('answer', () => answerEvents++);
    socket.on('disconnect', () => {
      if (win.running) disconnects++;
    });
    let asked = 0;
    // The first wait is spread over [0, thinkMax] so the sockets do not ask in step.
    await win.sleep(Math.random() * thinkMax);
    while (win.running && socket.connected) {
      const requestId = `b${index}-${seq++}`;
      const p: Pending = { startEpoch: Date.now(), started: performance.now(), firstToken: -1, tokens: 0 };
      pending.set(requestId, p);
      const message = plan.messages[(index * 7 + asked++) % plan.messages.length]!;
      const outcome = await new Promise<Outcome>((resolveAsk) => {
        socket.timeout(REQUEST_TIMEOUT_MS).emit('ask', { message, requestId }, (err: Error | null, res?: { ok?: boolean; refused?: boolean; code?: string; answer?: unknown }) => {
          if (err) {
            bump(errors, 'ack timeout');
            return resolveAsk(OUTCOME.error);
          }
          if (!res?.ok || typeof res.answer !== 'string') {
            bump(errors, `ask ${res?.code ?? 'bad ack'}`);
            return resolveAsk(OUTCOME.error);
          }
          resolveAsk(res.refused ? OUTCOME.refused : OUTCOME.ok);
        });
      });
      pending.delete(requestId);
      samples.push([p.startEpoch, p.firstToken, performance.now() - p.started, outcome, p.tokens, index]);
      await win.sleep(thinkMin + Math.random() * (thinkMax - thinkMin));
    }
  };
  await Promise.all(sockets.map((s, i) => drive(s, i)));
  return { samples, errors, answerEvents, disconnects };
}

async function run(plan: LoadPlan, win: Window): Promise<LoadResult> {
  const connected = plan.sockets ? await connectAll(plan.sockets, plan.baseUrl) : undefined;
  if (connected) void send({ type: 'connected', connected: connected.sockets.length, failed: connected.failed, ms: connected.ms });
  const warmupMs = (plan.warmupSeconds ?? 0) * 1000;
  const startedAt = Date.now() + warmupMs;
  const cap = setTimeout(() => win.stop(), warmupMs + plan.seconds * 1000);
  const warm = setTimeout(() => void send({ type: 'started', at: startedAt }), warmupMs);
  const t0 = performance.now();
  const [rest, sockets, endedAt] = await Promise.all([
    plan.rest ? runRest(plan.rest, plan.baseUrl, win, t0) : undefined,
    plan.sockets && connected ? runSockets(plan.sockets, connected.sockets, win) : undefined,
    win.stopped,
  ]);
  clearTimeout(cap);
  clearTimeout(warm);
  for (const s of connected?.sockets ?? []) s.disconnect();
  // Errors are counted over the whole run (warm-up included): none may be hidden.
  if (rest) rest.samples = rest.samples.filter((s) => s[0] >= startedAt);
  if (sockets) sockets.samples = sockets.samples.filter((s) => s[0] >= startedAt);
  const answeredSockets = new Set(sockets?.samples.filter((s) => s[3] !== OUTCOME.error).map((s) => s[5])).size;
  return {
    startedAt,
    endedAt,
    ...(rest ? { rest } : {}),
    ...(sockets && connected ? {
      sockets: { connected: connected.sockets.length, connectFailed: connected.failed, connectErrors: connected.errors, connectMs: connected.ms, answeredSockets, ...sockets },
    } : {}),
  };
}

const win = new Window();
process.on('message', (message: ToClient) => {
  if (message.type === 'stop') return win.stop();
  run(message.plan, win).then(
    (result) => send({ type: 'result', result }),
    (err: unknown) => send({ type: 'failed', message: err instanceof Error ? err.stack ?? err.message : String(err) }),
  ).finally(() => process.disconnect());
});
