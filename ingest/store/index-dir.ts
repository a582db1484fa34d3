/**
 * Whether an index directory can be written, with a clear error for each way it cannot:
 * a file where the folder should be, no permission, a read-only mount. The server checks
 * it at start (and reports it on /readyz); every writer maps its file-system errors
 * through it.
 */
import { mkdir, open, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../core/errors.ts';

/** The AppError of a file-system error met while writing `dir`, if it is one of the directory's own problems. */
export async function indexDirError(dir: string, err: unknown): Promise<AppError | undefined> {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const detail = `${dir}: ${(err as Error | undefined)?.message ?? String(err)}`;
  if (code === 'EROFS') return new AppError('INDEX_DIR_READ_ONLY', detail, { cause: err });
  if (code === 'EACCES' || code === 'EPERM') return new AppError('INDEX_DIR_NOT_WRITABLE', detail, { cause: err });
  if (code === 'ENOTDIR' || code === 'EEXIST') {
    const info = await stat(dir).catch(() => undefined);
    if (!info?.isDirectory()) return new AppError('INDEX_DIR_NOT_DIRECTORY', detail, { cause: err });
  }
  return undefined;
}

/**
 * Check that `dir` is (or can be made) a writable folder: creates it if missing, then
 * writes and removes a probe file. Returns the problem, or undefined when it is writable.
 */
export async function checkIndexDir(dir: string): Promise<AppError | undefined> {
  const probe = join(dir, `.write-probe-${process.pid}`);
  try {
    await mkdir(dir, { recursive: true });
    const info = await stat(dir);
    if (!info.isDirectory()) return new AppError('INDEX_DIR_NOT_DIRECTORY', `${dir} is not a directory`);
    const fh = await open(probe, 'w');
    await fh.close();
    await rm(probe, { force: true });
    return undefined;
  } catch (err) {
    return (await indexDirError(dir, err)) ?? new AppError('INDEX_DIR_NOT_WRITABLE', `${dir}: ${(err as Error).message}`, { cause: err });
  }
}
