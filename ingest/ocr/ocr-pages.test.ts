/** Page images are removed as soon as their page is read (needs tesseract-ocr, as the loader tests do). */
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ocrPages, type PageJob } from './ocr-pages.ts';
import { resolveOcrOptions } from './options.ts';
import { writePgm } from './pgm.ts';

describe('ocrPages', () => {
  it('deletes each page image once the page is recognised, before the next pages are done', async () => {
    const written: string[] = [];
    const stillThere: boolean[] = [];
    const jobs: PageJob[] = [1, 2, 3].map((page) => ({
      page,
      async prepare(dir) {
        // When page 3 is prepared (one page at a time), pages 1 and 2 must already be gone.
        for (const p of written) stillThere.push(await access(p).then(() => true, () => false));
        const path = join(dir, `p${page}.pgm`);
        await writePgm(path, { width: 200, height: 100, data: Buffer.alloc(200 * 100, 255) });
        written.push(path);
        return { path, dpi: 300 };
      },
    }));
    const out = await ocrPages(jobs, resolveOcrOptions({ concurrency: 1 }));
    expect(out.map((o) => [o.page, o.error?.code])).toEqual([[1, undefined], [2, undefined], [3, undefined]]);
    expect(stillThere).toEqual([false, false, false]);
    for (const p of written) await expect(access(p)).rejects.toThrow();
  });
});
