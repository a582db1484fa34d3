/**
 * The contract of one ingest run (ingest/pipeline.ts): its options, the progress it
 * reports and the summary it returns. Shared by the pipeline's phases (ingest/phases/).
 */
import type { ExtractionReport } from '../core/model.ts';
import type { SkippedSource } from '../core/ports.ts';
import type { EmbedderConfig } from './embedders/registry.ts';
import type { OcrOptions } from './ocr/options.ts';
import type { IngestInput } from './sources/plan-roots.ts';

export interface IngestProgress {
  phase: 'scan' | 'load' | 'embed' | 'index' | 'save' | 'done';
  sourcesDone: number;
  sourcesTotal: number;
  chunks: number;
  /** While a file's pages are OCR'd: which file (its path) and how many of its pages are done. */
  pages?: { source: string; done: number; total: number };
}

/** How one added or updated document's text was obtained (PDF, image), for the admin. */
export interface ExtractionSummary extends ExtractionReport {
  sourceId: string;
}

export interface IngestOptions {
  /**
   * Roots to read besides those the index has recorded: a folder or file path (recorded
   * with origin `cli`) or a path with its origin.
   */
  inputs: Array<string | IngestInput>;
  indexDir: string;
  embedder?: EmbedderConfig;
  /** Re-read and re-embed every source instead of updating the active version (refits the built-in embedder). */
  rebuild?: boolean;
  /** Recorded roots to remove with their documents (an explicit removal). */
  removeRoots?: string[];
  /** Ids of documents whose removal was asked for (an admin's delete): they do not count against `maxRemovalShare`. */
  expectedRemovals?: string[];
  /** Largest share of the documents a run may remove unasked (INDEX_MAX_REMOVAL_SHARE); undefined: no limit. */
  maxRemovalShare?: number;
  /** Accept removals past `maxRemovalShare`. */
  allowRemoval?: boolean;
  /** Versions kept on disk, the active one included (INDEX_KEEP_VERSIONS). */
  keepVersions?: number;
  /** Who runs it (`cli:<os user>` by default, an admin pseudonym, `system`), recorded with the version and new roots. */
  by?: string;
  /** How it runs: the CLI (default) or a server job (`job` names it). */
  via?: 'cli' | 'job';
  job?: string;
  /** The cluster node whose worker runs this (named in the LOCK, ingest/store/lock.ts). */
  lockNode?: string;
  maxBytes?: number;
  /** OCR settings and limits for scanned pages and images. */
  ocr?: OcrOptions;
  /** Cancels the run: OCR processes are killed, nothing is published. */
  signal?: AbortSignal;
  onProgress?: (p: IngestProgress) => void;
  /** Called after the new version is fully written and before it is published (tests). */
  beforePublish?: (versionDir: string) => Promise<void>;
  /**
   * Called at the end of each timed phase with its name (the keys of `timings`), e.g. to
   * sample memory per phase (bench/ingest-child.ts).
   */
  onPhaseEnd?: (phase: string) => void;
}

export interface IngestSummary {
  indexDir: string;
  /** Active version after the run. */
  version: string | undefined;
  /** Whether this run published a new version (false for a no-op). */
  published: boolean;
  added: string[];
  updated: string[];
  unchanged: number;
  removed: string[];
  skipped: SkippedSource[];
  /** Extraction reports of the documents added or updated by this run that have one (PDF, images). */
  extraction: ExtractionSummary[];
  /** Roots of the index after the run. */
  roots: number;
  /** Recorded roots that were not on disk: their documents were kept. */
  missingRoots: string[];
  /** Roots removed by this run. */
  removedRoots: string[];
  documents: number;
  chunks: number;
  embedder: string;
  refitted: boolean;
  durationMs: number;
  /** Milliseconds per phase, for the benchmark. */
  timings: Record<string, number>;
}
