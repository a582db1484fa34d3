import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../core/errors.ts';
import { checkIndexDir, indexDirError } from './index-dir.ts';
import { acquireLock } from './lock.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'index-dir-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

describe('index directory checks', () => {
  it('accepts a writable folder, creating it when missing', async () => {
    expect(await checkIndexDir(join(dir, 'new', 'index'))).toBeUndefined();
    expect(await checkIndexDir(dir)).toBeUndefined();
  });

  it('names a file where the folder should be, also when a writer meets it', async () => {
    await writeFile(join(dir, 'index'), 'x');
    expect(await checkIndexDir(join(dir, 'index'))).toMatchObject({ code: 'INDEX_DIR_NOT_DIRECTORY', userMessage: MESSAGES.INDEX_DIR_NOT_DIRECTORY });
    expect(await checkIndexDir(join(dir, 'index', 'below'))).toMatchObject({ code: 'INDEX_DIR_NOT_DIRECTORY' });
    await expect(acquireLock(join(dir, 'index'))).rejects.toMatchObject({ code: 'INDEX_DIR_NOT_DIRECTORY' });
  });

  // Root ignores permissions and a read-only mount needs privileges: the file-system errors are simulated.
  it('maps a read-only mount and a missing permission to their own codes', async () => {
    expect(await indexDirError(dir, errno('EROFS'))).toMatchObject({ code: 'INDEX_DIR_READ_ONLY', userMessage: MESSAGES.INDEX_DIR_READ_ONLY });
    expect(await indexDirError(dir, errno('EACCES'))).toMatchObject({ code: 'INDEX_DIR_NOT_WRITABLE', userMessage: MESSAGES.INDEX_DIR_NOT_WRITABLE });
    expect(await indexDirError(dir, errno('EPERM'))).toMatchObject({ code: 'INDEX_DIR_NOT_WRITABLE' });
    expect(await indexDirError(dir, errno('ENOSPC'))).toBeUndefined();
  });
});
