/**
 * What the load bench asks its load-generator process to do (bench/load-client.ts) and
 * what it gets back, plus the statistics both sides compute from the raw samples. Plain
 * data only: it crosses the IPC channel as JSON.
 */

/** One HTTP request of a REST plan; a body makes it a JSON POST, else a GET. */
export interface PlannedRequest {
  path: string;
  body?: unknown;
  /** Label the samples are grouped by in the report (e.g. `chat`, `search`, `echo`). */
  kind: string;
}

export interface RestPlan {
  /** Requests in flight at once (one keep-alive connection each). */
  concurrency: number;
  /** Total requests per second to aim for; unset: as fast as `concurrency` allows (closed loop). */
  ratePerSec?: number;
  /** Cycled in order, each worker taking the next one. */
  requests: PlannedRequest[];
  headers?: Record<string, string>;
}

export interface SocketPlan {
  connections: number;
  /** Each socket waits a uniformly random time in this range before each question. */
  thinkMs: [number, number];
  messages: string[];
  /** Connections opened per second while ramping up (before the measured window). */
  connectPerSec: number;
}

export interface LoadPlan {
  baseUrl: string;
  /** Load before the measured window; its samples are dropped (JIT, caches, pools). */
  warmupSeconds?: number;
  /** Upper bound of the measured window; a `stop` message ends it earlier. */
  seconds: number;
  rest?: RestPlan;
  sockets?: SocketPlan;
}

/** Bench → client. */
export type ToClient = { type: 'run'; plan: LoadPlan } | { type: 'stop' };
/** Client → bench. */
export type FromClient =
  | { type: 'connected'; connected: number; failed: number; ms: number }
  | { type: 'started'; at: number }
  | { type: 'result'; result: LoadResult }
  | { type: 'failed'; message: string };

/** Outcome of one request or question. */
export const OUTCOME = { ok: 0, refused: 1, error: 2 } as const;
export type Outcome = (typeof OUTCOME)[keyof typeof OUTCOME];

/** [start (epoch ms), latency ms, outcome, index of the kind in `kinds`]. */
export type RestSample = [number, number, Outcome, number];
/** [start (epoch ms), time to first token ms (-1: none), time to the answer ms, outcome, tokens, socket]. */
export type SocketSample = [number, number, number, Outcome, number, number];

export interface LoadResult {
  /** The measured window, epoch ms. */
  startedAt: number;
  endedAt: number;
  rest?: { kinds: string[]; samples: RestSample[]; errors: Record<string, number> };
  sockets?: {
    connected: number;
    connectFailed: number;
    connectErrors: Record<string, number>;
    connectMs: number;
    samples: SocketSample[];
    errors: Record<string, number>;
    /** Sockets that received at least one complete answer in the window. */
    answeredSockets: number;
    /** `answer` events received (they must match the acknowledged answers). */
    answerEvents: number;
    disconnects: number;
  };
}

/** Add one to `counts[key]`. */
export function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}
