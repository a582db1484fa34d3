/**
 * The CLI's commands about the index itself rather than its inputs: the recorded sources,
 * the versions, a rollback, and the preview of a removal (what would go, before anyone
 * confirms). Output in Vietnamese, or JSON with --json.
 */
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { AppError } from '../core/errors.ts';
import { readCurrent, versionsDir } from '../index/layout.ts';
import { readDocuments, readManifest } from '../index/index-state.ts';
import { describeRoots, previewRemoval, type RemovalPreview, type RootSummary } from '../index/roots.ts';
import { listVersions, type VersionList } from '../index/versions.ts';
import type { RootOrigin } from '../index/manifest-file.ts';

const ORIGIN_NAMES: Record<RootOrigin, string> = {
  shipped: 'kho có sẵn (corpora/)', upload: 'tệp tải lên', corpus_paths: 'CORPUS_PATHS', cli: 'dòng lệnh', legacy: 'chỉ mục cũ (trước khi ghi nhận nguồn)',
};

const n = (x: number) => x.toLocaleString('vi-VN');
const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
const day = (iso: string | undefined) => (iso ? iso.slice(0, 16).replace('T', ' ') : '—');

/** The recorded roots of the active version of `indexDir`, with their counts. */
export async function readSources(indexDir: string): Promise<{ version: string; roots: RootSummary[]; preview: (path: string) => Promise<RemovalPreview> }> {
  const version = await readCurrent(indexDir);
  if (!version) throw new AppError('INDEX_NOT_FOUND', `no published index in ${indexDir}`);
  const dir = join(versionsDir(indexDir), version);
  const manifest = await readManifest(dir);
  const docs = new Map((await readDocuments(dir)).map((d) => [d.id, d]));
  const roots = await describeRoots(manifest, (id) => docs.get(id));
  return {
    version, roots,
    preview: async (path) => {
      const abs = resolve(path);
      const root = roots.find((r) => r.path === abs);
      if (!root) {
        throw new AppError('INVALID_ARGUMENT', `${abs} is not a recorded root`, {
          userSuffix: `“${path}” không phải là một nguồn đã ghi nhận của chỉ mục. Các nguồn: ${roots.map((r) => r.path).join('; ') || '(chưa có)'}.`,
        });
      }
      return previewRemoval(version, manifest, root, (id) => docs.get(id));
    },
  };
}

/** The sources, one per line. */
export function formatSources(version: string, roots: readonly RootSummary[]): string {
  const lines = [`Nguồn của chỉ mục (phiên bản ${version}):`];
  for (const r of roots) {
    lines.push(`  ${r.exists ? '✓' : '✗ KHÔNG TRUY CẬP ĐƯỢC'} ${r.path}${r.kind === 'dir' ? '/' : ''}`);
    lines.push(`      ${n(r.documents)} văn bản từ ${n(r.files)} tệp · ${ORIGIN_NAMES[r.origin]} · ghi nhận ${day(r.addedAt)} bởi ${r.addedBy}`);
  }
  if (roots.length === 0) lines.push('  (chưa ghi nhận nguồn nào)');
  return lines.join('\n');
}

/** The versions, newest first. */
export function formatVersions(list: VersionList): string {
  const lines = [`Phiên bản chỉ mục (đang phục vụ: ${list.active ?? 'chưa có'}; tổng dung lượng ${mb(list.totalBytes)}):`];
  for (const v of list.versions) {
    const b = v.build;
    const changes = b ? `+${n(b.changes.added)} thêm, ${n(b.changes.updated)} cập nhật, −${n(b.changes.removed)} gỡ` : 'không rõ thay đổi';
    const who = b ? `${b.via === 'job' ? `lượt ${b.job ?? ''} của` : 'dòng lệnh,'} ${b.by}` : 'không rõ người tạo';
    lines.push(`  ${v.active ? '▶' : ' '} ${v.version}  ${n(v.documents)} văn bản, ${n(v.chunks)} đoạn · ${changes} · ${who}`);
    lines.push(`      tạo ${day(v.createdAt)} · ${mb(v.bytes)} (riêng ${mb(v.ownBytes)})${b?.removedRoots.length ? ` · đã gỡ nguồn: ${b.removedRoots.join(', ')}` : ''}${b?.missingRoots.length ? ` · nguồn không truy cập được: ${b.missingRoots.join(', ')}` : ''}`);
  }
  return lines.join('\n');
}

/** The preview of a removal, e.g. `Sẽ gỡ 2.642 văn bản (1 tệp) của nguồn …`. */
export function formatPreview(p: RemovalPreview): string {
  const lines = [
    `Sẽ gỡ ${n(p.documents)} văn bản (${n(p.files)} tệp) của nguồn “${p.root.path}” (${ORIGIN_NAMES[p.root.origin]}, ghi nhận ${day(p.root.addedAt)} bởi ${p.root.addedBy}).`,
  ];
  for (const d of p.sample) lines.push(`  - ${d.title} (${d.sourceId})`);
  if (p.documents > p.sample.length) lines.push(`  … và ${n(p.documents - p.sample.length)} văn bản khác`);
  return lines.join('\n');
}

/** Ask on the terminal; true for “có” / “c” / “yes” / “y”. */
export async function confirmOnTerminal(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = (await rl.question(question)).trim().toLowerCase().normalize('NFC');
    return ['có', 'co', 'c', 'yes', 'y'].includes(answer);
  } finally {
    rl.close();
  }
}

export { listVersions };
