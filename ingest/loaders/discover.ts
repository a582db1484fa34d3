/** Expansion of input paths into the list of files to load. */
import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

/** File extensions the loaders read (lower case). */
export const SUPPORTED_EXTENSIONS: readonly string[] = [
  '.pdf', '.docx', '.doc', '.odt', '.txt', '.md', '.html', '.htm', '.jsonl',
  '.png', '.jpg', '.jpeg', '.tif', '.tiff',
  '.xlsx', '.xls', '.ods', '.csv',
];

/** True for a file name the loaders can read, judged by its extension (any case). */
export function isSupportedFile(name: string): boolean {
  return SUPPORTED_EXTENSIONS.includes(extname(name).toLowerCase()) && !isSidecar(name);
}

/** True for a metadata sidecar (`*.meta.json`). */
export function isSidecar(name: string): boolean {
  return name.toLowerCase().endsWith('.meta.json');
}

/** Hidden files and folders (`.git`, `.DS_Store`) and Office lock files (`~$bao-cao.docx`). */
function isIgnored(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$');
}

async function walk(dir: string, out: string[], visited: Set<string>): Promise<void> {
  const real = await realpath(dir);
  if (visited.has(real)) return; // symlink loop
  visited.add(real);
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    if (isIgnored(entry.name)) continue;
    const path = join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const target = await stat(path).catch(() => undefined);
      isDir = target?.isDirectory() ?? false;
      isFile = target?.isFile() ?? false;
    }
    if (isDir) await walk(path, out, visited);
    else if (isFile && isSupportedFile(entry.name)) out.push(path);
  }
}

/**
 * Expands directories recursively into the supported files they contain, skipping hidden
 * files and folders, Office lock files and `*.meta.json` sidecars. A path that is not a
 * directory is kept as given (even if missing or unsupported) so that loading it reports
 * the problem. The result is deduplicated and sorted.
 */
export async function discoverSources(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  const visited = new Set<string>();
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) await walk(path, out, visited);
    else out.push(path);
  }
  return [...new Set(out)].sort();
}
