/**
 * Phase 1 of an ingest run: which roots it reads, which of their files changed since the
 * active version, and which files' documents go (file gone from a root on disk, root
 * removed) or stay (root not on disk). Reads the active manifest and scans the roots;
 * loads nothing.
 */
import { join } from 'node:path';
import { AppError } from '../../core/errors.ts';
import { readDocuments, readManifest } from '../../index/index-state.ts';
import { readCurrent, versionsDir } from '../../index/layout.ts';
import { FORMAT_VERSION, type FileEntry, type Manifest } from '../../index/manifest-file.ts';
import { keyPath, ownerOf } from '../../index/roots.ts';
import { ANALYZER_ID } from '../../core/search/analysis.ts';
import { embedderMatches, type EmbedderConfig } from '../embedders/registry.ts';
import { planRoots, type IngestInput, type RootPlan } from '../sources/plan-roots.ts';
import { scanRoots, type ScannedFile } from '../sources/scan.ts';

/**
 * Skip codes that say the machine lacked something, not that the file is bad: a file
 * skipped for one of them is read again by the next run even though it did not change,
 * so installing tesseract-ocr (or antiword, catdoc) is enough to get it indexed.
 */
const RETRY_CODES = new Set(['OCR_UNAVAILABLE', 'CONVERTER_UNAVAILABLE']);

/** What a run must do, before anything is read. */
export interface ChangePlan {
  /** The active version's name, if any. */
  current: string | undefined;
  /** Its manifest, unless there is none or it is unreadable or of an older format. */
  prevManifest: Manifest | undefined;
  /** Whether the run can update the active version (same format, analyzer and embedder, no rebuild asked). */
  compatible: boolean;
  plan: RootPlan;
  scanned: Map<string, ScannedFile>;
  /** Every source file of the active version (whatever `compatible` says). */
  prevAll: Record<string, FileEntry>;
  /** Source files of the base the run starts from: `prevAll` when compatible, none otherwise. */
  prevFiles: Record<string, FileEntry>;
  /** Files gone from a root that is on disk. */
  gone: string[];
  /** Files of the roots removed explicitly. */
  dropped: string[];
  /** Files of recorded roots not on disk (kept). */
  carried: string[];
  /** Documents whose removal was asked for (removed roots, an admin's delete). */
  asked: Set<string>;
  /** Files to read: new, changed, or skipped before for a reason the machine may have fixed. */
  changed: Array<[string, ScannedFile]>;
  /** Files whose documents go from the base. */
  missing: string[];
  reportRoots: { roots: number; missingRoots: string[]; removedRoots: string[] };
}

/** Inputs of {@link planChanges}. */
export interface PlanChangesOptions {
  indexDir: string;
  inputs: Array<string | IngestInput>;
  embedderConfig: EmbedderConfig;
  rebuild?: boolean;
  removeRoots?: string[];
  expectedRemovals?: string[];
  by: string;
  now: string;
}

/** Plan one run against the active version of `indexDir`. */
export async function planChanges(o: PlanChangesOptions): Promise<ChangePlan> {
  const current = await readCurrent(o.indexDir);
  // An unreadable or older-format active version is rebuilt from the sources (its roots are then unknown).
  const prevManifest = current
    ? await readManifest(join(versionsDir(o.indexDir), current)).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'INDEX_CORRUPT') return undefined;
      throw err;
    })
    : undefined;
  const compatible = !o.rebuild && !!prevManifest && prevManifest.formatVersion === FORMAT_VERSION && prevManifest.analyzer === ANALYZER_ID && embedderMatches(o.embedderConfig, prevManifest.embedder);

  const plan = await planRoots({
    recorded: prevManifest?.roots ?? [],
    previousFiles: prevManifest?.files ?? {},
    previousDocuments: async () => {
      const docs = new Map((await readDocuments(join(versionsDir(o.indexDir), current!))).map((d) => [d.id, d]));
      return (id) => docs.get(id);
    },
    given: o.inputs.map((i) => (typeof i === 'string' ? { path: i, origin: 'cli' as const } : i)),
    remove: o.removeRoots ?? [],
    by: o.by, now: o.now,
  });
  const scanned = await scanRoots(plan.present);
  const prevAll = prevManifest?.files ?? {};
  const missingRoots = new Set(plan.missing.map((r) => r.path));
  const removedRoots = new Set(plan.removed.map((r) => r.path));
  const everyRoot = [...plan.roots, ...plan.removed];
  const gone: string[] = [];
  const dropped: string[] = [];
  const carried: string[] = [];
  for (const key of Object.keys(prevAll)) {
    if (scanned.has(key)) continue;
    const root = ownerOf(everyRoot, keyPath(key));
    if (root && removedRoots.has(root.path)) dropped.push(key);
    else if (root && missingRoots.has(root.path)) carried.push(key);
    else gone.push(key);
  }
  const asked = new Set([...dropped.flatMap((k) => prevAll[k]!.docIds), ...(o.expectedRemovals ?? [])]);
  const prevFiles = compatible ? prevAll : {};
  const changed = [...scanned.entries()].filter(([key, s]) => prevFiles[key]?.hash !== s.hash
    || (prevFiles[key]?.skipped ?? []).some((k) => RETRY_CODES.has(k.code)));
  const missing = compatible ? [...gone, ...dropped] : [];
  return {
    current, prevManifest, compatible, plan, scanned, prevAll, prevFiles, gone, dropped, carried, asked, changed, missing,
    reportRoots: {
      roots: plan.roots.length,
      missingRoots: plan.missing.map((r) => r.path),
      removedRoots: plan.removed.map((r) => r.path),
    },
  };
}

/** The same plan for a run that cannot start from the active version: every scanned file is read, nothing is removed. */
export function asFullRebuild(p: ChangePlan): ChangePlan {
  return { ...p, compatible: false, prevFiles: {}, changed: [...p.scanned.entries()], missing: [] };
}
