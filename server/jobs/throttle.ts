/**
 * Rate limit for a stream of states where only the latest matters (progress reports):
 * at most one call per `intervalMs`, and the latest value is never lost — it is sent
 * when the interval ends, or at once by `flush`.
 */
export interface LatestThrottle<T> {
  push(value: T): void;
  /** Send the pending value now, if any, and stop the timer. */
  flush(): void;
}

export function throttleLatest<T>(send: (value: T) => void, intervalMs: number, now: () => number = Date.now): LatestThrottle<T> {
  let last = -Infinity;
  let pending: { value: T } | undefined;
  let timer: NodeJS.Timeout | undefined;
  const fire = () => {
    timer = undefined;
    if (!pending) return;
    const { value } = pending;
    pending = undefined;
    last = now();
    send(value);
  };
  return {
    push(value) {
      pending = { value };
      const wait = last + intervalMs - now();
      if (wait <= 0) {
        if (timer) clearTimeout(timer);
        fire();
      } else timer ??= setTimeout(fire, wait);
    },
    flush() {
      if (timer) clearTimeout(timer);
      fire();
    },
  };
}
