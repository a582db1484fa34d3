/**
 * `npm start`: bring the shipped corpus (corpora/, plus any CORPUS_PATHS) into the index
 * incrementally (a no-op when nothing changed), then report what is being served.
 * The chat server (issue "Chat server") takes over from here; until then this prints the
 * index summary and answers a sample search so a newcomer sees the index work.
 */
import { parseArgs } from 'node:util';
import { toAppError } from '../core/errors.ts';
import { ingest } from './pipeline.ts';
import { progressReporter } from './progress.ts';
import { formatSummary, DEFAULT_INDEX_DIR } from './cli.ts';
import { openIndex } from './store/open-index.ts';
import { runAsMain } from './run-main.ts';

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { index: { type: 'string' }, port: { type: 'string' } }, allowPositionals: false });
  const indexDir = values.index ?? process.env.INDEX_DIR ?? DEFAULT_INDEX_DIR;
  const inputs = ['corpora', ...(process.env.CORPUS_PATHS ?? '').split(',').map((s) => s.trim()).filter(Boolean)];
  try {
    const summary = await ingest({ inputs, indexDir, onProgress: progressReporter() });
    process.stdout.write(`${formatSummary(summary)}\n`);
    const index = await openIndex(indexDir);
    const sample = 'kế hoạch thực hiện chiến lược trí tuệ nhân tạo';
    process.stdout.write(`\nTìm thử: «${sample}»\n`);
    for (const hit of await index.search(sample, { k: 3 })) {
      process.stdout.write(`  ${hit.score.toFixed(3)}  ${hit.title} — ${hit.section}\n`);
    }
    process.stdout.write('\nChỉ mục đã sẵn sàng. Máy chủ trò chuyện sẽ phục vụ tại đây khi được bổ sung.\n');
    return 0;
  } catch (err) {
    const e = toAppError(err);
    process.stderr.write(`Lỗi: ${e.userMessage} [${e.code}]\n${e.message}\n`);
    return 1;
  }
}

runAsMain(import.meta.url, main);
