/**
 * Prometheus metrics (`GET /metrics`, text format): requests and latencies per route,
 * answers and refusals by reason, chat exchanges that ended without an answer, socket
 * connections, index size and re-index runs.
 * One registry per server instance, so tests can run several servers in one process.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export class Metrics {
  readonly registry = new Registry();
  readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  readonly httpDuration: Histogram<'method' | 'route'>;
  readonly answers: Counter<'outcome' | 'answerer'>;
  readonly refusals: Counter<'reason'>;
  readonly answerDuration: Histogram<'channel'>;
  readonly chatFailures: Counter<'channel' | 'code'>;
  readonly socketConnections: Gauge;
  readonly rateLimited: Counter<'channel'>;
  readonly reindexRuns: Counter<'status'>;
  readonly indexDocuments: Gauge;
  readonly indexChunks: Gauge;
  readonly indexVersionInfo: Gauge<'version'>;

  /** `node`: this node's NODE_ID in a cluster, a label on every metric so a scrape of each node is told apart. */
  constructor(opts: { defaultMetrics?: boolean; node?: string } = {}) {
    const registers = [this.registry];
    if (opts.node) this.registry.setDefaultLabels({ node: opts.node });
    if (opts.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: 'assistant_' });
    this.httpRequests = new Counter({ name: 'assistant_http_requests_total', help: 'HTTP requests by route and status', labelNames: ['method', 'route', 'status'], registers });
    this.httpDuration = new Histogram({
      name: 'assistant_http_request_duration_seconds', help: 'HTTP request latency by route', labelNames: ['method', 'route'], registers,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    });
    this.answers = new Counter({ name: 'assistant_answers_total', help: 'Chat exchanges by outcome and answerer', labelNames: ['outcome', 'answerer'], registers });
    this.refusals = new Counter({ name: 'assistant_refusals_total', help: 'Refused questions by reason', labelNames: ['reason'], registers });
    this.answerDuration = new Histogram({
      name: 'assistant_answer_duration_seconds', help: 'Time to a complete answer', labelNames: ['channel'], registers,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    });
    this.chatFailures = new Counter({ name: 'assistant_chat_failures_total', help: 'Chat exchanges that ended without an answer, by transport and code (CANCELLED, TIMEOUT, SHUTTING_DOWN …)', labelNames: ['channel', 'code'], registers });
    this.socketConnections = new Gauge({ name: 'assistant_socket_connections', help: 'Open socket.io connections', registers });
    this.rateLimited = new Counter({ name: 'assistant_rate_limited_total', help: 'Requests refused by the rate limiter', labelNames: ['channel'], registers });
    this.reindexRuns = new Counter({ name: 'assistant_reindex_runs_total', help: 'Re-index jobs by final status', labelNames: ['status'], registers });
    this.indexDocuments = new Gauge({ name: 'assistant_index_documents', help: 'Documents in the serving index', registers });
    this.indexChunks = new Gauge({ name: 'assistant_index_chunks', help: 'Chunks in the serving index', registers });
    this.indexVersionInfo = new Gauge({ name: 'assistant_index_version_info', help: 'Serving index version (value 1)', labelNames: ['version'], registers });
  }

  /** Record one audited exchange (the assistant's `observe` hook). */
  exchanged(r: { outcome: string; reason?: string; answerer?: string }): void {
    this.answers.inc({ outcome: r.outcome, answerer: r.answerer ?? 'none' });
    if (r.outcome === 'refused') this.refusals.inc({ reason: r.reason ?? 'UNKNOWN' });
  }

  indexServed(version: string, documents: number, chunks: number): void {
    this.indexVersionInfo.reset();
    this.indexVersionInfo.set({ version }, 1);
    this.indexDocuments.set(documents);
    this.indexChunks.set(chunks);
  }
}
