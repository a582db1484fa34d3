/**
 * Index format 3 added the documents' relation clauses. A format-2 index still opens and
 * is served as it is; the next ingest rebuilds it so that its documents get relations.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FORMAT_VERSION, MANIFEST } from '../index/manifest-file.ts';
import { readCurrent, versionsDir } from '../index/layout.ts';
import { openIndex } from '../index/open-index.ts';
import { ingest } from './pipeline.ts';

const work = await mkdtemp(join(os.tmpdir(), 'format-'));

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('index format 3', () => {
  it('opens a format-2 index and rebuilds it on the next ingest', async () => {
    const docs = join(work, 'docs');
    const indexDir = join(work, 'index');
    await mkdir(docs);
    await writeFile(join(docs, 'qd.txt'), 'UBND TỈNH QUẢNG NGÃI\nSố: 50/2026/QĐ-UBND\nQuảng Ngãi, ngày 02 tháng 11 năm 2026\nQUYẾT ĐỊNH\nVề việc quản lý chợ\nĐiều 1. Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 20/2019/QĐ-UBND.\n');
    await ingest({ inputs: [docs], indexDir });
    const manifestPath = join(versionsDir(indexDir), (await readCurrent(indexDir))!, MANIFEST);
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { formatVersion: number };
    expect(manifest.formatVersion).toBe(FORMAT_VERSION);
    await writeFile(manifestPath, JSON.stringify({ ...manifest, formatVersion: 2 }));

    const old = await openIndex(indexDir);
    expect(old.state.docs.size).toBe(1);

    const again = await ingest({ inputs: [docs], indexDir });
    expect(again.published).toBe(true);
    const rebuilt = await openIndex(indexDir);
    expect([...rebuilt.state.docs.values()][0]?.relations?.map((r) => `${r.kind} ${r.target.number}`)).toEqual(['replaces 20/2019/QĐ-UBND']);
  });
});
