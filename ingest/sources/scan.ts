/**
 * The source files of the roots a run reads, each with the folder its source id is
 * relative to and a content hash (file plus sidecar) that tells whether it changed.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, relative, sep } from 'node:path';
import type { RootRecord } from '../../index/manifest-file.ts';
import { discoverSources } from '../loaders/index.ts';

/** One source file found under a root. */
export interface ScannedFile {
  path: string;
  /** The folder its source id is relative to. */
  root: string;
  hash: string;
  size: number;
}

function toPosix(p: string): string {
  return p.split(sep).join('/');
}

/** Manifest key of a file: its path relative to the working directory (posix form), absolute outside it. */
export function fileKey(path: string): string {
  const rel = relative(process.cwd(), path);
  return toPosix(rel && !rel.startsWith('..') ? rel : path);
}

async function hashFileWithSidecars(path: string): Promise<{ hash: string; size: number }> {
  const h = createHash('sha256');
  let size = 0;
  for (const p of [path, `${path}.meta.json`, path.replace(/\.[^./]+$/, '.meta.json')]) {
    const st = await stat(p).catch(() => undefined);
    if (!st?.isFile()) continue;
    if (p !== path) h.update(`\0sidecar:${p}\0`);
    else size = st.size;
    for await (const chunk of createReadStream(p)) h.update(chunk as Buffer);
  }
  return { hash: h.digest('hex'), size };
}

/**
 * Every source file of `roots` (which must be on disk), keyed by manifest key. A file
 * under two roots belongs to the first (recorded roots come first).
 */
export async function scanRoots(roots: readonly RootRecord[]): Promise<Map<string, ScannedFile>> {
  const out = new Map<string, ScannedFile>();
  for (const root of roots) {
    const files = root.kind === 'dir' ? await discoverSources([root.path]) : [root.path];
    const base = root.kind === 'dir' ? root.path : root.sourceBase ?? dirname(root.path);
    for (const path of files) {
      const key = fileKey(path);
      if (out.has(key)) continue;
      out.set(key, { path, root: base, ...(await hashFileWithSidecars(path)) });
    }
  }
  return out;
}
