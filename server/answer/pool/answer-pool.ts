/**
 * The extractive answerer spread over worker threads (`ANSWER_WORKERS`). Node answers on
 * one core; with workers, the main thread keeps HTTP, socket.io, guards and the audit
 * trail while search and answering run beside it, on the main thread's copy of the served
 * index: its chunks, postings and embedder matrix are SharedArrayBuffers handed to the
 * workers, not copied (index/served-state.ts).
 *
 * - A request goes to the worker with the fewest answers in flight.
 * - The index: after the server switches versions, workers load the new one one at a time,
 *   so the others keep answering; each answer comes whole from one version.
 * - Admin metadata overrides are sent to a worker before the first answer that follows a
 *   change (messages to a worker are ordered), so a document made internal is hidden there
 *   as soon as in the main thread.
 * - A worker that dies fails its answers in flight (500, audited as errors) and is replaced.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { AnswerRequest, AnswerResult, Answerer } from '../../../core/answer/types.ts';
import { AppError } from '../../../core/errors.ts';
import type { SharedIndexParts } from '../../../index/served-state.ts';
import type { MetadataOverride } from '../../admin/overlay.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

/** A JavaScript entry that registers tsx in the thread, then loads answer-worker.ts. */
const WORKER_PATH = fileURLToPath(new URL('./answer-worker-entry.mjs', import.meta.url));
/** Workers that die within this long of starting count as failing to start. */
const EARLY_EXIT_MS = 10_000;
/** Early exits in a row after which no replacement is started (it would only crash again). */
const MAX_EARLY_EXITS = 3;
/**
 * A worker's V8 young generation, in MB. V8's default (tens of MB per thread, once used)
 * was a large part of what each worker added to the RSS; with the index shared, an answer
 * keeps little beyond the question, so a small nursery costs no measured latency
 * (docs/SCALING.md, "Memory").
 */
const WORKER_YOUNG_GENERATION_MB = 4;

/** The version the workers are to serve, and its shared memory. */
interface Target {
  indexDir: string;
  version: string;
  shared: SharedIndexParts;
}

interface Pending {
  resolve: (r: AnswerResult) => void;
  reject: (e: unknown) => void;
  onToken?: (text: string) => void;
}

interface Slot {
  worker: Worker;
  startedAt: number;
  inFlight: number;
  /** Version the worker answers from, once loaded. */
  version?: string;
  /** Overrides version last sent. */
  overridesSent: number;
  pending: Map<number, Pending>;
  loaded?: { version: string; resolve: () => void; reject: (e: Error) => void };
}

export interface AnswerPoolOptions {
  size: number;
  /** The overrides to apply, and a number that changes whenever they do. */
  overrides: { readonly version: number; all(): ReadonlyMap<string, MetadataOverride>; readonly linksUsable?: boolean };
  logger?: Logger;
}

export class AnswerPool implements Answerer {
  readonly name = 'extractive' as const;
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private target: Target | undefined;
  private closed = false;
  private earlyExits = 0;

  constructor(private readonly opts: AnswerPoolOptions) {
    for (let i = 0; i < opts.size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_PATH, { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    const slot: Slot = { worker, startedAt: Date.now(), inFlight: 0, overridesSent: -1, pending: new Map() };
    worker.on('message', (m: FromWorker) => this.onMessage(slot, m));
    worker.on('error', (err) => this.opts.logger?.error({ err }, 'answer worker failed'));
    worker.on('exit', (code) => this.onExit(slot, code));
    return slot;
  }

  private onMessage(slot: Slot, m: FromWorker): void {
    if (m.type === 'loaded' || m.type === 'load-failed') {
      const waiting = slot.loaded;
      slot.loaded = undefined;
      if (m.type === 'loaded') {
        slot.version = m.version;
        waiting?.resolve();
      } else {
        waiting?.reject(new AppError('INDEX_CORRUPT', `answer worker could not load ${m.version}: ${m.message}`));
      }
      return;
    }
    const p = slot.pending.get(m.id);
    if (!p) return;
    if (m.type === 'token') {
      p.onToken?.(m.text);
      return;
    }
    slot.pending.delete(m.id);
    slot.inFlight--;
    if (m.type === 'result') p.resolve(m.result);
    else p.reject(m.code === 'CANCELLED' ? new DOMException('cancelled', 'AbortError') : new AppError('INTERNAL', `answer worker: ${m.message}`));
  }

  private onExit(slot: Slot, code: number): void {
    for (const p of slot.pending.values()) p.reject(new AppError('INTERNAL', `answer worker exited with code ${code}`));
    slot.pending.clear();
    slot.loaded?.reject(new Error(`answer worker exited with code ${code}`));
    const at = this.slots.indexOf(slot);
    if (this.closed || at < 0) return;
    this.earlyExits = Date.now() - slot.startedAt < EARLY_EXIT_MS ? this.earlyExits + 1 : 0;
    if (this.earlyExits >= MAX_EARLY_EXITS) {
      this.opts.logger?.fatal({ code }, 'answer workers keep failing at start; not starting more');
      this.slots.splice(at, 1);
      return;
    }
    this.opts.logger?.error({ code }, 'answer worker exited; starting a new one');
    const fresh = this.spawn();
    this.slots[at] = fresh;
    if (this.target) void this.loadInto(fresh, this.target).catch((err: unknown) => this.opts.logger?.error({ err }, 'replacement answer worker could not load the index'));
  }

  private loadInto(slot: Slot, target: Target): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      slot.loaded = { version: target.version, resolve, reject };
      this.post(slot, { type: 'load', ...target });
    });
  }

  private post(slot: Slot, m: ToWorker): void {
    slot.worker.postMessage(m);
  }

  /**
   * Serve `version` of `indexDir` in every worker, one worker at a time so the others keep
   * answering; `shared` is the main thread's copy of it (OpenIndex.shared). Resolves when
   * all have it; rejects (the old version still serving in the workers that failed) if
   * one cannot load it.
   */
  async load(indexDir: string, version: string, shared: SharedIndexParts): Promise<void> {
    const target = { indexDir, version, shared };
    this.target = target;
    // Nothing served yet: no answers to keep going, so every worker loads at once.
    if (!this.ready) {
      await Promise.all(this.slots.map((slot) => this.loadInto(slot, target)));
      return;
    }
    for (const slot of [...this.slots]) {
      if (slot.version === version) continue;
      await this.loadInto(slot, target);
    }
  }

  /** The running worker threads (for metrics and tests). */
  get workers(): readonly Worker[] {
    return this.slots.map((s) => s.worker);
  }

  get ready(): boolean {
    return this.slots.some((s) => s.version !== undefined);
  }

  answer(req: AnswerRequest, _corpus: unknown, signal?: AbortSignal): Promise<AnswerResult> {
    return this.dispatch(req, undefined, signal);
  }

  stream(req: AnswerRequest, _corpus: unknown, onToken: (text: string) => void, signal?: AbortSignal): Promise<AnswerResult> {
    return this.dispatch(req, onToken, signal);
  }

  private pick(): Slot {
    // Least loaded among the workers that have an index; a worker loading a new version
    // (no version yet, or busy loading) is used only when no other can answer.
    const ready = this.slots.filter((s) => s.version !== undefined && !s.loaded);
    const candidates = ready.length ? ready : this.slots.filter((s) => s.version !== undefined);
    const pool = candidates.length ? candidates : this.slots;
    return pool.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
  }

  private async dispatch(request: AnswerRequest, onToken: ((text: string) => void) | undefined, signal?: AbortSignal): Promise<AnswerResult> {
    if (this.closed || this.slots.length === 0) throw new AppError('INTERNAL', 'no answer worker running');
    // The server serves an index only once the workers have it (IndexService beforeServe).
    if (!this.ready) throw new AppError('INDEX_NOT_FOUND', 'no index loaded in the answer workers yet');
    signal?.throwIfAborted();
    const slot = this.pick();
    const overrides = this.opts.overrides;
    if (slot.overridesSent !== overrides.version) {
      this.post(slot, { type: 'overrides', entries: [...overrides.all()], links: overrides.linksUsable !== false });
      slot.overridesSent = overrides.version;
    }
    const id = this.nextId++;
    slot.inFlight++;
    return new Promise<AnswerResult>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject, ...(onToken ? { onToken } : {}) });
      signal?.addEventListener('abort', () => this.post(slot, { type: 'abort', id }), { once: true });
      this.post(slot, { type: 'answer', id, request, stream: !!onToken });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
