/**
 * What stands between the server and full service, as /readyz and the admin status show
 * it: an index directory that cannot be written, an overrides file that could not be
 * read, a re-index that failed, a source that is not reachable. Each problem has a code
 * and a Vietnamese message; with an index served they make the server "degraded" (still
 * answering), without one they say why it is not ready instead of "starting".
 */

/** One problem, keyed by what it is about. */
export interface Problem {
  /** What it is about: `index-dir`, `overrides`, `reindex`, `sources`. */
  about: string;
  code: string;
  /** Vietnamese, for operators. */
  message: string;
  /** ISO time it was first seen. */
  since: string;
}

export class Readiness {
  private readonly problems = new Map<string, Problem>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  /** Record (or update) the problem about `about`; its `since` is kept while the code stays the same. */
  set(about: string, code: string, message: string): void {
    const prev = this.problems.get(about);
    const since = prev && prev.code === code ? prev.since : this.now().toISOString();
    this.problems.set(about, { about, code, message, since });
  }

  clear(about: string): void {
    this.problems.delete(about);
  }

  get(about: string): Problem | undefined {
    return this.problems.get(about);
  }

  /** Every current problem, oldest first. */
  list(): Problem[] {
    return [...this.problems.values()].sort((a, b) => a.since.localeCompare(b.since));
  }
}
