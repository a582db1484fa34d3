/**
 * Admin changes to document metadata (audience, status, supersession) that apply when a
 * document is read, without re-indexing: making a document internal hides it from
 * citizens at once. Kept in one JSON file, replaced atomically on every change.
 */
import { mkdir, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import type { DocumentRecord } from '../../core/model.ts';
import { normalizeText } from '../../core/text/normalize.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { ADMIN_SPECIFICS } from './messages.ts';
import { buildOverlay, type MetadataOverride, type Overlay } from './overlay.ts';

export { buildOverlay, referenceKey, type MetadataOverride, type Overlay } from './overlay.ts';

const AUDIENCES = ['public', 'internal'] as const;
const STATUSES = ['in_force', 'superseded', 'expired'] as const;
const reference = z.string().trim().min(1).max(200);

const linkDecision = z.object({
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

/**
 * A change to a document's override. A field set to `null` goes back to the indexed
 * value; absent fields stay as they are. `supersedes` may be one reference or a list.
 */
export const overridePatchSchema = z.object({
  audience: z.enum(AUDIENCES).nullable(),
  status: z.enum(STATUSES).nullable(),
  supersedes: z.union([reference.transform((s) => [s]), z.array(reference).max(50)]).nullable(),
  supersededBy: reference.nullable(),
}).partial().strict();

/** Input of {@link MetadataOverrides.set}. */
export type OverridePatch = z.input<typeof overridePatchSchema>;

/** Link decisions are refused: the overrides file was unreadable at load (fail closed). */
export class LinksUnavailableError extends Error {
  constructor() {
    super('metadata overrides file was unreadable; link decisions refused until it is restored');
    this.name = 'LinksUnavailableError';
  }
}

/** Outcome of {@link MetadataOverrides.load}. */
export interface OverridesLoadResult {
  /** Overrides now in effect. */
  count: number;
  /** For the log (English), when the file was unreadable and set aside. */
  warning?: string;
  /** For the admin page (Vietnamese), with `warning`. */
  message?: string;
  /** Where the unreadable file was moved. */
  setAsideTo?: string;
}

/** Options of {@link MetadataOverrides}. */
export interface MetadataOverridesOptions {
  /** Clock for `updatedAt`. */
  now?: () => Date;
}

type Fields = Omit<MetadataOverride, 'updatedAt' | 'updatedBy'>;

/** A decision on one relation link ({@link MetadataOverrides.setLink}); null goes back to the automatic link. */
export type LinkDecisionInput = z.input<typeof linkDecision> | null;
const FIELD_NAMES = ['audience', 'status', 'supersedes', 'supersededBy'] as const;
const MAX_ID_LENGTH = 300;
const CONTROL = /\p{Cc}/u;

function invalid(detail: string, userSuffix: string): AppError {
  return new AppError('INVALID_ARGUMENT', `metadata override: ${detail}`, { userSuffix });
}

function checkName(value: unknown, what: string): string {
  if (typeof value !== 'string' || !value.trim() || value.length > MAX_ID_LENGTH || CONTROL.test(value)) {
    throw invalid(`bad ${what}`, `Giá trị “${what}” không hợp lệ.`);
  }
  return value;
}

function normalizeReference(s: string): string {
  return normalizeText(s).trim();
}

/** Overrides by docId, persisted in one JSON file. Changes run one at a time; `version` counts them. */
export class MetadataOverrides {
  /** Path of the JSON file. */
  readonly file: string;
  private readonly now: () => Date;
  private entries: ReadonlyMap<string, MetadataOverride> = new Map();
  private changes = 0;
  private tail: Promise<unknown> = Promise.resolve();
  private readonly cache = new WeakMap<object, { version: number; overlay: Overlay }>();
  private indexDocuments: readonly DocumentRecord[] = [];
  private current: { version: number; overlay: Overlay } | undefined;
  private unreadable = false;

  constructor(file: string, options: MetadataOverridesOptions = {}) {
    this.file = file;
    this.now = options.now ?? (() => new Date());
  }

  /** Increases on every change (load, set, clear): a cache built at one version is stale at another. */
  get version(): number {
    return this.changes;
  }

  /**
   * False after {@link load} found the file unreadable, until a load reads a good one: the
   * admin's link decisions are unknown, so no relation link applies (one an admin rejected
   * must not come back) and {@link setLink} refuses.
   */
  get linksUsable(): boolean {
    return !this.unreadable;
  }

  /**
   * Reads the file. A missing file means no overrides. An unreadable one (bad JSON, wrong
   * shape) is renamed to `<file>.corrupt-<time>` and the store starts empty; the result
   * says so, and the caller must log it: documents made internal are public again until
   * an admin restores the overrides.
   */
  load(): Promise<OverridesLoadResult> {
    return this.exclusive(async () => {
      let text: string;
      try {
        text = await readFile(this.file, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        this.unreadable = false;
        this.replace(new Map());
        return { count: 0 };
      }
      const parsed = parseFile(text);
      if (parsed.ok) {
        this.unreadable = false;
        this.replace(parsed.entries);
        return { count: parsed.entries.size };
      }
      const aside = `${this.file}.corrupt-${this.now().toISOString().replace(/[:.]/g, '-')}`;
      await rename(this.file, aside);
      this.unreadable = true;
      this.replace(new Map());
      return {
        count: 0,
        warning: `metadata overrides file was unreadable (${parsed.reason}); moved to ${aside}; starting with no overrides`,
        message: ADMIN_SPECIFICS.overridesReset,
        setAsideTo: aside,
      };
    });
  }

  /**
   * Applies `patch` to the override of `docId` and saves the file; returns the override now
   * in effect, or undefined when the patch removed its last field. Throws AppError
   * INVALID_ARGUMENT for a bad patch, docId or author.
   */
  async set(docId: string, patch: OverridePatch, by: string): Promise<MetadataOverride | undefined> {
    checkName(docId, 'docId');
    checkName(by, 'updatedBy');
    const parsed = overridePatchSchema.safeParse(patch);
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.flatMap((i) => (i.code === 'unrecognized_keys' ? i.keys : [i.path.join('.') || '(gốc)'])))];
      throw invalid(parsed.error.message, `Trường sai hoặc không được hỗ trợ: ${fields.join(', ')}.`);
    }
    if (Object.keys(parsed.data).length === 0) throw invalid('empty patch', ADMIN_SPECIFICS.overrideNeedsField);
    const change = parsed.data;

    return this.exclusive(async () => {
      const fields: Fields = { ...fieldsOf(this.entries.get(docId)) };
      for (const name of FIELD_NAMES) {
        const value = change[name];
        if (value === undefined) continue;
        if (value === null) delete fields[name];
        else if (name === 'supersedes') fields.supersedes = [...new Set((value as string[]).map(normalizeReference))];
        else if (name === 'supersededBy') fields.supersededBy = normalizeReference(value as string);
        else Object.assign(fields, { [name]: value });
      }
      const next = new Map(this.entries);
      const entry = Object.keys(fields).length > 0 ? { ...fields, updatedAt: this.now().toISOString(), updatedBy: by } : undefined;
      if (entry) next.set(docId, entry);
      else next.delete(docId);
      await this.persist(next);
      this.replace(next);
      return entry;
    });
  }

  /**
   * Records an admin's decision on the link `key` of document `docId`'s relation clauses
   * (confirm, reject, or point it at `targetId`); `null` goes back to the automatic link.
   * Throws {@link LinksUnavailableError} while {@link linksUsable} is false, AppError
   * INVALID_ARGUMENT for a bad decision.
   */
  async setLink(docId: string, key: string, decision: LinkDecisionInput, by: string): Promise<MetadataOverride | undefined> {
    checkName(docId, 'docId');
    checkName(key, 'key');
    checkName(by, 'updatedBy');
    if (this.unreadable) throw new LinksUnavailableError();
    const parsed = decision === null ? undefined : linkDecision.safeParse(decision);
    if (parsed && !parsed.success) throw invalid(parsed.error.message, 'Quyết định về liên kết không hợp lệ.');
    return this.exclusive(async () => {
      const fields: Fields = { ...fieldsOf(this.entries.get(docId)) };
      const links = { ...fields.links };
      if (parsed) links[key] = parsed.data;
      else delete links[key];
      if (Object.keys(links).length > 0) fields.links = links;
      else delete fields.links;
      const next = new Map(this.entries);
      const entry = Object.keys(fields).length > 0 ? { ...fields, updatedAt: this.now().toISOString(), updatedBy: by } : undefined;
      if (entry) next.set(docId, entry);
      else next.delete(docId);
      await this.persist(next);
      this.replace(next);
      return entry;
    });
  }

  /** Removes the override of `docId`; true when there was one. */
  clear(docId: string): Promise<boolean> {
    return this.exclusive(async () => {
      if (!this.entries.has(docId)) return false;
      const next = new Map(this.entries);
      next.delete(docId);
      await this.persist(next);
      this.replace(next);
      return true;
    });
  }

  /** The override of `docId`, if any. */
  get(docId: string): MetadataOverride | undefined {
    return this.entries.get(docId);
  }

  /** Every override, by docId (a snapshot: later changes do not alter it). */
  all(): ReadonlyMap<string, MetadataOverride> {
    return this.entries;
  }

  /**
   * The overlay of the current overrides over `documents`, built once per (`key`,
   * version) and reused. `key` identifies the document set (the index state); by default
   * `documents` itself, so pass a stable collection, not a fresh iterator.
   */
  overlay(documents: Iterable<DocumentRecord>, key: object = documents): Overlay {
    const hit = this.cache.get(key);
    if (hit && hit.version === this.changes) return hit.overlay;
    const overlay = buildOverlay(documents, this.entries, { links: this.linksUsable });
    this.cache.set(key, { version: this.changes, overlay });
    return overlay;
  }

  /** Sets the documents of the index being served, for {@link effective}. */
  useIndex(documents: Iterable<DocumentRecord>): void {
    this.indexDocuments = [...documents];
    this.current = undefined;
  }

  /** The effective record of `doc` within the index given to {@link useIndex}; `doc` itself when nothing applies. */
  effective<D extends DocumentRecord>(doc: D): D {
    if (!this.current || this.current.version !== this.changes) {
      this.current = { version: this.changes, overlay: buildOverlay(this.indexDocuments, this.entries, { links: this.linksUsable }) };
    }
    return this.current.overlay(doc);
  }

  private replace(entries: ReadonlyMap<string, MetadataOverride>): void {
    this.entries = entries;
    this.changes++;
  }

  private async persist(entries: ReadonlyMap<string, MetadataOverride>): Promise<void> {
    const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    await mkdir(dirname(this.file), { recursive: true });
    await writeFileAtomic(this.file, `${JSON.stringify({ version: 1, overrides: Object.fromEntries(sorted) }, null, 2)}\n`);
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn, fn);
    this.tail = run.catch(() => undefined);
    return run;
  }
}

function fieldsOf(o: MetadataOverride | undefined): Fields {
  if (!o) return {};
  const { updatedAt: _at, updatedBy: _by, ...fields } = o;
  return fields;
}

function parseFile(text: string): { ok: true; entries: Map<string, MetadataOverride> } | { ok: false; reason: string } {
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
