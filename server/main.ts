/**
 * `npm start`: serve the assistant at http://localhost:3000 (PORT). Listens at once; the
 * shipped corpus (corpora/), admin uploads and CORPUS_PATHS are brought into the index by
 * a background re-index job (a no-op when nothing changed), while the last good index —
 * if there is one — keeps answering. SIGTERM/SIGINT shut down gracefully.
 */
import { parseArgs } from 'node:util';
import { configFromEnvironment } from '../config/environment.ts';
import { toAppError } from '../core/errors.ts';
import { runAsMain } from '../ingest/run-main.ts';
import { startServer } from './server.ts';

const USAGE = `Cách dùng: npm start [-- --port <cổng>] [--index <thư mục chỉ mục>]
Biến môi trường: xem .env.example (PORT, HOST, INDEX_DIR, ASSISTANT_TOKENS, CORS_ORIGINS …).
`;

async function main(argv: string[]): Promise<number> {
  let values: { port?: string; index?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { port: { type: 'string' }, index: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  let server;
  try {
    // A local .env (not committed) is read if present; the real environment wins, flags win over both.
    const config = configFromEnvironment({
      dotEnvFile: '.env',
      overrides: { ...(values.port ? { PORT: values.port } : {}), ...(values.index ? { INDEX_DIR: values.index } : {}) },
    });
    server = await startServer(config, { ingestOnStart: !config.SKIP_START_INGEST });
  } catch (err) {
    const e = toAppError(err);
    process.stderr.write(`Lỗi: ${e.userMessage} [${e.code}]\n${e.message}\n`);
    return 1;
  }
  process.stdout.write(`\nTrợ lý ảo đang phục vụ tại ${server.url}  (dừng: Ctrl+C)\n\n`);
  const running = server;
  return new Promise<number>((resolveExit) => {
    const stop = (signal: string) => {
      running.logger.info({ signal }, 'signal received');
      running.close().then(() => resolveExit(0), () => resolveExit(1));
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}

runAsMain(import.meta.url, main);
