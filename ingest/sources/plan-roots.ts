/**
 * Which roots an ingest run reads: the roots recorded in the active version plus the ones
 * the run is given, less the ones removed explicitly. A recorded root that is not on disk
 * (an unmounted share) is kept with its documents and reported, never read as "every one
 * of its files was deleted". The index owns its sources: a root leaves it only by an
 * explicit removal.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppError } from '../../core/errors.ts';
import { legacyRoots, ownerOf } from '../../index/roots.ts';
import type { StoredDocument } from '../../index/index-state.ts';
import type { FileEntry, RootOrigin, RootRecord } from '../../index/manifest-file.ts';

/** One input of a run: a folder or file, and how it comes to the index. */
export interface IngestInput {
  path: string;
  origin: RootOrigin;
}

/** The roots of one run. */
export interface RootPlan {
  /** Roots of the new version, recorded ones first (in their order), then new ones. */
  roots: RootRecord[];
  /** Roots on disk: read by this run. */
  present: RootRecord[];
  /** Recorded roots not on disk: their files are carried over unchanged. */
  missing: RootRecord[];
  /** Roots removed explicitly: their files' documents go. */
  removed: RootRecord[];
}

export interface PlanRootsOptions {
  /** Roots recorded in the active version (none for a first run or an older index). */
  recorded: readonly RootRecord[];
  /** Source files of the active version, for the roots of an index older than recorded roots. */
  previousFiles: Record<string, FileEntry>;
  /** The active version's documents, read only when such older files need roots. */
  previousDocuments: () => Promise<(id: string) => Pick<StoredDocument, 'sourceId'> | undefined>;
  given: readonly IngestInput[];
  /** Paths of recorded roots to remove. */
  remove: readonly string[];
  /** Who runs it (recorded with new roots), and when. */
  by: string;
  now: string;
}

type Kind = RootRecord['kind'] | undefined;

async function kindOf(path: string): Promise<Kind> {
  const info = await stat(path).catch(() => undefined);
  return info?.isDirectory() ? 'dir' : info?.isFile() ? 'file' : undefined;
}

/** Plan the roots of a run. Throws AppError for a removal that names no recorded root, or a new input that does not exist. */
export async function planRoots(o: PlanRootsOptions): Promise<RootPlan> {
  const given = o.given.map((g) => ({ ...g, path: resolve(g.path) }));
  const removeSet = new Set(o.remove.map((p) => resolve(p)));
  const kinds = new Map<string, Kind>();
  for (const g of given) kinds.set(g.path, await kindOf(g.path));

  let recorded = [...o.recorded];
  // An index built before roots were recorded: its files outside every given input become roots of their own.
  const uncoveredKnown = [...recorded, ...given.flatMap((g) => {
    const kind = kinds.get(g.path);
    return kind ? [{ path: g.path, kind }] : [];
  })];
  const needLegacy = Object.keys(o.previousFiles).some((k) => !ownerOf(uncoveredKnown, resolve(k)));
  if (needLegacy) recorded = [...recorded, ...legacyRoots(o.previousFiles, await o.previousDocuments(), uncoveredKnown, o.now)];

  for (const path of removeSet) {
    if (!recorded.some((r) => r.path === path)) {
      throw new AppError('INVALID_ARGUMENT', `${path} is not a recorded root`, {
        userSuffix: `“${path}” không phải là một nguồn đã ghi nhận của chỉ mục (xem danh sách nguồn: npm run ingest -- --sources).`,
      });
    }
    if (given.some((g) => g.path === path)) {
      throw new AppError('INVALID_ARGUMENT', `${path} is both given and removed`, {
        userSuffix: `“${path}” vừa được nêu để lập chỉ mục vừa được yêu cầu gỡ; vui lòng chọn một.`,
      });
    }
  }

  const roots: RootRecord[] = [];
  const present: RootRecord[] = [];
  const missing: RootRecord[] = [];
  const removed: RootRecord[] = [];
  for (const root of recorded) {
    if (removeSet.has(root.path)) {
      removed.push(root);
      continue;
    }
    const kind = kinds.has(root.path) ? kinds.get(root.path) : await kindOf(root.path);
    if (kind === root.kind) {
      const seen = { ...root, lastSeenAt: o.now };
      roots.push(seen);
      present.push(seen);
    } else {
      roots.push(root);
      missing.push(root);
    }
  }
  for (const g of given) {
    // Recorded, or inside a recorded folder: read as part of that root.
    if (ownerOf(recorded, g.path)) continue;
    const kind = kinds.get(g.path);
    // A new input that is not there is a mistake to report, not a root to keep.
    if (!kind) {
      throw new AppError('FILE_UNREADABLE', `input ${g.path} does not exist`, {
        userSuffix: `Nguồn “${g.path}” không tồn tại hoặc không truy cập được; chỉ mục hiện tại được giữ nguyên.`,
      });
    }
    if (ownerOf(roots, g.path)) continue; // inside another new input
    const root: RootRecord = { path: g.path, kind, origin: g.origin, addedAt: o.now, addedBy: o.by, lastSeenAt: o.now };
    roots.push(root);
    present.push(root);
  }
  return { roots, present, missing, removed };
}
