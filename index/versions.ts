/**
 * The versions of an index directory as an operator sees them: counts, what changed and
 * who built each one, when it was served, and its disk use — what `npm run ingest --
 * --versions` prints and the admin API lists before a rollback.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../core/errors.ts';
import { readHistory } from './history.ts';
import { readManifest } from './index-state.ts';
import { readCurrent, versionsDir } from './layout.ts';
import type { BuildInfo } from './manifest-file.ts';
import { MANIFEST } from './manifest-file.ts';

/** Bytes a version takes: all its files, and those it shares with no other version (hard links aside). */
export interface DiskUse {
  bytes: number;
  /** What deleting this version would free: files not hard-linked into another version. */
  ownBytes: number;
}

/** One complete version of the directory. */
export interface VersionInfo extends DiskUse {
  version: string;
  active: boolean;
  createdAt: string;
  documents: number;
  chunks: number;
  /** Roots it was built from. */
  roots: number;
  embedder: string;
  /** Who built it and what changed against its parent (absent for versions built before it was recorded). */
  build?: BuildInfo;
  /** When it last became the active version (publish or rollback), if the history says. */
  lastServedAt?: string;
}

export interface VersionList {
  active: string | undefined;
  /** Newest first. */
  versions: VersionInfo[];
  /** Sum of the versions' own bytes plus what they share, counted once. */
  totalBytes: number;
}

async function diskUse(dir: string, seen: Set<string>): Promise<DiskUse & { fresh: number }> {
  let bytes = 0;
  let ownBytes = 0;
  let fresh = 0;
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const sub = await diskUse(path, seen);
      bytes += sub.bytes;
      ownBytes += sub.ownBytes;
      fresh += sub.fresh;
      continue;
    }
    const info = await stat(path).catch(() => undefined);
    if (!info) continue;
    bytes += info.size;
    if (info.nlink <= 1) ownBytes += info.size;
    const inode = `${info.dev}:${info.ino}`;
    if (!seen.has(inode)) {
      seen.add(inode);
      fresh += info.size;
    }
  }
  return { bytes, ownBytes, fresh };
}

/** Every complete version of `indexDir`, newest first. */
export async function listVersions(indexDir: string): Promise<VersionList> {
  const active = await readCurrent(indexDir);
  const history = await readHistory(indexDir);
  const served = new Map(history.map((h) => [h.version, h.at]));
  const names = (await readdir(versionsDir(indexDir)).catch(() => [] as string[])).sort().reverse();
  const seen = new Set<string>();
  const versions: VersionInfo[] = [];
  let totalBytes = 0;
  for (const version of names) {
    const dir = join(versionsDir(indexDir), version);
    const manifest = await readManifest(dir).catch(() => undefined);
    if (!manifest) continue; // unfinished (swept by the next run) or unreadable
    const use = await diskUse(dir, seen);
    totalBytes += use.fresh;
    versions.push({
      version, active: version === active, createdAt: manifest.createdAt,
      documents: manifest.counts.documents, chunks: manifest.counts.chunks,
      roots: manifest.roots?.length ?? 0, embedder: manifest.embedder.id,
      ...(manifest.build ? { build: manifest.build } : {}),
      ...(served.has(version) ? { lastServedAt: served.get(version)! } : {}),
      bytes: use.bytes, ownBytes: use.ownBytes,
    });
  }
  return { active, versions, totalBytes };
}

/**
 * Check that `version` is a complete version of `indexDir` (its manifest reads and the
 * files it names are there). Throws VERSION_NOT_FOUND otherwise.
 */
export async function assertComplete(indexDir: string, version: string): Promise<void> {
  if (!/^[\w.-]+$/.test(version)) throw new AppError('VERSION_NOT_FOUND', `bad version name ${JSON.stringify(version)}`);
  const dir = join(versionsDir(indexDir), version);
  const manifest = await readManifest(dir).catch(() => undefined);
  if (!manifest) throw new AppError('VERSION_NOT_FOUND', `${version} has no readable ${MANIFEST}`, { userSuffix: `(${version})` });
  const needed = ['documents.json', 'bm25.bin', 'vectors.hnsw', 'embedder'];
  for (const name of needed) {
    if (!(await stat(join(dir, name)).then(() => true, () => false))) {
      throw new AppError('VERSION_NOT_FOUND', `${version} lacks ${name}`, { userSuffix: `(${version})` });
    }
  }
}
