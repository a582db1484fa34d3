import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPages, buildWidget } from './build.ts';

const BUDGET = 40 * 1024;
/** What no bundle may hold: untrusted text through the HTML parser, or zod (the protocol is imported as types only). */
const FORBIDDEN = [/\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=/, /ZodError|invalid_type_error/];
const dirs: string[] = [];

afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function outDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'widget-'));
  dirs.push(dir);
  return dir;
}

describe('widget.js bundle', () => {
  it('stays within 40 KB gzipped, socket.io client included, with no HTML parsing and no zod', async () => {
    const r = await buildWidget(await outDir());
    console.log(`widget.js: ${r.bytes} bytes, gzip ${r.gzipBytes} bytes (budget ${BUDGET})`);
    expect(r.gzipBytes).toBeGreaterThan(5 * 1024);
    expect(r.gzipBytes).toBeLessThanOrEqual(BUDGET);
    const code = await readFile(r.file, 'utf8');
    expect(code).toContain('tro-ly-ao-widget');
    for (const pattern of FORBIDDEN) expect(code).not.toMatch(pattern);
  });
});

describe('the pages’ bundles', () => {
  it('builds admin.js (with the socket.io client), source.js and portal.js, with no HTML parsing and no zod', async () => {
    const built = await buildPages(await outDir());
    expect(built.map((b) => path.basename(b.file))).toEqual(['admin.js', 'source.js', 'portal.js']);
    const [admin, source, portal] = await Promise.all(built.map((b) => readFile(b.file, 'utf8')));
    expect(admin).toContain('Vui lòng nhập mã truy cập quản trị.');
    expect(admin).toContain('socket.io');
    expect(source).toContain('Đoạn được trích dẫn');
    expect(portal).toContain('/api/search');
    for (const code of [admin!, source!, portal!]) for (const pattern of FORBIDDEN) expect(code).not.toMatch(pattern);
  });
});
