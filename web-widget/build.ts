/**
 * Bundle the browser code of web-widget/src into web-widget/dist, minified, each file
 * with a gzipped copy beside it (served as is, server/http/pages.ts):
 *   widget.js  the embeddable chat widget, socket.io client included (≤ 40 KB gzipped)
 *   admin.js   the admin console (/admin), socket.io client included
 *   source.js  the source view a citation links to (/sources/<docId>)
 *   portal.js  the demo portal's procedure search (/)
 * Files are replaced by rename, so a running server or a parallel build never reads half
 * a bundle.
 *
 * The command line is scripts/build-widget.ts (npm run build:widget); tests and the browser
 * suite build through these functions.
 */
import { rename, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.join(ROOT, 'web-widget/src');
const DEFAULT_OUT = 'web-widget/dist';

/** Each bundle's output name and entry point. */
const WIDGET = { name: 'widget.js', entry: path.join(SRC, 'main.ts') };
const PAGES = [
  { name: 'admin.js', entry: path.join(SRC, 'admin/main.ts') },
  { name: 'source.js', entry: path.join(SRC, 'source/main.ts') },
  { name: 'portal.js', entry: path.join(SRC, 'portal/main.ts') },
];

/** One written bundle and its size (bytes and gzip bytes at level 9). */
export interface BuiltFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

/** Write `data` to `file` through a temporary file and a rename. */
async function writeAtomically(file: string, data: Uint8Array): Promise<void> {
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(temp, data);
  await rename(temp, file);
}

async function bundle(entry: string, file: string): Promise<BuiltFile> {
  const result = await build({
    entryPoints: [entry],
    outfile: file,
    write: false,
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2019', 'chrome90'],
    platform: 'browser',
    legalComments: 'none',
    charset: 'utf8',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  const code = result.outputFiles.find((f) => f.path === file)?.contents;
  if (!code) throw new Error(`esbuild wrote no ${path.basename(file)}`);
  const gzipped = gzipSync(code, { level: 9 });
  await mkdir(path.dirname(file), { recursive: true });
  // The bundle first: the server sends the .gz only while it is not older than the bundle.
  await writeAtomically(file, code);
  await writeAtomically(`${file}.gz`, gzipped);
  return { file, bytes: code.length, gzipBytes: gzipped.length };
}

/** Build widget.js into `outDir`. */
export function buildWidget(outDir = DEFAULT_OUT): Promise<BuiltFile> {
  return bundle(WIDGET.entry, path.resolve(ROOT, outDir, WIDGET.name));
}

/** Build the pages' scripts (admin.js, source.js, portal.js) into `outDir`. */
export function buildPages(outDir = DEFAULT_OUT): Promise<BuiltFile[]> {
  return Promise.all(PAGES.map((p) => bundle(p.entry, path.resolve(ROOT, outDir, p.name))));
}
