/** Builders of tiny Vietnamese text corpora for the job tests, in a fresh temp folder. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A short notice about a procedure of commune `n`: distinct words per document. */
export function notice(n: number, extra = ''): string {
  return [
    `ỦY BAN NHÂN DÂN XÃ SỐ ${n}`,
    `THÔNG BÁO số ${n}/TB-UBND về việc tiếp nhận hồ sơ đăng ký thường trú`,
    `Điều 1. Công dân nộp hồ sơ trực tuyến hoặc trực tiếp tại Bộ phận Một cửa của xã số ${n}.`,
    `Điều 2. Lệ phí ${n * 1000} đồng; thời hạn giải quyết ${(n % 7) + 1} ngày làm việc. ${extra}`,
  ].join('\n\n');
}

export interface Workspace {
  dir: string;
  corpus: string;
  indexDir: string;
  stateFile: string;
  /** Write `files` (relative name → text) into the corpus. */
  write(files: Record<string, string>): Promise<void>;
  /** Add `count` notices named `bulk/tb-<i>.txt`: enough work for a run to be caught mid-way. */
  addBulk(count: number): Promise<void>;
  cleanup(): Promise<void>;
}

export async function workspace(): Promise<Workspace> {
  const dir = await mkdtemp(join(tmpdir(), 'reindex-jobs-'));
  const corpus = join(dir, 'corpus');
  await mkdir(corpus);
  const write = async (files: Record<string, string>) => {
    for (const [name, text] of Object.entries(files)) {
      await mkdir(dirname(join(corpus, name)), { recursive: true });
      await writeFile(join(corpus, name), text);
    }
  };
  return {
    dir, corpus, indexDir: join(dir, 'index'), stateFile: join(dir, 'state', 'jobs.json'), write,
    addBulk: (count) => write(Object.fromEntries(Array.from({ length: count }, (_, i) => [`bulk/tb-${i}.txt`, notice(100 + i)]))),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
