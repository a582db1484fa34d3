/**
 * Poll `check` every `every` ms until it gives a value; throws naming `what` after `ms`.
 * The cluster tests wait on other processes (nodes, Redis, a queue) this way.
 */
export async function until<T>(what: string, check: () => Promise<T | undefined> | T | undefined, ms = 20_000, every = 50): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, every));
  }
}
