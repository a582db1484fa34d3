/**
 * `npm run ingest -- <file|dir|records.jsonl>... --index <dir>` (DESIGN.md, "Ingest"), and
 * the commands about the index itself: `--sources`, `--versions`, `--rollback <version>`,
 * `--remove <root>` (a preview, then a confirmation).
 * Exit codes: 0 done (possibly with skipped sources), 1 nothing could be indexed or a
 * system fault, 2 bad arguments or a removal not confirmed, 130 cancelled (Ctrl-C or
 * SIGTERM: OCR processes are killed).
 */
import { parseArgs } from 'node:util';
import { configFromEnvironment } from '../config/environment.ts';
import { AppError, toAppError } from '../core/errors.ts';
import { readCurrent } from '../index/layout.ts';
import { cliUser, ingest, type IngestSummary } from './pipeline.ts';
import { MIN_DPI } from './ocr/page-images.ts';
import { progressReporter } from './progress.ts';
import { embedderConfigFromArgs } from './embedders/registry.ts';
import { runAsMain } from './run-main.ts';
import { rollbackTo } from './store/rollback.ts';
import { confirmOnTerminal, formatPreview, formatSources, formatVersions, listVersions, readSources } from './cli-commands.ts';

const USAGE = `Cách dùng: npm run ingest -- [<tệp|thư mục|records.jsonl>...] [--index <thư mục>]
           npm run ingest -- --sources | --versions | --rollback <phiên bản> | --remove <nguồn> [--yes]
Mỗi lượt đọc lại mọi nguồn chỉ mục đã ghi nhận cùng các nguồn được nêu (không nêu gì: chỉ các
nguồn đã ghi nhận). Văn bản chỉ bị gỡ khi tệp của nó không còn trong nguồn, hoặc khi cả nguồn
được gỡ bằng --remove; nguồn tạm không truy cập được (ổ mạng chưa gắn) vẫn giữ văn bản.
  --index <dir>          thư mục chỉ mục (mặc định: $INDEX_DIR hoặc data/index)
  --rebuild              đọc và nhúng lại mọi nguồn, khớp lại bộ nhúng tích hợp
  --remove <nguồn>       gỡ một nguồn đã ghi nhận cùng văn bản của nó: in trước những gì sẽ gỡ rồi hỏi xác nhận
  --yes                  xác nhận --remove không cần hỏi (khi chạy không tương tác)
  --allow-removal        chấp nhận gỡ nhiều văn bản hơn ngưỡng $INDEX_MAX_REMOVAL_SHARE (tệp đã xóa khỏi nguồn)
  --sources              liệt kê các nguồn đã ghi nhận (số văn bản, còn truy cập được hay không)
  --versions             liệt kê các phiên bản (số văn bản, thay đổi, ai tạo, dung lượng)
  --rollback <phiên bản> quay về một phiên bản đã có (máy chủ đang chạy chuyển theo trong vài giây)
  --embedder <kind>      lsa (mặc định: $EMBEDDER hoặc lsa, không cần tải mô hình) | transformers
  --model <id|dir>       mô hình transformers.js (thư mục cục bộ; mặc định: $EMBEDDING_MODEL)
  --max-bytes <n>        giới hạn dung lượng mỗi tệp (mặc định 50 MB)
  --ocr-jobs <n>         số trang nhận dạng chữ cùng lúc (mặc định: số lõi CPU)
  --ocr-max-pages <n>    số trang tối đa được nhận dạng chữ trong một tệp (mặc định 500)
  --ocr-max-dpi <n>      độ phân giải tối đa khi nhận dạng chữ (mặc định 200 dpi; bản quét mịn hơn được thu nhỏ)
  --json                 in kết quả dạng JSON
`;

/** `--keep-missing` kept documents of sources a run did not name; every recorded root is now kept anyway. */
const KEEP_MISSING_RETIRED = '--keep-missing đã bỏ: mọi nguồn đã ghi nhận luôn được đọc lại và giữ văn bản, kể cả khi không được nêu trong lần chạy; muốn gỡ một nguồn, dùng --remove <nguồn>.';

/** Human summary in Vietnamese. */
export function formatSummary(s: IngestSummary): string {
  const lines = [
    s.published ? `Đã xuất bản phiên bản chỉ mục ${s.version} tại ${s.indexDir}` : `Không có thay đổi; chỉ mục ${s.version ?? ''} giữ nguyên.`,
    `  thêm mới: ${s.added.length} · cập nhật: ${s.updated.length} · không đổi: ${s.unchanged} · đã gỡ: ${s.removed.length} · bỏ qua: ${s.skipped.length}`,
    `  tổng: ${s.documents} văn bản, ${s.chunks} đoạn, ${s.roots} nguồn · bộ nhúng ${s.embedder}${s.refitted ? ' (đã khớp lại)' : ''} · ${(s.durationMs / 1000).toFixed(1)} giây`,
  ];
  for (const x of s.extraction.filter((e) => e.ocrPages.length > 0 || e.warnings.length > 0)) {
    const conf = x.meanConfidence === undefined ? '' : ` · độ tin cậy trung bình ${x.meanConfidence.toFixed(1).replace('.', ',')}`;
    const low = x.lowConfidencePages.length ? ` · cần kiểm tra trang ${x.lowConfidencePages.join(', ')}` : '';
    lines.push(`  ~ ${x.sourceId}: ${x.pages} trang, nhận dạng chữ ${x.ocrPages.length} trang${conf}${low}`);
    for (const w of x.warnings) lines.push(`    ${w}`);
  }
  for (const r of s.removedRoots) lines.push(`  − đã gỡ nguồn ${r}`);
  for (const r of s.missingRoots) lines.push(`  ! nguồn không truy cập được, giữ nguyên văn bản: ${r}`);
  for (const k of s.skipped) lines.push(`  ! ${k.source}: ${k.message} [${k.code}]`);
  return lines.join('\n');
}

function out(json: boolean, value: unknown, text: string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);
}

export async function main(argv: string[]): Promise<number> {
  if (argv.includes('--keep-missing')) {
    process.stderr.write(`${KEEP_MISSING_RETIRED}\n`);
    return 2;
  }
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        index: { type: 'string' },
        rebuild: { type: 'boolean', default: false },
        remove: { type: 'string', multiple: true },
        yes: { type: 'boolean', default: false },
        'allow-removal': { type: 'boolean', default: false },
        sources: { type: 'boolean', default: false },
        versions: { type: 'boolean', default: false },
        rollback: { type: 'string' },
        embedder: { type: 'string' },
        model: { type: 'string' },
        'max-bytes': { type: 'string' },
        'ocr-jobs': { type: 'string' },
        'ocr-max-pages': { type: 'string' },
        'ocr-max-dpi': { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const v = args.values;
  if (v.help) {
    process.stderr.write(USAGE);
    return 0;
  }
  const maxBytes = v['max-bytes'] ? Number(v['max-bytes']) : undefined;
  if (maxBytes !== undefined && !(maxBytes > 0)) {
    process.stderr.write(`--max-bytes phải là số dương.\n${USAGE}`);
    return 2;
  }
  const ocrJobs = args.values['ocr-jobs'] ? Number(args.values['ocr-jobs']) : undefined;
  const ocrMaxPages = args.values['ocr-max-pages'] ? Number(args.values['ocr-max-pages']) : undefined;
  if ((ocrJobs !== undefined && !(Number.isInteger(ocrJobs) && ocrJobs > 0)) || (ocrMaxPages !== undefined && !(Number.isInteger(ocrMaxPages) && ocrMaxPages > 0))) {
    process.stderr.write(`--ocr-jobs và --ocr-max-pages phải là số nguyên dương.\n${USAGE}`);
    return 2;
  }
  const ocrMaxDpi = args.values['ocr-max-dpi'] ? Number(args.values['ocr-max-dpi']) : undefined;
  if (ocrMaxDpi !== undefined && !(Number.isInteger(ocrMaxDpi) && ocrMaxDpi >= MIN_DPI && ocrMaxDpi <= 600)) {
    process.stderr.write(`--ocr-max-dpi phải là số nguyên từ ${MIN_DPI} đến 600.\n${USAGE}`);
    return 2;
  }
  // Ctrl-C or a TERM signal cancels the run: OCR processes are killed, the index stays as it was.
  const cancel = new AbortController();
  const onSignal = (): void => cancel.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const json = v.json;
  try {
    const config = configFromEnvironment();
    const indexDir = v.index ?? config.INDEX_DIR;
    if (v.sources) {
      const s = await readSources(indexDir);
      out(json, { version: s.version, roots: s.roots }, formatSources(s.version, s.roots));
      return 0;
    }
    if (v.versions) {
      const list = await listVersions(indexDir);
      out(json, list, formatVersions(list));
      return 0;
    }
    if (v.rollback) {
      const r = await rollbackTo(indexDir, v.rollback, { by: cliUser(), via: 'cli' });
      out(json, r, r.switched ? `Đã quay về phiên bản ${r.version} (trước đó: ${r.previous ?? 'chưa có'}). Máy chủ đang chạy sẽ chuyển sang phiên bản này trong vài giây.` : `Phiên bản ${r.version} đang được dùng; không có gì thay đổi.`);
      return 0;
    }
    const removeRoots = v.remove ?? [];
    if (args.positionals.length === 0 && removeRoots.length === 0 && !(await readCurrent(indexDir))) {
      process.stderr.write(USAGE);
      return 2;
    }
    if (removeRoots.length > 0) {
      const sources = await readSources(indexDir);
      for (const path of removeRoots) {
        const preview = await sources.preview(path);
        process.stderr.write(`${formatPreview(preview)}\n`);
      }
      const confirmed = v.yes || (process.stdin.isTTY && await confirmOnTerminal('Gõ “có” để xác nhận gỡ: '));
      if (!confirmed) {
        process.stderr.write(process.stdin.isTTY ? 'Chưa gỡ gì.\n' : 'Chưa gỡ gì: cần xác nhận; chạy lại với --yes.\n');
        return 2;
      }
    }
    const summary = await ingest({
      signal: cancel.signal,
      ...(ocrJobs || ocrMaxPages || ocrMaxDpi ? { ocr: { ...(ocrJobs ? { concurrency: ocrJobs } : {}), ...(ocrMaxPages ? { maxPages: ocrMaxPages } : {}), ...(ocrMaxDpi ? { maxDpi: ocrMaxDpi } : {}) } } : {}),
      inputs: args.positionals,
      indexDir,
      rebuild: v.rebuild,
      removeRoots,
      allowRemoval: v['allow-removal'],
      maxRemovalShare: config.INDEX_MAX_REMOVAL_SHARE,
      keepVersions: config.INDEX_KEEP_VERSIONS,
      by: cliUser(),
      via: 'cli',
      embedder: embedderConfigFromArgs(v.embedder, v.model, config.embedder),
      ...(maxBytes ? { maxBytes } : {}),
      onProgress: json ? undefined : progressReporter(),
    });
    out(json, summary, formatSummary(summary));
    return 0;
  } catch (err) {
    const e = toAppError(err);
    const body = { ok: false, code: e.code, message: e.userMessage };
    if (json) process.stdout.write(`${JSON.stringify(body)}\n`);
    else process.stderr.write(`Lỗi: ${e.userMessage} [${e.code}]\n`);
    if (!(err instanceof AppError) || e.category === 'system') process.stderr.write(`${e.message}\n`);
    return e.code === 'INGEST_CANCELLED' ? 130 : e.code === 'INVALID_ARGUMENT' ? 2 : 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

runAsMain(import.meta.url, main);
