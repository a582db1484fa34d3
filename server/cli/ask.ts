/**
 * `npm run ask -- "câu hỏi"`: ask the assistant from a terminal, through the same use
 * cases as `/api/chat` and `/api/search` (server/assistant.ts), with the answerer the
 * server would use (an LLM when `LLM_BASE_URL` is set), configured like the server
 * (INDEX_DIR, AUDIT_DIR, AUDIT_RETENTION_DAYS, LLM_*: config/options.ts).
 * Exit codes: 0 answered (a refusal is an answer), 1 error (no index, system fault),
 * 2 bad arguments.
 */
import { parseArgs } from 'node:util';
import type { Role } from '../../core/answer/types.ts';
import type { Config } from '../../config/config.ts';
import { configFromEnvironment } from '../../config/environment.ts';
import { AppError, toAppError } from '../../core/errors.ts';
import { openIndex } from '../../index/open-index.ts';
import { createAnswerer } from '../answer/create-answerer.ts';
import { Assistant, type ChatResponse, type SearchResponse } from '../assistant.ts';
import { JsonlAuditSink } from '../audit/jsonl-audit.ts';
import { runAsMain } from '../../ingest/run-main.ts';

/** Audit files roll over at midnight Vietnam time (UTC+7). */
const VIETNAM_OFFSET_MINUTES = 420;

const USAGE = `Cách dùng: npm run ask -- "câu hỏi" [tùy chọn]
          npm run ask -- --search "từ khóa" [tùy chọn]
  --json               in kết quả dạng JSON (như /api/chat hoặc /api/search)
  --search <truy vấn>  chỉ tìm kiếm văn bản, không trả lời
  --index <thư mục>    thư mục chỉ mục (mặc định: $INDEX_DIR hoặc data/index)
  --role <vai trò>     citizen (mặc định, chỉ văn bản công khai) | official
  --k <n>              số kết quả tìm kiếm cho --search (1–50, mặc định 10)
  -h, --help           hiện hướng dẫn này
`;

const ROLES: readonly Role[] = ['citizen', 'official'];

interface AskArgs {
  question?: string;
  search?: string;
  json: boolean;
  /** `--index`; INDEX_DIR otherwise. */
  index?: string;
  role: Role;
  k?: number;
}

/** Parse argv; a Vietnamese message for the user when the arguments are wrong. */
export function parseAskArgs(argv: string[]): AskArgs | { help: true } | { error: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        search: { type: 'string' },
        index: { type: 'string' },
        role: { type: 'string', default: 'citizen' },
        k: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    return { error: `Tham số không hợp lệ: ${(err as Error).message}` };
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  const role = values.role as Role;
  if (!ROLES.includes(role)) return { error: `--role phải là citizen hoặc official (nhận được "${values.role}").` };
  const k = values.k === undefined ? undefined : Number(values.k);
  if (k !== undefined && !(Number.isInteger(k) && k >= 1 && k <= 50)) return { error: '--k phải là số nguyên từ 1 đến 50.' };
  const question = positionals.join(' ').trim();
  const search = values.search?.trim();
  if (values.search !== undefined && !search) return { error: '--search cần một truy vấn không rỗng.' };
  if (search && question) return { error: 'Chỉ dùng một trong hai: câu hỏi hoặc --search.' };
  if (!search && !question) return { error: 'Thiếu câu hỏi.' };
  return {
    ...(search ? { search } : { question }),
    json: values.json,
    ...(values.index ? { index: values.index } : {}),
    role,
    ...(k !== undefined ? { k } : {}),
  };
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The answer as a person reads it: text, then numbered sources with a short quote, then notices. */
export function formatChat(res: ChatResponse): string {
  const lines = [res.answer.trim()];
  if (res.citations.length > 0) {
    lines.push('', 'Nguồn:');
    for (const c of res.citations) {
      const number = c.number && !c.title.includes(c.number) ? ` (${c.number})` : '';
      lines.push(`  [${c.n}] ${c.title}${number} — ${c.section}`);
      if (c.quote.trim()) lines.push(`      “${shorten(c.quote, 200)}”`);
    }
  }
  if (res.notices.length > 0) {
    lines.push('', ...res.notices.map((n) => `Lưu ý: ${n}`));
  }
  return lines.join('\n');
}

/** Search hits as a numbered list. */
export function formatSearch(res: SearchResponse): string {
  if (res.results.length === 0) return 'Không tìm thấy văn bản phù hợp.';
  return res.results
    .map((r, i) => `${i + 1}. ${r.title} — ${r.section}  [${r.sourceId}, điểm ${r.score.toFixed(3)}]\n   ${shorten(r.text, 220)}`)
    .join('\n');
}

function errorMessage(e: AppError, indexDir: string): string {
  if (e.code === 'INDEX_NOT_FOUND') {
    return `Chưa có chỉ mục tại "${indexDir}". Hãy chạy \`npm start\` (lập chỉ mục các văn bản trong corpora/) hoặc \`npm run ingest -- <tệp|thư mục> --index ${indexDir}\`, rồi hỏi lại.`;
  }
  return e.userMessage;
}

export async function main(argv: string[]): Promise<number> {
  const args = parseAskArgs(argv);
  if ('help' in args) {
    process.stdout.write(USAGE);
    return 0;
  }
  if ('error' in args) {
    process.stderr.write(`${args.error}\n${USAGE}`);
    return 2;
  }
  let config: Config;
  try {
    config = configFromEnvironment();
  } catch (err) {
    const e = toAppError(err);
    if (args.json) process.stdout.write(`${JSON.stringify({ ok: false, code: e.code, message: e.userMessage })}\n`);
    else process.stderr.write(`Lỗi: ${e.userMessage} [${e.code}]\n`);
    process.stderr.write(`${e.message}\n`);
    return 1;
  }
  const indexDir = args.index ?? config.INDEX_DIR;
  try {
    const corpus = await openIndex(indexDir);
    // The server's choice: an LLM when LLM_BASE_URL is set (extractive fallback), else extractive.
    // Every exchange is audited (AUDIT_DIR, default data/audit), the CLI's included.
    const audit = new JsonlAuditSink({ dir: config.AUDIT_DIR, dayOffsetMinutes: VIETNAM_OFFSET_MINUTES, retentionDays: config.AUDIT_RETENTION_DAYS });
    await audit.prune();
    const assistant = new Assistant(corpus, createAnswerer(config.llm), { audit });
    if (args.search) {
      const res = await assistant.search({ query: args.search, ...(args.k ? { k: args.k } : {}) }, args.role);
      process.stdout.write(args.json ? `${JSON.stringify(res, null, 2)}\n` : `${formatSearch(res)}\n`);
    } else {
      const res = await assistant.chat({ message: args.question ?? '' }, { role: args.role, user: 'cli' });
      process.stdout.write(args.json ? `${JSON.stringify(res, null, 2)}\n` : `${formatChat(res)}\n`);
    }
    await audit.close();
    return 0;
  } catch (err) {
    const e = toAppError(err);
    const message = errorMessage(e, indexDir);
    if (args.json) process.stdout.write(`${JSON.stringify({ ok: false, code: e.code, message })}\n`);
    else process.stderr.write(`Lỗi: ${message} [${e.code}]\n`);
    if (!(err instanceof AppError) || (e.category === 'system' && e.code !== 'INDEX_NOT_FOUND')) process.stderr.write(`${e.message}\n`);
    return 1;
  }
}

runAsMain(import.meta.url, main);
