import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildWidget } from '../scripts/build-widget.ts';

const BUDGET = 40 * 1024;
let dir: string | undefined;

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('widget.js bundle', () => {
  it('stays within 40 KB gzipped, socket.io client included', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'widget-'));
    const r = await buildWidget(dir);
    console.log(`widget.js: ${r.bytes} bytes, gzip ${r.gzipBytes} bytes (budget ${BUDGET})`);
    expect(r.gzipBytes).toBeGreaterThan(5 * 1024);
    expect(r.gzipBytes).toBeLessThanOrEqual(BUDGET);
    const code = await readFile(r.file, 'utf8');
    expect(code).toContain('tro-ly-ao-widget');
    // No untrusted text goes through the HTML parser.
    expect(code).not.toMatch(/\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=/);
  });
});
