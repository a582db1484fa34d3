/**
 * The manifest of one index version: format, analyzer and embedder identity, and the
 * per-source content hashes that make re-runs incremental.
 */
import { z } from 'zod';

/** 3: documents carry `relations` (the clauses that change other texts). */
export const FORMAT_VERSION = 3;
/** Versions still served as they are; the ingest rebuilds them so that their documents get what is new. */
export const READABLE_FORMAT_VERSIONS = [2, FORMAT_VERSION] as const;
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

export const manifestSchema = z.object({
  formatVersion: z.union([z.literal(READABLE_FORMAT_VERSIONS[0]), z.literal(FORMAT_VERSION)]),
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
});
export type Manifest = z.infer<typeof manifestSchema>;
