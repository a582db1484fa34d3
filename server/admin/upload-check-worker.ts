/**
 * The upload check's worker thread: each uploaded file goes through the real loaders and
 * the structure step — what the re-index job will run — from a private temp folder, and
 * what they would skip is reported file by file. In a thread so that pdf.js, mammoth and
 * the structure step never block the server's event loop; the main thread ends it at its
 * time limit.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { toAppError } from '../../core/errors.ts';
import { loadSource } from '../../ingest/loaders/index.ts';
import { structureDocument } from '../../ingest/structure-step.ts';
import type { CheckFile, CheckResult, FromCheckWorker, ToCheckWorker } from './upload-check-protocol.ts';

const port = parentPort;
if (!port) throw new Error('upload-check-worker.ts runs as a worker thread');

const send = (m: FromCheckWorker) => port.postMessage(m);

async function checkFile(dir: string, file: CheckFile, maxBytes: number): Promise<CheckResult> {
  const path = join(dir, file.fileName);
  await writeFile(path, file.data);
  if (file.sidecar !== undefined) await writeFile(`${path}.meta.json`, file.sidecar);
  const result: CheckResult = { fileName: file.fileName, sourceIds: [], problems: [] };
  for await (const loaded of loadSource(path, { root: dir, maxBytes })) {
    if (!loaded.ok) {
      result.problems.push({ code: loaded.skipped.code, message: loaded.skipped.message });
      continue;
    }
    const built = structureDocument(loaded.doc);
    if (built.ok) result.sourceIds.push(loaded.doc.sourceId);
    else result.problems.push({ code: built.skipped.code, message: built.skipped.message });
  }
  return result;
}

port.on('message', (m: ToCheckWorker) => {
  if (m.type !== 'check') return;
  void (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'upload-check-'));
    try {
      // One folder per file: a file is checked alone, as the job will read it with its own sidecar.
      for (const [i, file] of m.files.entries()) {
        const own = join(dir, String(i));
        await mkdir(own);
        send({ type: 'file', result: await checkFile(own, file, m.maxBytes) });
      }
      send({ type: 'done' });
    } catch (err) {
      send({ type: 'error', message: toAppError(err).message });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  })();
});
