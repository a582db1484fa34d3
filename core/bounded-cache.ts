/**
 * A memo of at most `max` entries, least recently used dropped first: for values derived
 * from the immutable index (term sets of its texts, analyses of its titles) that are
 * worth keeping between questions but too many to keep for the whole index.
 *
 * A hit only stamps its entry; when the memo is full, the least recently used tenth is
 * dropped at once, so keeping the order costs one sort per `max / 10` misses rather than
 * a reinsertion per hit.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, { value: V; used: number }>();
  private clock = 0;

  constructor(readonly max: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** The value for `key`: the remembered one, else `make(key)`, remembered. */
  get(key: K, make: (key: K) => V): V {
    const entry = this.entries.get(key);
    if (entry) {
      entry.used = ++this.clock;
      return entry.value;
    }
    const value = make(key);
    this.entries.set(key, { value, used: ++this.clock });
    if (this.entries.size > this.max) this.dropLeastRecentlyUsed();
    return value;
  }

  private dropLeastRecentlyUsed(): void {
    const keep = this.max - Math.floor(this.max / 10);
    const uses = Array.from(this.entries.values(), (e) => e.used).sort((a, b) => a - b);
    // Stamps are unique, so exactly the entries up to the cut go.
    const cut = uses[uses.length - keep - 1]!;
    for (const [key, entry] of this.entries) if (entry.used <= cut) this.entries.delete(key);
  }
}
