/**
 * Where the conversation log scrolls while an answer comes in: to the end, but never past
 * the start of the answer — a long answer is read from its first line, not its middle.
 */

/** Room kept above an answer's first line. */
const ABOVE = 8;
/** How near to its place the log must be to count as following the answer. */
const SLACK = 48;

/** The scroll position that shows `el` from its start, or the end of the log when all of it fits. */
export function startOf(log: HTMLElement, el: HTMLElement): number {
  const start = log.scrollTop + el.getBoundingClientRect().top - log.getBoundingClientRect().top - ABOVE;
  return Math.max(0, Math.min(log.scrollHeight - log.clientHeight, start));
}

/** Whether the reader is where {@link startOf} would put them (or further down). */
export function following(log: HTMLElement, el: HTMLElement): boolean {
  return log.scrollTop >= startOf(log, el) - SLACK;
}
