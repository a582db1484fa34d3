/**
 * Bundle the browser code of web-widget/src into web-widget/dist (web-widget/build.ts)
 * and print each bundle's size.
 *
 *   npx tsx scripts/build-widget.ts [outDir]     (npm run build:widget)
 */
import path from 'node:path';
import { runAsMain } from '../ingest/run-main.ts';
import { buildPages, buildWidget } from '../web-widget/build.ts';

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

runAsMain(import.meta.url, async (argv) => {
  const built = [await buildWidget(argv[0]), ...await buildPages(argv[0])];
  for (const r of built) {
    process.stdout.write(`${path.relative(process.cwd(), r.file)}: ${kb(r.bytes)} (${r.bytes} bytes), gzip ${kb(r.gzipBytes)} (${r.gzipBytes} bytes)\n`);
  }
  return 0;
});
