/**
 * Writes the planted red-team documents into a directory at eval time: the committed text
 * documents (docs/: TXT, MD, HTML, JSONL) are copied, and the DOCX and PDF ones are
 * rendered from generated-docx.ts / generated-pdf.ts with docx and pdfkit (DejaVu Sans), so
 * no binary is committed. Every `file` of cases.jsonl is then `<dir>/<file>`.
 *
 *   npx tsx eval/datasets/planted/make-planted.ts <dir>
 */
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAsMain } from '../../../ingest/run-main.ts';
import { DOCX_DOCS } from './generated-docx.ts';
import { PDF_DOCS } from './generated-pdf.ts';
import type { GeneratedDoc } from './layout.ts';
import { renderDocx } from './render-docx.ts';
import { renderPdf } from './render-pdf.ts';

/** The committed planted documents (text formats). */
export const PLANTED_DOCS_DIR = fileURLToPath(new URL('./docs', import.meta.url));

/** Every generated document with its format. */
export const GENERATED_DOCS: ReadonlyArray<GeneratedDoc & { format: 'docx' | 'pdf' }> = [
  ...DOCX_DOCS.map((d) => ({ ...d, format: 'docx' as const })),
  ...PDF_DOCS.map((d) => ({ ...d, format: 'pdf' as const })),
];

/** Renders one generated document. */
export function renderGenerated(doc: GeneratedDoc & { format: 'docx' | 'pdf' }): Promise<Buffer> {
  return doc.format === 'pdf' ? renderPdf(doc) : renderDocx(doc);
}

/** Writes every planted document under `dir` (created if missing); returns the absolute directory. */
export async function makePlanted(dir: string): Promise<string> {
  const root = resolve(dir);
  await mkdir(root, { recursive: true });
  await cp(PLANTED_DOCS_DIR, root, { recursive: true });
  await Promise.all(GENERATED_DOCS.map(async (doc) => writeFile(join(root, doc.file), await renderGenerated(doc))));
  return root;
}

runAsMain(import.meta.url, async ([target]) => {
  if (!target) {
    process.stderr.write('usage: npx tsx eval/datasets/planted/make-planted.ts <dir>\n');
    return 2;
  }
  process.stdout.write(`${await makePlanted(target)}\n`);
  return 0;
});
