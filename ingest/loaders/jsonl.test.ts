import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeText } from '../../core/text/normalize.ts';
import { loadSource } from './index.ts';
import { canonicalJson } from './records.ts';
import { collect, tempFixtures } from './test-support.ts';

const TTHC = fileURLToPath(new URL('../../../shared/datasets/tthc/procedures.jsonl', import.meta.url));
const ALQAC = fileURLToPath(new URL('../../../shared/datasets/alqac/corpus.jsonl', import.meta.url));

async function headLines(path: string, n: number): Promise<string[]> {
  const out: string[] = [];
  const rl = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of rl) {
    out.push(line);
    if (out.length === n) break;
  }
  rl.close();
  return out;
}

let fx: Awaited<ReturnType<typeof tempFixtures>>;
let scratch: string;
beforeAll(async () => {
  fx = await tempFixtures();
  scratch = await mkdtemp(join(tmpdir(), 'jsonl-'));
});
afterAll(async () => {
  await fx.cleanup();
  await rm(scratch, { recursive: true, force: true });
});

async function writeJsonl(name: string, lines: string[]): Promise<string> {
  const path = join(scratch, name);
  await writeFile(path, lines.join('\n') + '\n');
  return path;
}

describe('JSONL loader, generic records', () => {
  it('loads the good records and reports each bad line with its 1-based number', async () => {
    const { docs, skipped } = await collect(loadSource(fx.jsonl));
    expect(docs.map((d) => [d.sourceId, d.source])).toEqual([
      ['QD-01', `${fx.jsonl}#L1`], ['KH-02', `${fx.jsonl}#L2`], ['CV-05', `${fx.jsonl}#L7`],
    ]);
    expect(skipped.map((s) => [s.code, s.source])).toEqual([
      ['JSONL_MALFORMED', `${fx.jsonl}#L4`], ['JSONL_MISSING_FIELD', `${fx.jsonl}#L5`], ['DUPLICATE_ID', `${fx.jsonl}#L6`],
    ]);
    expect(skipped[0]!.message).toMatch(/^Dòng 4: .*JSON không hợp lệ/);
    expect(skipped[1]!.message).toMatch(/^Dòng 5: .*"text"/);
    expect(skipped[2]!.message).toMatch(/^Dòng 6: .*"QD-01" đã có ở dòng 1/);
    for (const s of skipped) expect(s.message).toContain('van-ban.jsonl');
  });

  it('passes metadata fields of generic records through, audience and status included', async () => {
    const { docs } = await collect(loadSource(fx.jsonl));
    expect(docs[0]!.meta).toEqual({
      title: 'Quyết định số 01/QĐ-UBND', type: 'quyết định', number: '01/QĐ-UBND', issuedDate: '2026-01-05',
      audience: 'internal', status: 'in_force',
    });
    expect(docs[0]!.kind).toBe('document');
    expect(docs[1]!.meta).toEqual({ title: 'Kế hoạch số 02/KH-UBND' });
  });

  it('hashes the canonical JSON of each record, independent of key order', async () => {
    const a = await writeJsonl('a.jsonl', [JSON.stringify({ id: 'x', text: 'Nội dung', title: 'T' })]);
    const b = await writeJsonl('b.jsonl', [JSON.stringify({ title: 'T', text: 'Nội dung', id: 'x' })]);
    const [docA] = (await collect(loadSource(a))).docs;
    const [docB] = (await collect(loadSource(b))).docs;
    const expected = createHash('sha256').update(canonicalJson({ id: 'x', text: 'Nội dung', title: 'T' })).digest('hex');
    expect(docA!.contentHash).toBe(expected);
    expect(docB!.contentHash).toBe(expected);
  });

  it('rejects invalid metadata and non-object lines with the line number', async () => {
    const path = await writeJsonl('c.jsonl', [
      JSON.stringify({ id: 'a', text: 'x', audience: 'mật' }),
      '[1, 2]',
      JSON.stringify({ doc_id: 7, text: 'Mã số dạng số vẫn được nhận.' }),
    ]);
    const { docs, skipped } = await collect(loadSource(path));
    expect(skipped.map((s) => [s.code, s.message.slice(0, 7)])).toEqual([['METADATA_INVALID', 'Dòng 1:'], ['JSONL_MALFORMED', 'Dòng 2:']]);
    expect(skipped[0]!.message).toContain('audience');
    expect(docs.map((d) => d.sourceId)).toEqual(['7']);
  });
});

describe('JSONL loader, known datasets', () => {
  it('recognises the TTHC catalog and keys each procedure by its ma_thu_tuc', async () => {
    const lines = await headLines(TTHC, 50);
    const path = await writeJsonl('procedures.jsonl', lines);
    const { docs, skipped } = await collect(loadSource(path));
    expect(skipped).toEqual([]);
    expect(docs).toHaveLength(50);
    const raw = JSON.parse(lines[0]!) as Record<string, string>;
    const first = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, typeof v === 'string' ? normalizeText(v).trim() : v]));
    const doc = docs[0]!;
    expect(docs.every((d) => d.kind === 'procedure')).toBe(true);
    expect(doc.sourceId).toBe(first.ma_thu_tuc);
    expect(doc.source).toBe(`${path}#L1`);
    expect(doc.meta).toMatchObject({
      title: first.ten_thu_tuc, type: 'thủ tục', number: first.ma_thu_tuc, issuer: first.co_quan_co_tham_quyen,
      audience: 'public', status: 'in_force',
      extra: { cap_thuc_hien: first.cap_thuc_hien, linh_vuc: first.linh_vuc, detail_url: first.detail_url },
    });
    expect(doc.procedure?.ten_thu_tuc).toBe(first.ten_thu_tuc);
    expect(doc.procedure?.thanh_phan_ho_so).toBe(normalizeText(raw.thanh_phan_ho_so!));
    expect(doc.text.startsWith(first.ten_thu_tuc!)).toBe(true);
    expect(new Set(docs.map((d) => d.sourceId)).size).toBe(50);
  });

  it('assembles a procedure\'s text from its fields when raw_text is empty', async () => {
    const path = await writeJsonl('no-raw.jsonl', [JSON.stringify({
      ma_thu_tuc: '2.000001', ten_thu_tuc: 'Đăng ký thường trú', raw_text: '', co_quan_thuc_hien: 'Công an xã',
      thanh_phan_ho_so: 'Tờ khai CT01', le_phi: '',
    })]);
    const { docs } = await collect(loadSource(path));
    expect(docs[0]!.text).toBe('Tên thủ tục: Đăng ký thường trú\n\nMã thủ tục: 2.000001\n\n'
      + 'Cơ quan thực hiện: Công an xã\n\nThành phần hồ sơ: Tờ khai CT01');
    expect(docs[0]!.meta?.issuer).toBe('Công an xã');
  });

  it('turns ALQAC law articles into legal-article documents titled by law and article', async () => {
    const lines = await headLines(ALQAC, 50);
    const path = await writeJsonl('corpus.jsonl', [...lines,
      JSON.stringify({ doc_id: 'Bộ luật Dân sự#5', law_id: 'Bộ luật Dân sự', article_id: '5', title: 'Áp dụng tập quán', text: 'Áp dụng tập quán' })]);
    const { docs, skipped } = await collect(loadSource(path));
    expect(skipped).toEqual([]);
    expect(docs).toHaveLength(51);
    expect(docs.every((d) => d.kind === 'legal-article')).toBe(true);
    const first = JSON.parse(lines[0]!) as Record<string, string>;
    expect(first.law_id).toBe(normalizeText(first.law_id!));
    expect(docs[0]!.sourceId).toBe(first.doc_id);
    expect(docs[0]!.meta).toEqual({
      title: `${first.law_id} — Điều ${first.article_id}. ${first.title}`, type: 'luật',
      audience: 'public', status: 'in_force', extra: { law_id: first.law_id, article_id: first.article_id },
    });
    expect(docs[50]!.meta?.type).toBe('bộ luật');
    expect(docs[50]!.meta?.title).toBe('Bộ luật Dân sự — Điều 5. Áp dụng tập quán');
  });
});
