/**
 * The index the server answers from. Loading a new version happens beside the served
 * one; the switch is one assignment, so an answer in flight keeps the index it started
 * with and the next one gets the new index. A version that fails to load leaves the old
 * one serving. CURRENT is also polled (`watch`), so a version published or rolled back by
 * the CLI is served without a restart.
 */
import type { Logger } from 'pino';
import { openIndex, type OpenIndex } from '../index/open-index.ts';
import type { StoredDocument } from '../index/index-state.ts';
import { readCurrent } from '../index/layout.ts';
import { AppError } from '../core/errors.ts';
import { HttpError } from './http/errors.ts';

export interface IndexServiceOptions {
  indexDir: string;
  /** Effective metadata of a document (admin overrides), applied on every lookup. */
  view?: (doc: StoredDocument) => StoredDocument;
  logger?: Logger;
  /** Run on a newly opened version before it is served (answer workers load it); a failure keeps the old one. */
  beforeServe?: (index: OpenIndex) => Promise<void>;
  /** Told after every successful switch. */
  onServed?: (index: OpenIndex) => void;
}

export class IndexService {
  private served: OpenIndex | undefined;
  /** Loads run one at a time: two jobs finishing together must not race their switches. */
  private loading: Promise<unknown> = Promise.resolve();

  constructor(private readonly opts: IndexServiceOptions) {}

  get ready(): boolean {
    return this.served !== undefined;
  }

  /** The index currently served; 503 NOT_READY before the first load. */
  get current(): OpenIndex {
    if (!this.served) throw HttpError.of(503, 'NOT_READY');
    return this.served;
  }

  /** Throws 503 NOT_READY before the first index is served. */
  assertReady(): void {
    if (!this.served) throw HttpError.of(503, 'NOT_READY');
  }

  get version(): string | undefined {
    return this.served?.version;
  }

  /**
   * Open the directory's active version and serve it, unless it is already served.
   * Throws (and keeps the old index serving) when the version cannot be opened.
   */
  load(): Promise<OpenIndex> {
    const run = this.loading.then(() => this.loadNow());
    this.loading = run.catch(() => undefined);
    return run;
  }

  /**
   * Check CURRENT every `intervalMs` and serve a version switched by another process (a
   * CLI ingest or rollback). Returns the function that stops watching.
   */
  watch(intervalMs: number): () => void {
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      void readCurrent(this.opts.indexDir)
        .then((active) => (active && active !== this.served?.version ? this.load() : undefined))
        .catch((err: unknown) => this.opts.logger?.error({ err }, 'the active index version could not be served; the previous one keeps serving'))
        .finally(() => {
          busy = false;
        });
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  private async loadNow(): Promise<OpenIndex> {
    const active = await readCurrent(this.opts.indexDir);
    if (!active) throw new AppError('INDEX_NOT_FOUND', `no published index in ${this.opts.indexDir}`);
    if (this.served && active === this.served.version) return this.served;
    const started = performance.now();
    const index = await openIndex(this.opts.indexDir, {
      version: active, ...(this.opts.view ? { view: this.opts.view } : {}), ...(this.served ? { previous: this.served } : {}),
    });
    const openMs = Math.round(performance.now() - started);
    await this.opts.beforeServe?.(index);
    const previous = this.served?.version;
    this.served = index;
    this.opts.logger?.info({
      version: index.version, previous, documents: index.state.docs.size, chunks: index.state.chunks.size,
      openMs, loadMs: Math.round(performance.now() - started), ...index.state.loadStats,
    }, 'index served');
    this.opts.onServed?.(index);
    return index;
  }
}
