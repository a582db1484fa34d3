/**
 * The uploads folder that admins fill through the admin endpoints and ingestion reads as
 * one of its inputs: `x.pdf` there becomes sourceId `x.pdf`, docId `docIdFor('x.pdf')`,
 * with its metadata in the sidecar `x.pdf.meta.json`. A JSONL file is different: its
 * records carry their own ids and metadata, and ingestion reads no sidecar for it.
 *
 * An upload call is all-or-nothing: every file is checked before any is written — its
 * name and type, then (with the `check` option) by the real loaders and structure step,
 * what the re-index job will run (upload-check.ts) — then all are staged as fsynced temp
 * files and only then renamed into place. A sidecar is renamed
 * before its document and deleted after it, so ingestion never sees a document without
 * the metadata it was uploaded with (an internal document must not be read as public).
 */
import { lstat, mkdir, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { badFieldsMessage, checkMeta } from '../../ingest/loaders/metadata.ts';
import { sweepTemp, syncDir, writeTemp } from './atomic-write.ts';
import type { CheckFile, CheckVerdict } from './upload-check.ts';
import { isPlainNameIn, safeFileName } from './file-name.ts';
import { aboutFile, ADMIN_MESSAGES, ADMIN_SPECIFICS, messageOf } from './messages.ts';
import { linesWithoutRecord } from './record-lines.ts';
import {
  identityOf, isDocumentName, isRecordsFile, planFiles, sidecarOf, verdictProblems,
  type FileIdentity, type Planned, type UploadFile, type UploadProblem,
} from './upload-plan.ts';

export { safeFileName, repairLatin1Name } from './file-name.ts';
export { sniff, type SniffResult } from './sniff.ts';
export { identityOf, type FileIdentity, type UploadFile, type UploadProblem } from './upload-plan.ts';

/** Options of {@link UploadStore.save}. */
export interface SaveOptions {
  /** Sidecar metadata for every file of the call, checked with `checkMeta`. */
  metadata?: unknown;
  /** Overwrite files that already exist (default: report them as conflicts). */
  replace?: boolean;
}

/** A file written by {@link UploadStore.save}. */
export type SavedFile = FileIdentity & {
  /** The name as the client sent it (repaired if it arrived as Latin-1). */
  originalName: string;
  /** The name in the store, from `safeFileName`. */
  fileName: string;
  bytes: number;
  /** An older file of that name was overwritten. */
  replaced: boolean;
  /** `written`: the call's metadata; `kept`: the replaced file's sidecar stays; `none`: no sidecar. */
  metadata: 'written' | 'kept' | 'none';
  /**
   * `passed`: the loaders read it as the job will; `deferred`: its check took longer than
   * the limit (a long scan), the job checks it; absent: no check configured.
   */
  check?: 'passed' | 'deferred';
  /** Documents it will index (records of a JSONL file), when checked. */
  documents?: number;
};

/** Outcome of {@link UploadStore.save}. When `ok` is false nothing was written. */
export type SaveResult =
  | { ok: true; saved: SavedFile[] }
  | { ok: false; message: string; errors: UploadProblem[] };

/** A file in the store. */
export type StoredFile = FileIdentity & {
  fileName: string;
  bytes: number;
  /** ISO time of the last write. */
  modifiedAt: string;
  hasMetadata: boolean;
};

/** Outcome of {@link UploadStore.removeRecord}. */
export type RemoveRecordResult =
  | { ok: true; fileName: string; removedLines: number[]; fileRemoved: boolean }
  | { ok: false; code: 'FILE_NOT_FOUND' | 'NAME_INVALID' | 'RECORD_NOT_FOUND'; message: string };

/** Outcome of {@link UploadStore.remove}. */
export type RemoveResult =
  | (FileIdentity & { ok: true; fileName: string; removedMetadata: boolean })
  | { ok: false; code: 'FILE_NOT_FOUND' | 'NAME_INVALID'; message: string };

/** Options of {@link UploadStore}. */
export interface UploadStoreOptions {
  /** Temp files older than this, left by a crash, are removed on the next save (default 1 hour). */
  staleTempMs?: number;
  /**
   * Checks the files as the re-index job will read them (upload-check.ts): a file with a
   * problem is refused with it; none is written.
   */
  check?: (files: CheckFile[]) => Promise<CheckVerdict[]>;
}

interface Staged {
  data: string;
  sidecar?: string;
}

const CONTROL = /\p{Cc}/u;

/** Upload folder with validated, atomic, all-or-nothing writes. Calls that change it run one at a time. */
export class UploadStore {
  /** Absolute path of the folder. */
  readonly dir: string;
  private readonly staleTempMs: number;
  private readonly check: UploadStoreOptions['check'];
  private tail: Promise<unknown> = Promise.resolve();

  constructor(dir: string, options: UploadStoreOptions = {}) {
    this.dir = resolve(dir);
    this.staleTempMs = options.staleTempMs ?? 60 * 60 * 1000;
    this.check = options.check;
  }

  /**
   * Checks every file (name, content sniffing, conflicts) and the metadata, then writes all
   * of them, or none when any is refused. Names come from `safeFileName`, so a client
   * cannot choose a path. Throws only on I/O failure, after removing what it staged.
   */
  save(files: readonly UploadFile[], options: SaveOptions = {}): Promise<SaveResult> {
    return this.exclusive(() => this.saveNow(files, options));
  }

  /** Deletes a file and its sidecar. `fileName` must be the plain name of a file in the folder, as `list` gives it. */
  remove(fileName: string): Promise<RemoveResult> {
    return this.exclusive(async () => {
      const name = await this.resolveName(fileName);
      if (!name.ok) return name.result;
      const sidecar = join(this.dir, sidecarOf(name.fileName));
      const removedMetadata = await lstat(sidecar).then(() => true, () => false);
      // Document first, then sidecar: the document is never visible without its metadata.
      await unlink(join(this.dir, name.fileName));
      await rm(sidecar, { force: true });
      await syncDir(this.dir);
      return { ok: true, fileName: name.fileName, removedMetadata, ...identityOf(name.fileName) };
    });
  }

  /**
   * Removes one record from an uploaded JSONL file: every line whose record has source id
   * `sourceId` (the first was indexed; a later duplicate would take its place). The file is
   * rewritten atomically without them, or deleted when no record is left.
   */
  removeRecord(fileName: string, sourceId: string): Promise<RemoveRecordResult> {
    return this.exclusive(async () => {
      const name = await this.resolveName(fileName);
      if (!name.ok) return name.result as RemoveRecordResult;
      const path = join(this.dir, name.fileName);
      const { kept, removedLines } = linesWithoutRecord(await readFile(path, 'utf8'), sourceId, path);
      if (removedLines.length === 0) {
        return { ok: false, code: 'RECORD_NOT_FOUND', message: aboutFile('FILE_NOT_FOUND', name.fileName, ADMIN_SPECIFICS.recordNotFound(sourceId)) };
      }
      const fileRemoved = !kept.some((l) => l.trim());
      if (fileRemoved) await unlink(path);
      else await rename(await writeTemp(this.dir, kept.join('\n')), path);
      await syncDir(this.dir);
      return { ok: true, fileName: name.fileName, removedLines, fileRemoved };
    });
  }

  /** The files ingestion would read from the folder (documents and JSONL), in Vietnamese order of name; empty when there is no folder yet. */
  async list(): Promise<StoredFile[]> {
    const entries = await readdir(this.dir, { withFileTypes: true }).catch(() => []);
    const names = new Set(entries.map((e) => e.name));
    const out: StoredFile[] = [];
    for (const entry of entries) {
      if (!entry.isFile() || !isDocumentName(entry.name)) continue;
      const info = await stat(join(this.dir, entry.name)).catch(() => undefined);
      if (!info) continue; // removed meanwhile
      out.push({
        fileName: entry.name, bytes: info.size, modifiedAt: info.mtime.toISOString(),
        hasMetadata: names.has(sidecarOf(entry.name)), ...identityOf(entry.name),
      });
    }
    return out.sort((a, b) => a.fileName.localeCompare(b.fileName, 'vi'));
  }

  /**
   * True when a file of this name is in the folder: for a document, its sourceId. Only
   * plain names count (no path, no traversal).
   */
  async has(fileName: string): Promise<boolean> {
    return (await this.resolveName(fileName)).ok;
  }

  private async saveNow(files: readonly UploadFile[], options: SaveOptions): Promise<SaveResult> {
    const problems: UploadProblem[] = [];
    if (files.length === 0) problems.push({ code: 'NO_FILES', message: ADMIN_MESSAGES.NO_FILES });
    let sidecarJson: string | undefined;
    if (options.metadata !== undefined) {
      const checked = checkMeta(options.metadata);
      if (checked.ok) sidecarJson = `${JSON.stringify(checked.meta, null, 2)}\n`;
      else problems.push({ code: 'METADATA_INVALID', message: `${messageOf('METADATA_INVALID')} ${badFieldsMessage(checked.fields)}` });
    }

    await mkdir(this.dir, { recursive: true });
    await sweepTemp(this.dir, this.staleTempMs);
    const present = await readdir(this.dir, { withFileTypes: true });
    const plan = planFiles(files, present, { replace: options.replace, sidecarJson });
    const planned = plan.planned;
    problems.push(...plan.problems);
    if (problems.length > 0) return { ok: false, message: ADMIN_SPECIFICS.nothingSaved, errors: problems };

    // What the job would refuse is refused now, with its reason (upload-check.ts).
    const verdicts = this.check
      ? await this.check(planned.map((p): CheckFile => ({
        fileName: p.fileName, data: p.file.buffer,
        ...(!isRecordsFile(p.fileName) && sidecarJson !== undefined ? { sidecar: sidecarJson } : {}),
      })))
      : undefined;
    problems.push(...verdictProblems(planned, verdicts ?? []));
    if (problems.length > 0) return { ok: false, message: ADMIN_SPECIFICS.nothingSaved, errors: problems };

    const staged = await this.stage(planned, sidecarJson);
    const saved: SavedFile[] = [];
    try {
      for (const [i, p] of planned.entries()) {
        const v = verdicts?.[i];
        const file = await this.commit(p, staged[i]!);
        saved.push(v ? { ...file, check: v.checked ? 'passed' : 'deferred', ...(v.checked ? { documents: v.sourceIds.length } : {}) } : file);
      }
    } catch (err) {
      // Only a failing rename gets here (the disk is full or gone): drop what is still staged.
      await Promise.all(staged.slice(saved.length).flatMap((s) => [s.data, s.sidecar ?? '']).filter(Boolean).map((t) => rm(t, { force: true })));
      throw err;
    }
    await syncDir(this.dir);
    return { ok: true, saved };
  }

  /** Moves one staged file (sidecar first) into place. */
  private async commit(p: Planned, staged: Staged): Promise<SavedFile> {
    let metadata: SavedFile['metadata'] = 'none';
    if (staged.sidecar) {
      await rename(staged.sidecar, join(this.dir, sidecarOf(p.fileName)));
      metadata = 'written';
    } else if (p.existed && p.sidecarExists) {
      metadata = 'kept'; // a new version of a document keeps its audience and status
    } else if (p.sidecarExists) {
      await rm(join(this.dir, sidecarOf(p.fileName)), { force: true }); // left over: it would apply unasked
    }
    await rename(staged.data, join(this.dir, p.fileName));
    return {
      originalName: p.originalName, fileName: p.fileName, bytes: p.file.buffer.byteLength, replaced: p.existed, metadata,
      ...identityOf(p.fileName),
    };
  }

  /** Writes every file (and sidecar) as a temp file; on failure removes them all and rethrows. */
  private async stage(planned: readonly Planned[], sidecarJson: string | undefined): Promise<Staged[]> {
    const temps: string[] = [];
    try {
      const out: Staged[] = [];
      for (const p of planned) {
        const data = await writeTemp(this.dir, p.file.buffer);
        temps.push(data);
        const sidecar = sidecarJson === undefined ? undefined : await writeTemp(this.dir, sidecarJson);
        if (sidecar) temps.push(sidecar);
        out.push(sidecar ? { data, sidecar } : { data });
      }
      return out;
    } catch (err) {
      await Promise.all(temps.map((t) => rm(t, { force: true })));
      throw err;
    }
  }

  /** Checks a client-given name and finds the document file it names (as given, or in NFC). */
  private async resolveName(given: string): Promise<{ ok: true; fileName: string } | { ok: false; result: RemoveResult & { ok: false } }> {
    if (typeof given !== 'string' || CONTROL.test(given) || !isPlainNameIn(this.dir, given)) {
      return { ok: false, result: { ok: false, code: 'NAME_INVALID', message: ADMIN_MESSAGES.NAME_INVALID } };
    }
    for (const candidate of new Set([given, given.normalize('NFC')])) {
      if (!isDocumentName(candidate)) continue;
      const info = await lstat(join(this.dir, candidate)).catch(() => undefined);
      if (info?.isFile()) return { ok: true, fileName: candidate };
    }
    return { ok: false, result: { ok: false, code: 'FILE_NOT_FOUND', message: aboutFile('FILE_NOT_FOUND', safeFileName(given)) } };
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn, fn);
    this.tail = run.catch(() => undefined);
    return run;
  }
}
