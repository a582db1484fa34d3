/**
 * Running the OCR tools (tesseract, pdftoppm, pdfinfo, pdfimages) as child processes that
 * die with the job: each one is killed when its AbortSignal fires, when it runs past its
 * time limit, and when this process exits (cancel of a re-index job = SIGTERM of the job's
 * worker process, whose exit kills every tool still running). Output is captured up to a cap.
 */
import { spawn, type ChildProcess } from 'node:child_process';

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function killAll(): void {
  for (const child of live) child.kill('SIGKILL');
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', killAll);
}

/** How a tool run ended. */
export interface ToolResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: string;
  /** Set when the run was killed for exceeding `timeoutMs`. */
  timedOut: boolean;
}

/** Options of {@link runTool}. */
export interface RunToolOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
  /** Cap on captured stdout (bytes); more is an error. Default 64 MiB. */
  maxStdout?: number;
}

/** Thrown when the tool is not installed (spawn ENOENT). */
export class ToolMissingError extends Error {
  constructor(readonly tool: string) {
    super(`${tool} not found`);
    this.name = 'ToolMissingError';
  }
}

/** Thrown when the run was aborted through its signal. */
export class ToolAbortedError extends Error {
  constructor(tool: string) {
    super(`${tool} aborted`);
    this.name = 'AbortError';
  }
}

/** Number of tool processes running now (tests check cancel leaves none). */
export function runningTools(): number {
  return live.size;
}

/**
 * Runs `command args…` without a shell. Resolves with its exit status and output; rejects
 * with ToolMissingError when the command does not exist and ToolAbortedError when `signal`
 * fired (the process is killed either way).
 */
export function runTool(command: string, args: readonly string[], opts: RunToolOptions = {}): Promise<ToolResult> {
  installExitHook();
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) {
      reject(new ToolAbortedError(command));
      return;
    }
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...(opts.env ? { env: opts.env } : {}) });
    live.add(child);
    const out: Buffer[] = [];
    let outBytes = 0;
    let stderr = '';
    let timedOut = false;
    let aborted = false;
    let overflow = false;
    const maxStdout = opts.maxStdout ?? 64 * 1024 * 1024;
    const timer = opts.timeoutMs ? setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs) : undefined;
    const onAbort = (): void => {
      aborted = true;
      child.kill('SIGKILL');
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout!.on('data', (d: Buffer) => {
      outBytes += d.length;
      if (outBytes > maxStdout) {
        overflow = true;
        child.kill('SIGKILL');
        return;
      }
      out.push(d);
    });
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (d: string) => {
      stderr = (stderr + d).slice(-8000);
    });
    const finish = (): void => {
      clearTimeout(timer);
      live.delete(child);
      opts.signal?.removeEventListener('abort', onAbort);
    };
    child.once('error', (err: NodeJS.ErrnoException) => {
      finish();
      reject(err.code === 'ENOENT' ? new ToolMissingError(command) : err);
    });
    child.once('close', (code, signal) => {
      finish();
      if (aborted) reject(new ToolAbortedError(command));
      else if (overflow) reject(new Error(`${command}: output over ${maxStdout} bytes`));
      else resolve({ code, signal, stdout: Buffer.concat(out), stderr, timedOut });
    });
  });
}
