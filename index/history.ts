/**
 * The history of an index directory: one JSON line per switch of CURRENT — a new version
 * published by an ingest run, or a rollback — with when, by whom and from what. It tells
 * which versions were ever served (the sweep keeps the most recently served ones) and
 * what the versions list shows. Appended by ingest/store/publish.ts.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { HISTORY_FILE } from './layout.ts';

export const historyEntrySchema = z.object({
  at: z.string(),
  event: z.enum(['publish', 'rollback']),
  /** The version CURRENT was switched to. */
  version: z.string(),
  /** The version it replaced. */
  previous: z.string().optional(),
  /** `cli:<os user>`, an admin pseudonym or `system`. */
  by: z.string(),
  via: z.enum(['cli', 'job', 'admin']),
  job: z.string().optional(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** Every readable line of the history, oldest first (a torn or foreign line is skipped). */
export async function readHistory(indexDir: string): Promise<HistoryEntry[]> {
  const text = await readFile(join(indexDir, HISTORY_FILE), 'utf8').catch(() => '');
  const out: HistoryEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const parsed = historyEntrySchema.safeParse(JSON.parse(line));
      if (parsed.success) out.push(parsed.data);
    } catch {
      // A line cut short by a crash: skipped.
    }
  }
  return out;
}

/** When each version last became the active one, from the history. */
export function lastServed(history: readonly HistoryEntry[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const h of history) out.set(h.version, h.at);
  return out;
}
