/** The figures of the load bench, computed from the load generator's raw samples. */
import { summarize, type LatencySummary } from '../measure/stats.ts';
import { OUTCOME, type LoadResult } from './load-plan.ts';
import type { CpuShare } from './load-procs.ts';

/** Throughput, latency and errors of the REST part of a run. */
export interface RestFigures {
  seconds: number;
  /** Requests started in the window (all kinds). */
  requests: number;
  /** Good replies (refusals included) per second, all kinds. */
  perSec: number;
  latency: LatencySummary;
  /** Errors of the whole run (warm-up included), by kind of error. */
  errors: number;
  errorKinds: Record<string, number>;
  /** Per request kind (chat, search, documents, echo). */
  byKind: Record<string, { requests: number; perSec: number; refused: number; latency: LatencySummary }>;
  cpu?: CpuShare;
}

/** Connections, streaming and answers of the socket.io part of a run. */
export interface SocketFigures {
  connections: number;
  connected: number;
  connectErrors: Record<string, number>;
  connectSeconds: number;
  /** Sockets that got at least one answer in the window. */
  answeredSockets: number;
  questions: number;
  answersPerSec: number;
  refused: number;
  /** Answers that arrived as at least one `token` event before the final answer. */
  streamed: number;
  tokensPerAnswer: number;
  firstToken: LatencySummary;
  answer: LatencySummary;
  answerEvents: number;
  disconnects: number;
  errors: number;
  errorKinds: Record<string, number>;
  cpu?: CpuShare;
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

function windowSeconds(result: LoadResult): number {
  return Math.max(0.001, (result.endedAt - result.startedAt) / 1000);
}

function rounded(s: LatencySummary): LatencySummary {
  return { count: s.count, p50: round(s.p50), p95: round(s.p95), p99: round(s.p99), max: round(s.max) };
}

/** Good replies per second over the measured window; latency percentiles of good replies. */
export function restFigures(result: LoadResult): RestFigures {
  const rest = result.rest;
  if (!rest) throw new Error('no REST samples');
  const seconds = windowSeconds(result);
  const good = rest.samples.filter((s) => s[2] !== OUTCOME.error);
  const byKind: RestFigures['byKind'] = {};
  rest.kinds.forEach((kind, k) => {
    const mine = good.filter((s) => s[3] === k);
    byKind[kind] = {
      requests: rest.samples.filter((s) => s[3] === k).length,
      perSec: round(mine.length / seconds),
      refused: mine.filter((s) => s[2] === OUTCOME.refused).length,
      latency: rounded(summarize(mine.map((s) => s[1]))),
    };
  });
  return {
    seconds: round(seconds),
    requests: rest.samples.length,
    perSec: round(good.length / seconds),
    latency: rounded(summarize(good.map((s) => s[1]))),
    errors: sum(rest.errors),
    errorKinds: rest.errors,
    byKind,
  };
}

/** The socket figures of a run; connect failures and disconnections count as errors. */
export function socketFigures(result: LoadResult, connections: number): SocketFigures {
  const s = result.sockets;
  if (!s) throw new Error('no socket samples');
  const seconds = windowSeconds(result);
  const good = s.samples.filter((x) => x[3] !== OUTCOME.error);
  const streamed = good.filter((x) => x[4] > 0);
  return {
    connections,
    connected: s.connected,
    connectErrors: s.connectErrors,
    connectSeconds: round(s.connectMs / 1000),
    answeredSockets: s.answeredSockets,
    questions: s.samples.length,
    answersPerSec: round(good.length / seconds),
    refused: good.filter((x) => x[3] === OUTCOME.refused).length,
    streamed: streamed.length,
    tokensPerAnswer: round(good.length ? good.reduce((a, x) => a + x[4], 0) / good.length : 0),
    firstToken: rounded(summarize(streamed.map((x) => x[1]))),
    answer: rounded(summarize(good.map((x) => x[2]))),
    answerEvents: s.answerEvents,
    disconnects: s.disconnects,
    errors: sum(s.errors) + s.connectFailed + s.disconnects,
    errorKinds: { ...s.connectErrors, ...s.errors, ...(s.disconnects ? { 'disconnected during the window': s.disconnects } : {}) },
  };
}

/** REST requests started in [from, to] (epoch ms), and how many of them failed. */
export function requestsBetween(result: LoadResult, from: number, to: number): { requests: number; failed: number; latency: LatencySummary } {
  const inside = (result.rest?.samples ?? []).filter((s) => s[0] >= from && s[0] <= to);
  const good = inside.filter((s) => s[2] !== OUTCOME.error);
  return { requests: inside.length, failed: inside.length - good.length, latency: rounded(summarize(good.map((s) => s[1]))) };
}
