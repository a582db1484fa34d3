/**
 * Bundle the embeddable chat widget (web-widget/src) into one minified IIFE,
 * `web-widget/dist/widget.js`, socket.io client included, and report its size.
 *
 *   npx tsx scripts/build-widget.ts [outDir]
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { runAsMain } from '../ingest/run-main.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = path.join(ROOT, 'web-widget/src/main.ts');

/** Build widget.js into `outDir` and measure it (bytes and gzip bytes at level 9). */
export async function buildWidget(outDir = 'web-widget/dist'): Promise<{ file: string; bytes: number; gzipBytes: number }> {
  const file = path.resolve(ROOT, outDir, 'widget.js');
  await build({
    entryPoints: [ENTRY],
    outfile: file,
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
  const code = await readFile(file);
  const gzipped = gzipSync(code, { level: 9 });
  // Served as is to browsers that accept gzip (server/http/pages.ts): no compression at request time.
  await writeFile(`${file}.gz`, gzipped);
  return { file, bytes: code.length, gzipBytes: gzipped.length };
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

runAsMain(import.meta.url, async (argv) => {
  const r = await buildWidget(argv[0]);
  process.stdout.write(`${path.relative(process.cwd(), r.file)}: ${kb(r.bytes)} (${r.bytes} bytes), gzip ${kb(r.gzipBytes)} (${r.gzipBytes} bytes)\n`);
  return 0;
});
