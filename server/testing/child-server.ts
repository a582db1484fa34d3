/**
 * The server as a child process (`node --import tsx server/main.ts`), for tests that kill
 * or signal it, and probes of other processes by pid (Linux /proc; `kill(pid, 0)` where
 * there is no /proc).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { REPO_ROOT } from '../../config/paths.ts';

/** How a child process ended. */
export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A server started by {@link spawnServer}. */
export interface ChildServer {
  proc: ChildProcess;
  /** The URL the server printed once listening. */
  url: string;
  exited: Promise<ChildExit>;
  /** Everything it wrote to stdout and stderr so far (for failure messages). */
  output(): string;
}

/**
 * Start `server/main.ts` with exactly `env` and resolve once it prints the URL it serves
 * at (PORT=0 picks a free port). A server that exits or stays silent for `startTimeoutMs`
 * is killed and the promise rejects with its output.
 */
export async function spawnServer(env: NodeJS.ProcessEnv, startTimeoutMs = 30_000): Promise<ChildServer> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<ChildExit>((r) => proc.once('exit', (code, signal) => r({ code, signal })));
  proc.stdout!.setEncoding('utf8');
  proc.stderr!.setEncoding('utf8');
  proc.stderr!.on('data', (d: string) => {
    output += d;
  });
  const url = await new Promise<string>((resolveUrl, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      proc.kill('SIGKILL');
      reject(new Error(`${why}:\n${output}`));
    };
    const timer = setTimeout(() => fail(`the server did not start within ${startTimeoutMs} ms`), startTimeoutMs);
    proc.stdout!.on('data', (d: string) => {
      output += d;
      const m = /Trợ lý ảo đang phục vụ tại (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]!);
      }
    });
    void exited.then(({ code, signal }) => fail(`the server exited (${code ?? signal}) before listening`));
  });
  return { proc, url, exited, output: () => output };
}

/** Fields of /proc/<pid>/stat after the command name (which may hold spaces): state, ppid, … */
function procStat(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** Whether `pid` is running; a zombie has exited (only its parent has not reaped it yet). */
export function processAlive(pid: number): boolean {
  if (existsSync('/proc/self/stat')) {
    const stat = procStat(pid);
    return !!stat && stat[0] !== 'Z';
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The parent pid of `pid` (Linux only; undefined elsewhere or when it is gone). */
export function parentOf(pid: number): number | undefined {
  const ppid = procStat(pid)?.[1];
  return ppid === undefined ? undefined : Number(ppid);
}

/** Whether `pid` is a re-index worker: checked before killing a remembered pid, which may have been reused. */
export function isReindexWorker(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('reindex-worker');
  } catch {
    return false;
  }
}
