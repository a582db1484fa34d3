/**
 * The manifest of one index version: format, analyzer and embedder identity, the
 * per-source content hashes that make re-runs incremental, the input roots the index owns
 * (index/roots.ts) and how the version was built.
 */
import { z } from 'zod';

/**
 * 3: documents carry their header facts, chunks their kind and notes (official documents in parts).
 * 4: procedure documents carry typed fee, time and place fields (`DocumentMeta.procedure`).
 * 5: documents carry `relations` (the clauses that change other texts).
 */
export const FORMAT_VERSION = 5;
/** Versions still served as they are; the ingest rebuilds them so that their documents get what is new. */
export const READABLE_FORMAT_VERSIONS = [2, 3, 4, FORMAT_VERSION] as const;
export const MANIFEST = 'manifest.json';

const skippedSchema = z.object({ source: z.string(), code: z.string(), message: z.string() });

export const embedderSpecSchema = z.object({
  /** Adapter kind: 'lsa' (built in, stored with the index) or 'transformers'. */
  kind: z.string(),
  id: z.string(),
  dimension: z.number().int().positive(),
  /** Adapter options needed to reopen it (model dir, prefixes …). */
  options: z.record(z.unknown()).default({}),
});
export type EmbedderSpec = z.infer<typeof embedderSpecSchema>;

export const fileEntrySchema = z.object({
  /** sha256 of the file bytes plus its sidecar. */
  hash: z.string(),
  size: z.number(),
  docIds: z.array(z.string()),
  skipped: z.array(skippedSchema).default([]),
});
export type FileEntry = z.infer<typeof fileEntrySchema>;

/** How an input root came to the index. */
export const ROOT_ORIGINS = ['shipped', 'upload', 'corpus_paths', 'cli', 'legacy'] as const;
export type RootOrigin = (typeof ROOT_ORIGINS)[number];

/**
 * One input root: a folder (every supported file under it) or a file, refreshed by every
 * run until it is removed explicitly. `legacy` roots are files of an index built before
 * roots were recorded, kept as they were.
 */
export const rootSchema = z.object({
  /** Absolute path, as resolved when the root was first given. */
  path: z.string().min(1),
  kind: z.enum(['dir', 'file']),
  origin: z.enum(ROOT_ORIGINS),
  /** ISO time it was first recorded, and who gave it (`cli:<os user>`, an admin pseudonym, `system`). */
  addedAt: z.string(),
  addedBy: z.string(),
  /** For a file root: the folder its source id is relative to (default: its own folder). */
  sourceBase: z.string().optional(),
  /** ISO time a run last found it on disk. */
  lastSeenAt: z.string().optional(),
});
export type RootRecord = z.infer<typeof rootSchema>;

const changesSchema = z.object({
  added: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  removed: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
});

/** Who built a version, from what, and what changed against its parent. */
export const buildSchema = z.object({
  via: z.enum(['cli', 'job']),
  /** `cli:<os user>`, an admin pseudonym or `system`. */
  by: z.string(),
  /** The re-index job that built it (server jobs). */
  job: z.string().optional(),
  /** The version it was built on, if any. */
  parent: z.string().optional(),
  changes: changesSchema,
  /** Roots removed explicitly by this run (their documents went with them). */
  removedRoots: z.array(z.string()).default([]),
  /** Recorded roots that were not on disk: their documents were kept as they were. */
  missingRoots: z.array(z.string()).default([]),
});
export type BuildInfo = z.infer<typeof buildSchema>;

export const manifestSchema = z.object({
  formatVersion: z.union([z.literal(2), z.literal(3), z.literal(4), z.literal(FORMAT_VERSION)]),
  createdAt: z.string(),
  analyzer: z.string(),
  embedder: embedderSpecSchema,
  hnsw: z.object({ M: z.number().int(), efConstruction: z.number().int() }),
  nextLabel: z.number().int().nonnegative(),
  /** Keyed by source file path as given to the run (posix form). */
  files: z.record(fileEntrySchema),
  counts: z.object({ documents: z.number().int(), chunks: z.number().int() }),
  /** Chunks embedded since the embedder was last fitted (drift signal for LSA refits). */
  embeddedSinceFit: z.number().int().nonnegative().default(0),
  /** The input roots the index owns; absent in versions built before roots were recorded. */
  roots: z.array(rootSchema).optional(),
  /** Absent in versions built before it was recorded. */
  build: buildSchema.optional(),
});
export type Manifest = z.infer<typeof manifestSchema>;
