/**
 * Uploads are checked before 201 with what the re-index job will run: the real loaders and
 * the structure step (a corrupt PDF behind a valid header, a zip-bomb DOCX, an encrypted
 * or image-only PDF, a secret-marked document, an empty one, a bad JSONL line), in a
 * worker thread with a time limit, so the server's event loop is never blocked and a file
 * that cannot be indexed is refused with the job's own Vietnamese reason instead of kept.
 *
 * A file whose check does not finish within the limit (a long scan the loaders OCR) is
 * not refused: it is kept and reported as checked by the job (`deferred`).
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { MESSAGES } from '../../core/errors.ts';
import { docIdFor } from '../../core/ids.ts';
import type { CheckFile, CheckResult, FromCheckWorker, ToCheckWorker } from './upload-check-protocol.ts';

export type { CheckFile, CheckProblem, CheckResult } from './upload-check-protocol.ts';

const ENTRY = fileURLToPath(new URL('./upload-check-entry.mjs', import.meta.url));

/** A file's verdict: checked (with its problems, if any), or left to the job. */
export type CheckVerdict = (CheckResult & { checked: true }) | { fileName: string; checked: false };

export interface UploadCheckOptions {
  /** The whole check's time limit (UPLOAD_CHECK_TIMEOUT_MS). */
  timeoutMs: number;
  /** Files larger than this are refused as the job would (its maxBytes). */
  maxBytes: number;
}

/**
 * Check `files` in a new worker thread. Resolves with one verdict per file, in order;
 * files not done when the time limit passes (or when the thread fails) are `checked: false`.
 */
export function checkUploads(files: readonly CheckFile[], opts: UploadCheckOptions): Promise<CheckVerdict[]> {
  return new Promise((resolve) => {
    const done = new Map<string, CheckResult>();
    const worker = new Worker(ENTRY);
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(files.map((f) => {
        const r = done.get(f.fileName);
        return r ? { ...r, checked: true as const } : { fileName: f.fileName, checked: false as const };
      }));
    };
    const timer = setTimeout(finish, opts.timeoutMs);
    worker.on('message', (m: FromCheckWorker) => {
      if (m.type === 'file') done.set(m.result.fileName, m.result);
      else finish();
    });
    worker.on('error', finish);
    worker.on('exit', finish);
    worker.postMessage({ type: 'check', files: [...files], maxBytes: opts.maxBytes } satisfies ToCheckWorker);
  });
}

/**
 * Add to `verdicts` what the job would skip because another source of the index already
 * owns the id (DUPLICATE_ID): a record or file name whose document comes from a file other
 * than the upload it would replace.
 */
export function withIndexConflicts(
  verdicts: CheckVerdict[],
  indexed: (docId: string) => { file: string; title: string } | undefined,
  uploadDir: string,
): CheckVerdict[] {
  return verdicts.map((v) => {
    if (!v.checked) return v;
    const own = resolve(join(uploadDir, v.fileName));
    const clashes = v.sourceIds.flatMap((sourceId) => {
      const doc = indexed(docIdFor(sourceId));
      if (!doc || resolve(doc.file) === own) return [];
      return [{ code: 'DUPLICATE_ID', message: `${MESSAGES.DUPLICATE_ID} Mã “${sourceId}” đã là của văn bản “${doc.title}” thuộc nguồn khác. (tệp ${v.fileName})` }];
    });
    return clashes.length ? { ...v, problems: [...v.problems, ...clashes] } : v;
  });
}
