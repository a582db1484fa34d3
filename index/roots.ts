/**
 * The input roots an index owns (manifest `roots`, index/manifest-file.ts): which root a
 * source file belongs to, the roots of a version built before they were recorded, and
 * what each root holds — what the ingest run refreshes, and what an operator sees before
 * removing one.
 *
 * Manifest file keys are paths relative to the working directory of the run (absolute
 * outside it); the entry points run from the checkout (npm scripts do), so a key resolves
 * to the same file in every run.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { dirname, extname, resolve, sep } from 'node:path';
import type { StoredDocument } from './index-state.ts';
import type { FileEntry, Manifest, RootRecord } from './manifest-file.ts';

/** Absolute path of a manifest file key. */
export function keyPath(key: string): string {
  return resolve(key);
}

/** Whether `abs` (an absolute path) is `root` itself or, for a folder, lies under it. */
export function covers(root: Pick<RootRecord, 'path' | 'kind'>, abs: string): boolean {
  if (abs === root.path) return true;
  return root.kind === 'dir' && abs.startsWith(root.path.endsWith(sep) ? root.path : `${root.path}${sep}`);
}

/** The first of `roots` that covers `abs` (roots are kept in the order they were recorded). */
export function ownerOf<R extends Pick<RootRecord, 'path' | 'kind'>>(roots: readonly R[], abs: string): R | undefined {
  return roots.find((r) => covers(r, abs));
}

/** A short stable id of a root, for URLs (its path never leaves the admin API otherwise). */
export function rootId(path: string): string {
  return createHash('sha256').update(path).digest('hex').slice(0, 12);
}

/**
 * Roots for the files of `files` that none of `known` covers: one `legacy` file root each,
 * dated `at`. A document's source id tells the folder it was relative to when it was
 * loaded (`quang-ngai/x.txt` of `/srv/corpora/quang-ngai/x.txt` → `/srv/corpora`), so a
 * changed file keeps its document id.
 */
export function legacyRoots(
  files: Record<string, FileEntry>,
  doc: (id: string) => Pick<StoredDocument, 'sourceId'> | undefined,
  known: ReadonlyArray<Pick<RootRecord, 'path' | 'kind'>>,
  at: string,
): RootRecord[] {
  const out: RootRecord[] = [];
  for (const [key, entry] of Object.entries(files)) {
    const abs = keyPath(key);
    if (ownerOf(known, abs) || ownerOf(out, abs)) continue;
    const root: RootRecord = { path: abs, kind: 'file', origin: 'legacy', addedAt: at, addedBy: 'unknown' };
    const first = entry.docIds[0] === undefined ? undefined : doc(entry.docIds[0]);
    if (first && extname(abs).toLowerCase() !== '.jsonl') {
      const tail = `${sep}${first.sourceId.split('/').join(sep)}`;
      const base = abs.endsWith(tail) ? abs.slice(0, -tail.length) : undefined;
      if (base && base !== dirname(abs)) root.sourceBase = base;
    }
    out.push(root);
  }
  return out;
}

/** What one root holds in a version, and whether it is on disk now. */
export interface RootSummary extends RootRecord {
  id: string;
  /** Source files of the version under this root, and their documents. */
  files: number;
  documents: number;
  /** Whether the folder or file exists now (a missing root keeps its documents). */
  exists: boolean;
}

/** The roots of a version (recorded, plus legacy ones for files no recorded root covers). */
export function rootsOf(manifest: Manifest, doc: (id: string) => Pick<StoredDocument, 'sourceId'> | undefined): RootRecord[] {
  const recorded = manifest.roots ?? [];
  return [...recorded, ...legacyRoots(manifest.files, doc, recorded, manifest.createdAt)];
}

/** The files of `manifest` each root owns, keyed by root path. */
export function filesByRoot(manifest: Manifest, roots: readonly RootRecord[]): Map<string, string[]> {
  const out = new Map<string, string[]>(roots.map((r) => [r.path, []]));
  for (const key of Object.keys(manifest.files)) {
    const owner = ownerOf(roots, keyPath(key));
    if (owner) out.get(owner.path)!.push(key);
  }
  return out;
}

/** Every root of a version with its counts and whether it is on disk now. */
export async function describeRoots(manifest: Manifest, doc: (id: string) => Pick<StoredDocument, 'sourceId'> | undefined): Promise<RootSummary[]> {
  const roots = rootsOf(manifest, doc);
  const owned = filesByRoot(manifest, roots);
  return Promise.all(roots.map(async (root) => {
    const keys = owned.get(root.path) ?? [];
    const info = await stat(root.path).catch(() => undefined);
    return {
      ...root, id: rootId(root.path), files: keys.length,
      documents: keys.reduce((n, k) => n + manifest.files[k]!.docIds.length, 0),
      exists: !!info && (root.kind === 'dir' ? info.isDirectory() : info.isFile()),
    };
  }));
}

/** What removing a root would take out of the index. */
export interface RemovalPreview {
  root: RootSummary;
  /** The version the preview was made against. */
  version: string;
  /** Documents that would go (with their files). */
  documents: number;
  files: number;
  /** Up to `sampleSize` of them, for a person to recognise. */
  sample: Array<{ id: string; sourceId: string; title: string }>;
  /** Confirms a removal of exactly this preview (same version, root and count). */
  token: string;
}

/** The confirmation token of a removal preview. */
export function removalToken(version: string, rootPath: string, documents: number): string {
  return createHash('sha256').update(`${version}\0${rootPath}\0${documents}`).digest('hex').slice(0, 16);
}

/** Preview the removal of `root` from `version` (`docs` gives titles for the sample). */
export function previewRemoval(
  version: string,
  manifest: Manifest,
  root: RootSummary,
  docs: (id: string) => StoredDocument | undefined,
  sampleSize = 10,
): RemovalPreview {
  const keys = filesByRoot(manifest, rootsOf(manifest, docs)).get(root.path) ?? [];
  const ids = keys.flatMap((k) => manifest.files[k]!.docIds);
  const sample = ids.slice(0, sampleSize).flatMap((id) => {
    const d = docs(id);
    return d ? [{ id, sourceId: d.sourceId, title: d.title }] : [];
  });
  return { root, version, documents: ids.length, files: keys.length, sample, token: removalToken(version, root.path, ids.length) };
}
