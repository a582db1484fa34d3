/**
 * The server's lifecycle as the transports see it: answers in flight, counted so that a
 * shutdown can wait for them, and the flag that refuses new ones once it has begun.
 * Shared by the REST routes, socket.io and the shutdown in server/server.ts.
 */
import { HttpError } from './http/errors.ts';

export class Lifecycle {
  shuttingDown = false;
  private inFlight = 0;
  private waiters: Array<() => void> = [];

  /** Run one answer, counted so a shutdown can wait for it; 503 SHUTTING_DOWN once the shutdown has begun. */
  async track<T>(work: () => Promise<T>): Promise<T> {
    if (this.shuttingDown) throw HttpError.of(503, 'SHUTTING_DOWN');
    this.inFlight++;
    try {
      return await work();
    } finally {
      if (--this.inFlight === 0) for (const w of this.waiters.splice(0)) w();
    }
  }

  get active(): number {
    return this.inFlight;
  }

  /** Resolves when no answer is in flight, or after `ms`. Returns whether it drained. */
  drain(ms: number): Promise<boolean> {
    if (this.inFlight === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
