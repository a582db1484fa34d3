/**
 * The files behind the metadata overrides, kept so that a damaged file fails closed:
 *
 *   metadata-overrides.json          the overrides (replaced atomically on every change)
 *   metadata-overrides.json.bak      the same content, written after it: the last good copy
 *   metadata-overrides.json.touched  every docId an override ever named, one per line (append only)
 *
 * When the main file cannot be read the backup serves; when neither can, the documents in
 * the touched list (plus any docId still legible in the damaged files) are treated as
 * internal; when not even one docId is known, every document is.
 */
import { appendFile, readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-write.ts';
import type { MetadataOverride } from './overlay.ts';

const AUDIENCES = ['public', 'internal'] as const;
const STATUSES = ['in_force', 'superseded', 'expired'] as const;
export const reference = z.string().trim().min(1).max(200);

/** An admin's decision on one relation link (core/inforce/links.ts). */
export const linkDecision = z.object({
  decision: z.enum(['confirmed', 'rejected']),
  targetId: z.string().min(1).max(300).optional(),
}).strict();

const storedOverride = z.object({
  audience: z.enum(AUDIENCES).optional(),
  status: z.enum(STATUSES).optional(),
  supersedes: z.array(reference).max(50).optional(),
  supersededBy: reference.optional(),
  links: z.record(z.string().min(1).max(300), linkDecision).optional(),
  updatedAt: z.string().datetime({ offset: true }),
  updatedBy: z.string().min(1),
}).strict();

const overridesFile = z.object({
  version: z.literal(1),
  overrides: z.record(z.string().min(1), storedOverride),
}).strict();

export const backupOf = (file: string) => `${file}.bak`;
export const touchedOf = (file: string) => `${file}.touched`;

/** What reading one overrides file gave. */
export type ParsedFile =
  | { ok: true; entries: Map<string, MetadataOverride> }
  | { ok: false; missing: boolean; reason: string; text: string };

/** The content of an overrides file for `entries`, sorted by docId. */
export function serialize(entries: ReadonlyMap<string, MetadataOverride>): string {
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${JSON.stringify({ version: 1, overrides: Object.fromEntries(sorted) }, null, 2)}\n`;
}

/** Parse the text of an overrides file. */
export function parseText(text: string): { ok: true; entries: Map<string, MetadataOverride> } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const parsed = overridesFile.safeParse(json);
  if (!parsed.success) return { ok: false, reason: `invalid: ${parsed.error.issues.slice(0, 3).map((i) => i.path.join('.') || i.message).join(', ')}` };
  return { ok: true, entries: new Map(Object.entries(parsed.data.overrides)) };
}

/** Read and parse `path`; a missing file is reported as such (not an error). */
export async function readOverridesFile(path: string): Promise<ParsedFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    return { ok: false, missing: true, reason: 'missing', text: '' };
  }
  const parsed = parseText(text);
  return parsed.ok ? parsed : { ok: false, missing: false, reason: parsed.reason, text };
}

/** The docIds of the touched list (a torn last line is just one more id, harmless). */
export async function readTouched(file: string): Promise<Set<string>> {
  const text = await readFile(touchedOf(file), 'utf8').catch(() => '');
  return new Set(text.split('\n').map((l) => l.trim()).filter(Boolean));
}

/** Add `ids` not yet in the touched list. */
export async function recordTouched(file: string, ids: Iterable<string>, known: Set<string>): Promise<void> {
  const fresh = [...new Set(ids)].filter((id) => !known.has(id) && !/[\r\n]/.test(id));
  if (fresh.length === 0) return;
  await appendFile(touchedOf(file), `${fresh.join('\n')}\n`);
  for (const id of fresh) known.add(id);
}

/** The docIds still legible in a damaged file: keys followed by an object. */
export function legibleIds(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/"((?:[^"\\\r\n]|\\.){1,300})"\s*:\s*\{/g)) if (m[1] !== 'overrides') out.push(JSON.parse(`"${m[1]}"`) as string);
  return out;
}

/** Write the overrides: main file, then its backup (both atomically). */
export async function writeOverrides(file: string, entries: ReadonlyMap<string, MetadataOverride>): Promise<void> {
  const text = serialize(entries);
  await writeFileAtomic(file, text);
  await writeFileAtomic(backupOf(file), text);
}
