/** The Markdown section of the load bench: setup, then one row per target, met or not. */
import os from 'node:os';
import type { RestFigures, SocketFigures } from './load-figures.ts';
import type { LatencySummary } from '../measure/stats.ts';
import { SOAK, type LoadSettings, type ReindexFigures, type SoakFigures } from './load-phases.ts';

/** Targets of the issue (2 cores, extractive answerer, full index). */
export const TARGETS = {
  chatPerSec: 300,
  chatP95Ms: 100,
  connections: 500,
  rssGrowthPct: 10,
  echoReference: 6000,
} as const;

/** Everything the section is written from (also saved as the raw JSON). */
export interface LoadReport {
  command: string;
  date: string;
  machine: string;
  settings: LoadSettings;
  questions: number;
  /** Absent when only the echo baseline ran. */
  server?: {
    index: { version: string; documents: number; chunks: number };
    /** The index was (re)built by this run, in seconds; undefined when it was up to date. */
    indexBuiltSeconds?: number;
    env: Record<string, string>;
    logLevels: Record<string, number>;
  };
  echo?: RestFigures;
  rest?: RestFigures;
  socket?: SocketFigures;
  reindex?: ReindexFigures;
  soak?: SoakFigures;
  rawJson: string;
}

const n = (x: number) => Math.round(x).toLocaleString('en-US');
const ms = (x: number) => (x < 10 ? x.toFixed(1) : n(x));
const mb = (bytes: number) => `${n(bytes / 2 ** 20)} MB`;
const pct = (x: number) => `${x >= 0 ? '+' : ''}${x} %`;
const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
const lat = (l: LatencySummary) => `p50 ${ms(l.p50)} / p95 ${ms(l.p95)} / p99 ${ms(l.p99)} ms`;
const kinds = (counts: Record<string, number>) => Object.entries(counts).map(([k, v]) => `${k} × ${v}`).join(', ');
const errorsOf = (errors: number, counts: Record<string, number>) => (errors ? `${n(errors)} (${kinds(counts)})` : '0');

function ratio(perSec: number, echo?: RestFigures): string {
  return echo ? ` = ${((perSec / echo.perSec) * 100).toFixed(1)} % of echo` : '';
}

function socketRows(s: SocketFigures, label: string): string[] {
  const allAnswered = s.connected === s.connections && s.answeredSockets === s.connections && s.streamed > 0;
  return [
    `| ${label} connections | ${n(s.connected)}/${n(s.connections)} connected in ${s.connectSeconds} s, ${n(s.answeredSockets)} got answers; ${n(s.streamed)} of ${n(s.questions)} answers streamed (${s.tokensPerAnswer} tokens each) | ${n(s.connections)} connections, answers streaming | ${verdict(allAnswered)} |`,
    `| ${label} answers | ${s.answersPerSec} answers/s; first token ${lat(s.firstToken)}; answer ${lat(s.answer)}; errors ${errorsOf(s.errors, s.errorKinds)} | 0 errors | ${verdict(s.errors === 0)} |`,
  ];
}

/** The Markdown section: command and machine, setup, the table of targets, CPU shares. */
export function renderLoadReport(r: LoadReport): string {
  const s = r.settings;
  const lines = [`Command: \`${r.command}\` · ${r.date} · ${r.machine}`, ''];
  if (r.server) {
    const env = r.server.env;
    lines.push(`Server: \`node --import tsx server/main.ts\` as a child process, extractive answerer, index ${n(r.server.index.documents)} documents / ${n(r.server.index.chunks)} chunks`
      + ` (corpora/ + TTHC + ALQAC${r.server.indexBuiltSeconds === undefined ? '' : `, built by this run in ${r.server.indexBuiltSeconds} s`}),`
      + ` ANSWER_WORKERS=${env.ANSWER_WORKERS} (answer worker threads beside the main thread), LOG_LEVEL=${env.LOG_LEVEL}, rate limits raised so that one loopback client is not throttled: RATE_LIMIT_PER_IP=${env.RATE_LIMIT_PER_IP}/min,`
      + ` RATE_LIMIT_PER_TOKEN=${env.RATE_LIMIT_PER_TOKEN}/min, SOCKET_MAX_PER_IP=${env.SOCKET_MAX_PER_IP}.`);
  }
  lines.push(
    `Load: a separate Node process on the same machine (bench/load-client.ts): keep-alive node:http, ${s.concurrency} requests in flight (closed loop);`
      + ` socket.io-client over WebSocket, one connection per client, a question every 2–3 s each; ${n(r.questions)} questions cycled`
      + ` (eval/datasets procedure, normal and unanswerable questions, follow-ups left out). Windows: ${s.seconds} s after a 3 s warm-up;`
      + ` soak ${s.soakSeconds} s after a ${s.soakWarmupSeconds} s warm-up. Latencies are of good replies; errors count the whole run.`,
    '',
    '| Phase | Measured | Target | Result |',
    '|---|---|---|---|',
  );
  if (r.echo) {
    lines.push(`| Echo baseline (bare express JSON echo) | ${n(r.echo.perSec)} requests/s; ${lat(r.echo.latency)}; errors ${errorsOf(r.echo.errors, r.echo.errorKinds)} | reference (about ${n(TARGETS.echoReference)}/s) | — |`);
  }
  if (r.rest) {
    const chat = r.rest.byKind.chat!;
    lines.push(
      `| REST /api/chat throughput | ${n(chat.perSec)} answers/s${ratio(chat.perSec, r.echo)} (${n(chat.refused)} of ${n(chat.latency.count)} refused) | ≥ ${TARGETS.chatPerSec}/s | ${verdict(chat.perSec >= TARGETS.chatPerSec)} |`,
      `| REST /api/chat latency | ${lat(chat.latency)} | p95 ≤ ${TARGETS.chatP95Ms} ms | ${verdict(chat.latency.p95 <= TARGETS.chatP95Ms)} |`,
      `| REST /api/chat errors | ${errorsOf(r.rest.errors, r.rest.errorKinds)} of ${n(r.rest.requests)} | 0 | ${verdict(r.rest.errors === 0)} |`,
    );
  }
  if (r.socket) lines.push(...socketRows(r.socket, 'socket.io'));
  if (r.reindex) {
    const x = r.reindex;
    const during = x.jobs.reduce((a, j) => a + j.requestsDuring, 0);
    const failed = x.jobs.reduce((a, j) => a + j.failedDuring, 0);
    const jobs = x.jobs.map((j) => `${j.purpose}: ${j.status}${j.error ? ` ${j.error}` : ''} in ${j.seconds} s, ${n(j.requestsDuring)} requests until its version answered (p95 ${ms(j.p95During)} ms)`).join('; ');
    const allOk = x.jobs.length === 2 && x.jobs.every((j) => j.status === 'succeeded') && failed === 0 && x.rest.errors === 0;
    lines.push(
      `| Re-index under REST chat load | ${jobs}; ${n(failed)} of ${n(during)} failed during the jobs, errors in the phase ${errorsOf(x.rest.errors, x.rest.errorKinds)}; ${n(x.rest.perSec)} answers/s overall | no failed request | ${verdict(allOk)} |`,
      `| New document searchable after re-index | ${x.foundAfterMs === undefined ? 'not found by /api/search' : `found by /api/search ${n(x.foundAfterMs)} ms after the job`}; ${x.goneAfterMs === undefined ? 'still found after its removal' : 'gone after the removal job'} | found | ${verdict(x.foundAfterMs !== undefined && x.goneAfterMs !== undefined)} |`,
    );
  }
  if (r.soak) {
    const k = r.soak;
    const rest = Object.entries(k.rest.byKind).map(([kind, f]) => `${kind} ${f.perSec}/s p95 ${ms(f.latency.p95)} ms`).join(', ');
    lines.push(
      `| Soak RSS (${k.seconds} s, ${SOAK.restPerSec} REST/s + ${SOAK.sockets} sockets) | ${mb(k.rss.start)} → ${mb(k.rss.end)} (max ${mb(k.rss.max)}): ${pct(k.rss.growthPct)}`
        + `; lowest sample ${mb(k.rss.floor.firstHalf)} in the first half, ${mb(k.rss.floor.secondHalf)} in the second (${pct(k.rss.floor.growthPct)})`
        + `${k.heapUsed ? `; V8 heap used ${mb(k.heapUsed.start)} → ${mb(k.heapUsed.end)} (max ${mb(k.heapUsed.max)}), lowest ${mb(k.heapUsed.floor.firstHalf)} then ${mb(k.heapUsed.floor.secondHalf)} (${pct(k.heapUsed.floor.growthPct)})` : ''}`
        + ` | growth < ${TARGETS.rssGrowthPct} % (start → end) | ${verdict(k.rss.growthPct < TARGETS.rssGrowthPct)} |`,
      `| Soak traffic | REST ${rest}, errors ${errorsOf(k.rest.errors, k.rest.errorKinds)}; sockets ${n(k.sockets.answeredSockets)}/${n(k.sockets.connections)} answered, ${k.sockets.answersPerSec} answers/s, answer p95 ${ms(k.sockets.answer.p95)} ms, errors ${errorsOf(k.sockets.errors, k.sockets.errorKinds)} | 0 errors | ${verdict(k.rest.errors === 0 && k.sockets.errors === 0)} |`,
    );
  }
  const cpu = ([['echo', r.echo?.cpu], ['REST', r.rest?.cpu], ['socket.io', r.socket?.cpu], ['re-index', r.reindex?.rest.cpu], ['soak', r.soak?.cpu]] as const)
    .flatMap(([phase, c]) => (c ? [`${phase} ${c.server} / ${c.client} / ${c.other}`] : []));
  if (cpu.length) {
    lines.push('', `CPU in cores (of ${os.availableParallelism()}) used during each window by server / load generator / everything else (the bench process, re-index workers, other work on the machine): ${cpu.join('; ')}.`);
  }
  const logged = Object.entries(r.server?.logLevels ?? {}).filter(([level]) => level === 'warn' || level === 'error' || level === 'fatal');
  lines.push(
    '',
    `Server log during the run: ${logged.length ? logged.map(([level, count]) => `${count} ${level}`).join(', ') : 'no warnings or errors'}. Raw figures: ${r.rawJson}.`,
  );
  return lines.join('\n');
}
