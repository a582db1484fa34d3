/**
 * Phase 5 of an ingest run: write the new version beside the active one (every file, the
 * manifest last), then switch CURRENT to it and sweep old versions.
 */
import type { IndexState } from '../../index/index-state.ts';
import type { Manifest } from '../../index/manifest-file.ts';
import type { EmbedderConfig } from '../embedders/registry.ts';
import { createVersionDir, publishVersion, sweepVersions } from '../store/publish.ts';
import { saveState } from '../store/save-state.ts';

/** Inputs of {@link publishRun}. */
export interface PublishRunOptions {
  indexDir: string;
  state: IndexState;
  embedderConfig: EmbedderConfig;
  by: string;
  via: 'cli' | 'job';
  job?: string;
  keepVersions?: number;
  /** Called once the version is written, before it is published (tests). */
  beforePublish?: (versionDir: string) => Promise<void>;
  /** Called when the version's files are written (before `beforePublish`). */
  saved?: () => void;
}

/** Write `state` as a new version and make it the active one; returns its name and its manifest as written. */
export async function publishRun(o: PublishRunOptions): Promise<{ name: string; manifest: Manifest }> {
  const { name, path } = await createVersionDir(o.indexDir);
  await saveState(o.state, path, o.embedderConfig);
  o.saved?.();
  await o.beforePublish?.(path);
  await publishVersion(o.indexDir, name, { event: 'publish', by: o.by, via: o.via, ...(o.job ? { job: o.job } : {}) });
  await sweepVersions(o.indexDir, o.keepVersions);
  return { name, manifest: o.state.manifest };
}
