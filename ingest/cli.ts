/**
 * `npm run ingest -- <file|dir|records.jsonl>... --index <dir>` (DESIGN.md, "Ingest").
 * Exit codes: 0 indexed (possibly with skipped sources), 1 nothing could be indexed or a
 * system fault, 2 bad arguments, 130 cancelled (Ctrl-C or SIGTERM: OCR processes are killed).
 */
import { parseArgs } from 'node:util';
import { configFromEnvironment } from '../config/environment.ts';
import { AppError, toAppError } from '../core/errors.ts';
import { ingest, type IngestSummary } from './pipeline.ts';
import { progressReporter } from './progress.ts';
import { embedderConfigFromArgs } from './embedders/registry.ts';
import { runAsMain } from './run-main.ts';

const USAGE = `Cách dùng: npm run ingest -- <tệp|thư mục|records.jsonl>... [--index <thư mục>]
  --index <dir>        thư mục chỉ mục (mặc định: $INDEX_DIR hoặc data/index)
  --rebuild            dựng lại toàn bộ, khớp lại bộ nhúng tích hợp
  --keep-missing       giữ văn bản của các nguồn không có trong lần chạy này
  --embedder <kind>    lsa (mặc định: $EMBEDDER hoặc lsa, không cần tải mô hình) | transformers
  --model <id|dir>     mô hình transformers.js (thư mục cục bộ hoặc mã mô hình; mặc định: $EMBEDDING_MODEL)
  --max-bytes <n>      giới hạn dung lượng mỗi tệp (mặc định 50 MB)
  --ocr-jobs <n>       số trang nhận dạng chữ cùng lúc (mặc định: số lõi CPU)
  --ocr-max-pages <n>  số trang tối đa được nhận dạng chữ trong một tệp (mặc định 500)
  --json               in bản tóm tắt dạng JSON
`;

/** Human summary in Vietnamese. */
export function formatSummary(s: IngestSummary): string {
  const lines = [
    s.published ? `Đã xuất bản phiên bản chỉ mục ${s.version} tại ${s.indexDir}` : `Không có thay đổi; chỉ mục ${s.version ?? ''} giữ nguyên.`,
    `  thêm mới: ${s.added.length} · cập nhật: ${s.updated.length} · không đổi: ${s.unchanged} · đã xoá: ${s.removed.length} · bỏ qua: ${s.skipped.length}`,
    `  tổng: ${s.documents} văn bản, ${s.chunks} đoạn · bộ nhúng ${s.embedder}${s.refitted ? ' (đã khớp lại)' : ''} · ${(s.durationMs / 1000).toFixed(1)} giây`,
  ];
  for (const x of s.extraction.filter((e) => e.ocrPages.length > 0 || e.warnings.length > 0)) {
    const conf = x.meanConfidence === undefined ? '' : ` · độ tin cậy trung bình ${x.meanConfidence.toFixed(1).replace('.', ',')}`;
    const low = x.lowConfidencePages.length ? ` · cần kiểm tra trang ${x.lowConfidencePages.join(', ')}` : '';
    lines.push(`  ~ ${x.sourceId}: ${x.pages} trang, nhận dạng chữ ${x.ocrPages.length} trang${conf}${low}`);
    for (const w of x.warnings) lines.push(`    ${w}`);
  }
  for (const k of s.skipped) lines.push(`  ! ${k.source}: ${k.message} [${k.code}]`);
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        index: { type: 'string' },
        rebuild: { type: 'boolean', default: false },
        'keep-missing': { type: 'boolean', default: false },
        embedder: { type: 'string' },
        model: { type: 'string' },
        'max-bytes': { type: 'string' },
        'ocr-jobs': { type: 'string' },
        'ocr-max-pages': { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help || args.positionals.length === 0) {
    process.stderr.write(USAGE);
    return args.values.help ? 0 : 2;
  }
  const maxBytes = args.values['max-bytes'] ? Number(args.values['max-bytes']) : undefined;
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
  // Ctrl-C or a TERM signal cancels the run: OCR processes are killed, the index stays as it was.
  const cancel = new AbortController();
  const onSignal = (): void => cancel.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const config = configFromEnvironment();
    const summary = await ingest({
      signal: cancel.signal,
      ...(ocrJobs || ocrMaxPages ? { ocr: { ...(ocrJobs ? { concurrency: ocrJobs } : {}), ...(ocrMaxPages ? { maxPages: ocrMaxPages } : {}) } } : {}),
      inputs: args.positionals,
      indexDir: args.values.index ?? config.INDEX_DIR,
      rebuild: args.values.rebuild,
      keepMissing: args.values['keep-missing'],
      embedder: embedderConfigFromArgs(args.values.embedder, args.values.model, config.embedder),
      ...(maxBytes ? { maxBytes } : {}),
      onProgress: args.values.json ? undefined : progressReporter(),
    });
    process.stdout.write(args.values.json ? `${JSON.stringify(summary, null, 2)}\n` : `${formatSummary(summary)}\n`);
    return 0;
  } catch (err) {
    const e = toAppError(err);
    const out = { ok: false, code: e.code, message: e.userMessage };
    if (args.values.json) process.stdout.write(`${JSON.stringify(out)}\n`);
    else process.stderr.write(`Lỗi: ${e.userMessage} [${e.code}]\n`);
    if (!(err instanceof AppError) || e.category === 'system') process.stderr.write(`${e.message}\n`);
    return e.code === 'INGEST_CANCELLED' ? 130 : 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

runAsMain(import.meta.url, main);
