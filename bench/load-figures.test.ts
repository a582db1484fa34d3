import { describe, expect, it } from 'vitest';
import { requestsBetween, restFigures, socketFigures } from './load-figures.ts';
import { OUTCOME, type LoadResult, type RestSample, type SocketSample } from './load-plan.ts';

function restResult(samples: RestSample[], errors: Record<string, number> = {}): LoadResult {
  return { startedAt: 1_000, endedAt: 11_000, rest: { kinds: ['chat', 'search'], samples, errors } };
}

describe('restFigures', () => {
  it('counts good replies per second and leaves errors out of the latencies', () => {
    const samples: RestSample[] = [
      ...Array.from({ length: 40 }, (_, i): RestSample => [1_000 + i * 100, 10, OUTCOME.ok, 0]),
      ...Array.from({ length: 10 }, (_, i): RestSample => [1_000 + i * 100, 20, OUTCOME.refused, 0]),
      [5_000, 30_000, OUTCOME.error, 0],
      [5_000, 5, OUTCOME.ok, 1],
    ];
    const f = restFigures(restResult(samples, { 'http 500': 1 }));
    expect(f.perSec).toBe(5.1);
    expect(f.errors).toBe(1);
    expect(f.latency.max).toBe(20);
    expect(f.byKind.chat).toMatchObject({ requests: 51, perSec: 5, refused: 10 });
    expect(f.byKind.search!.latency.p50).toBe(5);
  });
});

describe('socketFigures', () => {
  it('counts failed connections and disconnections as errors and time to first token of streamed answers only', () => {
    const samples: SocketSample[] = [
      [2_000, 15, 40, OUTCOME.ok, 5, 0],
      [3_000, -1, 30, OUTCOME.ok, 0, 1],
      [4_000, -1, 30_000, OUTCOME.error, 0, 2],
    ];
    const result: LoadResult = {
      startedAt: 1_000, endedAt: 3_000,
      sockets: { connected: 3, connectFailed: 1, connectErrors: { 'connect timeout': 1 }, connectMs: 500, samples, errors: { 'ack timeout': 1 }, answeredSockets: 2, answerEvents: 2, disconnects: 1 },
    };
    const f = socketFigures(result, 4);
    expect(f.errors).toBe(3);
    expect(f.answersPerSec).toBe(1);
    expect(f.streamed).toBe(1);
    expect(f.firstToken).toMatchObject({ count: 1, p50: 15 });
    expect(f.tokensPerAnswer).toBe(2.5);
  });
});

describe('requestsBetween', () => {
  it('counts the requests started inside the interval and their failures', () => {
    const samples: RestSample[] = [[1_000, 5, OUTCOME.ok, 0], [2_000, 5, OUTCOME.error, 0], [3_000, 5, OUTCOME.ok, 0]];
    expect(requestsBetween(restResult(samples), 1_500, 3_000)).toMatchObject({ requests: 2, failed: 1 });
  });
});
