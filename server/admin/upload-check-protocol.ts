/**
 * Messages between the upload check (upload-check.ts, main thread) and its worker thread
 * (upload-check-worker.ts). Plain data (structured clone).
 */

/** One uploaded file to check, with the sidecar metadata it will be stored with. */
export interface CheckFile {
  fileName: string;
  data: Uint8Array;
  /** The sidecar JSON (documents only). */
  sidecar?: string;
}

/** Why the job would refuse a file, or a part of it (a JSONL line). */
export interface CheckProblem {
  code: string;
  /** Vietnamese, names the file (and line). */
  message: string;
}

/** The verdict on one file: the source ids it would index and what would be skipped. */
export interface CheckResult {
  fileName: string;
  sourceIds: string[];
  problems: CheckProblem[];
}

export type ToCheckWorker = { type: 'check'; files: CheckFile[]; maxBytes: number };

export type FromCheckWorker =
  | { type: 'file'; result: CheckResult }
  | { type: 'done' }
  | { type: 'error'; message: string };
