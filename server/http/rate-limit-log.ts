/**
 * Sampled logging of refused requests (429). A flood from one client must not become a
 * flood of log lines (one warn line per 429 once wrote 9 MB in 10 s): per client key and
 * window, the first refusal is logged, the rest only counted, and when the window ends one
 * summary line says how many were refused. Metrics count every refusal; this is only the
 * log. Keys are logged as pseudonyms, never a raw IP address or token.
 */
import type { Logger } from 'pino';

/** Options of {@link RateLimitLog}. */
export interface RateLimitLogOptions {
  /** Length of a sampling window (default 60 s). */
  windowMs?: number;
  /** Clients logged by name per window; refusals of further clients go into one shared summary (default 100). */
  maxKeys?: number;
  /** The pseudonym a key is logged under (an HMAC of an IP key, say). */
  pseudonym: (key: string) => string;
  now?: () => number;
}

interface Window {
  started: number;
  count: number;
  channel: string;
  code: string;
}

/** The pseudonym of a rate-limit key: token keys already are one; an IP is replaced by an HMAC of it. */
export function keyPseudonym(hmac: (text: string) => string): (key: string) => string {
  return (key) => (key.startsWith('user:') ? key : `ip~${hmac(key)}`);
}

/** Logs the first 429 per client key and window, then a summary with the count. */
export class RateLimitLog {
  private readonly windowMs: number;
  private readonly maxKeys: number;
  private readonly pseudonym: (key: string) => string;
  private readonly now: () => number;
  private readonly windows = new Map<string, Window>();
  /** Refusals of clients past `maxKeys` in the current window: count and distinct keys. */
  private overflow = { started: 0, count: 0, keys: new Set<string>() };
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly logger: Logger, opts: RateLimitLogOptions) {
    this.windowMs = opts.windowMs ?? 60_000;
    this.maxKeys = opts.maxKeys ?? 100;
    this.pseudonym = opts.pseudonym;
    this.now = opts.now ?? (() => Date.now());
    this.timer = setInterval(() => this.flush(), Math.min(this.windowMs, 10_000));
    this.timer.unref();
  }

  /** One refused request of client `key` (`ip:…` or `user:…`). */
  refused(key: string, details: { channel: string; code: string; path?: string }): void {
    const t = this.now();
    const open = this.windows.get(key);
    if (open && t - open.started < this.windowMs) {
      open.count++;
      return;
    }
    if (open) this.summarise(key, open);
    else if (this.windows.size >= this.maxKeys) {
      this.countOverflow(key, t);
      return;
    }
    this.windows.set(key, { started: t, count: 1, channel: details.channel, code: details.code });
    this.logger.warn({ client: this.pseudonym(key), ...details }, 'rate limited (further refusals of this client are counted, then summarised)');
  }

  /** Summarise every window that has ended. Runs on a timer; tests call it directly. */
  flush(force = false): void {
    const t = this.now();
    for (const [key, w] of this.windows) {
      if (!force && t - w.started < this.windowMs) continue;
      this.windows.delete(key);
      this.summarise(key, w);
    }
    if (this.overflow.count > 0 && (force || t - this.overflow.started >= this.windowMs)) {
      const seconds = Math.round(this.windowMs / 1000);
      this.logger.warn({ count: this.overflow.count, clients: this.overflow.keys.size }, `rate limited ${this.overflow.count} requests from ${this.overflow.keys.size} other clients in the last ${seconds} s`);
      this.overflow = { started: 0, count: 0, keys: new Set() };
    }
  }

  close(): void {
    clearInterval(this.timer);
    this.flush(true);
  }

  private summarise(key: string, w: Window): void {
    if (w.count <= 1) return;
    const client = this.pseudonym(key);
    const seconds = Math.round(this.windowMs / 1000);
    this.logger.warn({ client, count: w.count, channel: w.channel, code: w.code }, `rate limited ${w.count} requests from ${client} in the last ${seconds} s`);
  }

  private countOverflow(key: string, t: number): void {
    if (this.overflow.count === 0) this.overflow.started = t;
    this.overflow.count++;
    // The distinct-client count is a figure for the summary; cap its memory.
    if (this.overflow.keys.size < 100_000) this.overflow.keys.add(key);
  }
}
