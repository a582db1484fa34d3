/**
 * Admin changes to document metadata (audience, status, supersession) that apply when a
 * document is read, without re-indexing: making a document internal hides it from
 * citizens at once. Kept in one JSON file, replaced atomically on every change, with a
 * backup and the list of every document ever touched (overrides-file.ts), so that a
 * damaged file fails closed: the last good copy serves, or every document an override
 * ever named is internal, or — when none is known — every document is. Until the file is
 * repaired the store is "degraded" (`health`), which /readyz and the admin status show.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import type { DocumentRecord } from '../../core/model.ts';
import { normalizeText } from '../../core/text/normalize.ts';
import { ADMIN_SPECIFICS } from './messages.ts';
import { buildOverlay, type MetadataOverride, type Overlay } from './overlay.ts';
import { backupOf, legibleIds, readOverridesFile, linkDecision, readTouched, recordTouched, reference, serialize, writeOverrides } from './overrides-file.ts';
import { writeFileAtomic } from './atomic-write.ts';

export { buildOverlay, referenceKey, type MetadataOverride, type Overlay } from './overlay.ts';

const AUDIENCES = ['public', 'internal'] as const;
const STATUSES = ['in_force', 'superseded', 'expired'] as const;

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

/**
 * How the overrides are served: from their file (`ok`), from the last good copy because
 * the file is damaged or gone (`backup`), or failed closed (`closed`: the documents an
 * override ever named — or, when none is known, all documents — are internal).
 */
export type OverridesMode = 'ok' | 'backup' | 'closed';

/** The store's state, for /readyz and the admin status. */
export interface OverridesHealth {
  mode: OverridesMode;
  /** Overrides in effect (read from the file or the backup). */
  count: number;
  /** Documents hidden because the overrides could not be read: a number, or `all`. */
  hidden?: number | 'all';
  /** For the log (English): what is wrong with the file. */
  reason?: string;
  /** For operators (Vietnamese), when degraded. */
  message?: string;
  /** ISO time the problem was found. */
  since?: string;
}

/** Outcome of {@link MetadataOverrides.load}: the health after reading. */
export type OverridesLoadResult = OverridesHealth;

/** Options of {@link MetadataOverrides}. */
export interface MetadataOverridesOptions {
  /** Clock for `updatedAt`. */
  now?: () => Date;
  /** Told after each change this store wrote to the file (the other nodes of a cluster reload it). */
  onSaved?: () => void;
}

type Fields = Omit<MetadataOverride, 'updatedAt' | 'updatedBy'>;

/** A decision on one relation link ({@link MetadataOverrides.setLink}); null goes back to the automatic link. */
export type LinkDecisionInput = z.input<typeof linkDecision> | null;

/** Link decisions are refused: the overrides failed closed (unreadable file and backup). */
export class LinksUnavailableError extends Error {
  constructor() {
    super('metadata overrides failed closed; link decisions refused until the file is restored');
    this.name = 'LinksUnavailableError';
  }
}
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
  private readonly onSaved: (() => void) | undefined;
  private entries: ReadonlyMap<string, MetadataOverride> = new Map();
  private changes = 0;
  private tail: Promise<unknown> = Promise.resolve();
  private readonly cache = new WeakMap<object, { version: number; overlay: Overlay }>();
  private indexDocuments: readonly DocumentRecord[] = [];
  private current: { version: number; overlay: Overlay } | undefined;
  private state: OverridesHealth = { mode: 'ok', count: 0 };
  /** Every docId an override ever named (the touched list). */
  private touched = new Set<string>();
  /** Failed closed: the documents hidden, or all. */
  private closedIds: Set<string> | 'all' | undefined;

  constructor(file: string, options: MetadataOverridesOptions = {}) {
    this.file = file;
    this.now = options.now ?? (() => new Date());
    this.onSaved = options.onSaved;
  }

  /** Increases on every change (load, set, clear): a cache built at one version is stale at another. */
  get version(): number {
    return this.changes;
  }

  /**
   * Reads the file. A missing file (and no backup) means no overrides. A damaged one is
   * left in place for the operator and the store fails closed (see the module note); the
   * result says how, and the caller must report it.
   */
  load(): Promise<OverridesLoadResult> {
    return this.exclusive(async () => {
      this.touched = await readTouched(this.file);
      const main = await readOverridesFile(this.file);
      if (main.ok) {
        await this.replaceWith(main.entries, { mode: 'ok', count: main.entries.size });
        // Bring the backup and the touched list up to date (an index older than them, or a crash between writes).
        const backup = await readOverridesFile(backupOf(this.file));
        if (!backup.ok || serialize(backup.entries) !== serialize(main.entries)) await writeFileAtomic(backupOf(this.file), serialize(main.entries));
        await recordTouched(this.file, main.entries.keys(), this.touched);
        return this.health;
      }
      const backup = await readOverridesFile(backupOf(this.file));
      if (main.missing && backup.ok === false && backup.missing) {
        await this.replaceWith(new Map(), { mode: 'ok', count: 0 });
        return this.health;
      }
      const since = this.now().toISOString();
      const reason = `metadata overrides file ${main.missing ? 'is missing' : `is unreadable (${main.reason})`}`;
      if (backup.ok) {
        await this.replaceWith(backup.entries, {
          mode: 'backup', count: backup.entries.size, since, reason: `${reason}; serving its last good copy`,
          message: ADMIN_SPECIFICS.overridesFromBackup,
        });
        return this.health;
      }
      const known = new Set([...this.touched, ...legibleIds(main.ok ? '' : main.text), ...legibleIds(backup.text)]);
      this.closedIds = known.size > 0 ? known : 'all';
      await this.replaceWith(new Map(), {
        mode: 'closed', count: 0, since, hidden: known.size > 0 ? known.size : 'all',
        reason: `${reason} and so is its backup; ${known.size > 0 ? `${known.size} documents it ever named are internal` : 'every document is internal'}`,
        message: known.size > 0 ? ADMIN_SPECIFICS.overridesClosed(known.size) : ADMIN_SPECIFICS.overridesClosedAll,
      });
      return this.health;
    });
  }

  /** How the overrides are served now. */
  get health(): OverridesHealth {
    return { ...this.state };
  }

  /**
   * Write the last good copy back over a damaged or missing file (mode `backup` only) and
   * serve normally again. Returns the health after it.
   */
  restoreFromBackup(): Promise<OverridesHealth> {
    return this.exclusive(async () => {
      if (this.state.mode !== 'backup') return this.health;
      await this.persist(this.entries);
      this.state = { mode: 'ok', count: this.entries.size };
      return this.health;
    });
  }

  /**
   * False while the overrides failed closed: the admin's link decisions are unknown, so no
   * relation link applies (one an admin rejected must not come back) and {@link setLink}
   * refuses. The last good copy (`backup`) holds the decisions, so links apply then.
   */
  get linksUsable(): boolean {
    return this.state.mode !== 'closed';
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
    if (!this.linksUsable) throw new LinksUnavailableError();
    const parsed = decision === null ? undefined : linkDecision.safeParse(decision);
    if (parsed && !parsed.success) throw invalid(parsed.error.message, 'Quyết định về liên kết không hợp lệ.');
    return this.exclusive(async () => {
      // The state may have failed closed while this call waited its turn.
      if (!this.linksUsable) throw new LinksUnavailableError();
      const fields: Fields = { ...fieldsOf(this.entries.get(docId)) };
      const links = { ...fields.links };
      if (parsed) links[key] = parsed.data;
      else delete links[key];
      if (Object.keys(links).length > 0) fields.links = links;
      else delete fields.links;
      return this.saveFields(docId, fields, by);
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
      this.assertWritable();
      const fields: Fields = { ...fieldsOf(this.entries.get(docId)) };
      for (const name of FIELD_NAMES) {
        const value = change[name];
        if (value === undefined) continue;
        if (value === null) delete fields[name];
        else if (name === 'supersedes') fields.supersedes = [...new Set((value as string[]).map(normalizeReference))];
        else if (name === 'supersededBy') fields.supersededBy = normalizeReference(value as string);
        else Object.assign(fields, { [name]: value });
      }
      return this.saveFields(docId, fields, by);
    });
  }

  /** Removes the override of `docId`; true when there was one. */
  clear(docId: string): Promise<boolean> {
    return this.exclusive(async () => {
      this.assertWritable();
      if (!this.entries.has(docId)) return false;
      const next = new Map(this.entries);
      next.delete(docId);
      await this.commit(next);
      return true;
    });
  }

  /** The override of `docId`, if any. */
  get(docId: string): MetadataOverride | undefined {
    return this.entries.get(docId);
  }

  /**
   * Every override in effect, by docId (a snapshot: later changes do not alter it). When
   * failed closed, an `internal` override for each document hidden (every document of the
   * served index when none is known).
   */
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
    // Failed closed with no known document: every document of the new index is hidden too.
    if (this.closedIds === 'all') this.replace(this.closedEntries());
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

  /** Serve `entries` in `state` (failed closed: the hiding entries instead). */
  private async replaceWith(entries: ReadonlyMap<string, MetadataOverride>, state: OverridesHealth): Promise<void> {
    if (state.mode !== 'closed') this.closedIds = undefined;
    this.state = state;
    this.replace(state.mode === 'closed' ? this.closedEntries() : entries);
  }

  /** An `internal` override for every hidden document. */
  private closedEntries(): Map<string, MetadataOverride> {
    const ids = this.closedIds === 'all' ? this.indexDocuments.map((d) => d.id) : [...(this.closedIds ?? [])];
    const at = this.state.since ?? this.now().toISOString();
    return new Map(ids.map((id) => [id, { audience: 'internal', updatedAt: at, updatedBy: 'system:overrides-unreadable' }]));
  }

  /** Saves `fields` as the override of `docId` (removed when empty) and serves it; returns the entry in effect. */
  private async saveFields(docId: string, fields: Fields, by: string): Promise<MetadataOverride | undefined> {
    const next = new Map(this.entries);
    const entry = Object.keys(fields).length > 0 ? { ...fields, updatedAt: this.now().toISOString(), updatedBy: by } : undefined;
    if (entry) next.set(docId, entry);
    else next.delete(docId);
    await this.commit(next);
    return entry;
  }

  /** Writes `next` and serves it. A change written while serving the backup repairs the file. */
  private async commit(next: ReadonlyMap<string, MetadataOverride>): Promise<void> {
    await this.persist(next);
    this.replace(next);
    this.state = { mode: 'ok', count: next.size };
  }

  /** Failed closed, nothing may be written over the damaged file until an operator repairs it. */
  private assertWritable(): void {
    if (this.state.mode === 'closed') {
      throw new AppError('INVALID_ARGUMENT', 'metadata overrides failed closed: repair the file first', { userSuffix: ADMIN_SPECIFICS.overridesLocked });
    }
  }

  private async persist(entries: ReadonlyMap<string, MetadataOverride>): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    await recordTouched(this.file, entries.keys(), this.touched);
    await writeOverrides(this.file, entries);
    this.onSaved?.();
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
