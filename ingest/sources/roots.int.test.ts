/**
 * How a run chooses its roots (plan-roots.ts) and what it does with them (pipeline.ts):
 * recorded roots plus given ones, an input inside a recorded folder, explicit removals,
 * and an index built before roots were recorded.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCurrent, versionsDir } from '../../index/layout.ts';
import { MANIFEST } from '../../index/manifest-file.ts';
import { openIndex } from '../../index/open-index.ts';
import { ingest } from '../pipeline.ts';
import { planRoots } from './plan-roots.ts';

let dir: string;
const NOW = '2026-12-07T08:00:00.000Z';

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'roots-'));
  await mkdir(join(dir, 'a', 'sub'), { recursive: true });
  await mkdir(join(dir, 'b'), { recursive: true });
  await writeFile(join(dir, 'a', 'sub', 'x.txt'), 'THÔNG BÁO\nLịch tiếp công dân của xã An Phú vào thứ Hai.\n');
  await writeFile(join(dir, 'a', 'y.txt'), 'THÔNG BÁO\nLịch trực ban của phường Bình Minh vào thứ Ba.\n');
  await writeFile(join(dir, 'b', 'r.jsonl'), `${JSON.stringify({ id: 'R-1', text: 'Quyết định về lệ phí chứng thực.' })}\n${JSON.stringify({ id: 'R-2', text: 'Quyết định về giờ làm việc.' })}\n`);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const plan = (o: Partial<Parameters<typeof planRoots>[0]>) => planRoots({
  recorded: [], previousFiles: {}, previousDocuments: async () => () => undefined, given: [], remove: [], by: 'cli:t', now: NOW, ...o,
});

describe('planning the roots of a run', () => {
  it('reads an input inside a recorded folder as part of that root, and records a new one once', async () => {
    const recorded = [{ path: join(dir, 'a'), kind: 'dir' as const, origin: 'cli' as const, addedAt: NOW, addedBy: 'cli:t' }];
    const p = await plan({ recorded, given: [{ path: join(dir, 'a', 'sub'), origin: 'corpus_paths' }, { path: join(dir, 'b', 'r.jsonl'), origin: 'corpus_paths' }] });
    expect(p.roots.map((r) => [r.path, r.kind, r.origin])).toEqual([[join(dir, 'a'), 'dir', 'cli'], [join(dir, 'b', 'r.jsonl'), 'file', 'corpus_paths']]);
    expect(p.present).toHaveLength(2);
    expect(p.roots[0]!.lastSeenAt).toBe(NOW);
  });

  it('keeps a recorded root that is not on disk as missing', async () => {
    const recorded = [{ path: join(dir, 'gone'), kind: 'dir' as const, origin: 'cli' as const, addedAt: NOW, addedBy: 'cli:t' }];
    const p = await plan({ recorded });
    expect(p.missing.map((r) => r.path)).toEqual([join(dir, 'gone')]);
    expect(p.roots.map((r) => r.path)).toEqual([join(dir, 'gone')]);
  });

  it('refuses to remove what is not a recorded root, or a root given in the same run', async () => {
    await expect(plan({ remove: [join(dir, 'a')] })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', userMessage: expect.stringContaining('không phải là một nguồn đã ghi nhận') });
    const recorded = [{ path: join(dir, 'a'), kind: 'dir' as const, origin: 'cli' as const, addedAt: NOW, addedBy: 'cli:t' }];
    await expect(plan({ recorded, remove: [join(dir, 'a')], given: [{ path: join(dir, 'a'), origin: 'cli' }] })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});

describe('roots across runs', () => {
  it('removes a root and its documents only when asked, even a root that holds no file', async () => {
    const indexDir = join(dir, 'index');
    await mkdir(join(dir, 'empty'));
    const first = await ingest({ inputs: [join(dir, 'a'), join(dir, 'b'), join(dir, 'empty')], indexDir });
    expect(first).toMatchObject({ documents: 4, roots: 3 });
    expect((await ingest({ inputs: [], indexDir })).published).toBe(false);
    const emptied = await ingest({ inputs: [], indexDir, removeRoots: [join(dir, 'empty')] });
    expect(emptied).toMatchObject({ published: true, removed: [], removedRoots: [join(dir, 'empty')], roots: 2, documents: 4 });
    const gone = await ingest({ inputs: [], indexDir, removeRoots: [join(dir, 'b')] });
    expect(gone).toMatchObject({ published: true, removedRoots: [join(dir, 'b')], documents: 2 });
    expect(gone.removed.sort()).toEqual(['R-1', 'R-2']);
  });

  it('keeps the files of an index built before roots were recorded, each its own root with the same document ids', async () => {
    const indexDir = join(dir, 'index');
    await ingest({ inputs: [join(dir, 'a'), join(dir, 'b')], indexDir });
    // The manifest of an older version: no roots, no build.
    const manifestPath = join(versionsDir(indexDir), (await readCurrent(indexDir))!, MANIFEST);
    const old = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
    delete old.roots;
    delete old.build;
    await writeFile(manifestPath, JSON.stringify(old));
    const before = [...(await openIndex(indexDir)).state.docs.keys()].sort();

    // A run given only `b` keeps the documents of `a`, and a change in `a` keeps its ids (source ids relative to `a`).
    await writeFile(join(dir, 'a', 'sub', 'x.txt'), 'THÔNG BÁO\nLịch tiếp công dân của xã An Phú vào thứ Hai và thứ Năm.\n');
    const s = await ingest({ inputs: [join(dir, 'b')], indexDir });
    expect(s).toMatchObject({ published: true, removed: [], updated: ['sub/x.txt'] });
    const index = await openIndex(indexDir);
    expect([...index.state.docs.keys()].sort()).toEqual(before);
    const roots = index.state.manifest.roots!;
    expect(roots.map((r) => [r.path, r.origin])).toEqual(expect.arrayContaining([[join(dir, 'a', 'sub', 'x.txt'), 'legacy'], [join(dir, 'a', 'y.txt'), 'legacy'], [join(dir, 'b'), 'cli']]));
    expect(roots.find((r) => r.path === join(dir, 'a', 'sub', 'x.txt'))!.sourceBase).toBe(join(dir, 'a'));
  });
});
