/**
 * `npx tsx server/auth/hash-token.ts <role> [name] [--expires ISO] < token.txt`: read a
 * token from stdin and print one token-file entry (JSON) for operators to add to the
 * token file. The token itself is never printed. Exit codes: 0 printed, 2 bad arguments.
 */
import { parseArgs } from 'node:util';
import { AppError } from '../../core/errors.ts';
import { hashToken, type TokenFileEntry } from './tokens.ts';
import { runAsMain } from '../../ingest/run-main.ts';

const USAGE = `Cách dùng: npx tsx server/auth/hash-token.ts <official|admin> [tên] [--expires <ISO>] < tệp-chứa-token
  Đọc token từ stdin (ít nhất 16 ký tự), in ra một mục JSON cho tệp token.
`;

/** Build the token-file entry for `token`; throws AppError INVALID_ARGUMENT. */
export async function buildEntry(role: string, token: string, name?: string, expires?: string): Promise<TokenFileEntry> {
  if (role !== 'official' && role !== 'admin') throw new AppError('INVALID_ARGUMENT', 'role must be official or admin');
  if (expires !== undefined && Number.isNaN(Date.parse(expires))) throw new AppError('INVALID_ARGUMENT', 'expires must be an ISO date');
  const entry: TokenFileEntry = { role, hash: await hashToken(token) };
  if (name !== undefined) entry.name = name;
  if (expires !== undefined) entry.expires = new Date(expires).toISOString();
  return entry;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim();
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { expires: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch {
    process.stderr.write(USAGE);
    return 2;
  }
  const [role, name, ...rest] = parsed.positionals;
  if (parsed.values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (role === undefined || rest.length > 0) {
    process.stderr.write(USAGE);
    return 2;
  }
  if (process.stdin.isTTY) process.stderr.write('Nhập token rồi nhấn Ctrl+D:\n');
  try {
    const entry = await buildEntry(role, await readStdin(), name, parsed.values.expires);
    process.stdout.write(`${JSON.stringify(entry)}\n`);
    return 0;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    // AppError messages from hashToken never contain the token.
    process.stderr.write(`Lỗi: ${err.userMessage} (${err.message})\n${USAGE}`);
    return 2;
  }
}

runAsMain(import.meta.url, main);
