/**
 * Debian converters for the legacy binary Office formats: `antiword` for .doc (package
 * antiword) and `xls2csv` for .xls (package catdoc). Chosen by measurement
 * (docs/BENCHMARKS.md, "Legacy Word"): antiword reads the piece table as the format
 * requires and writes UTF-8; both packages install in well under a megabyte, where
 * LibreOffice would add hundreds. Run as killable child processes with a time limit.
 */
import { AppError, type ErrorCode } from '../../core/errors.ts';
import { runTool, ToolMissingError } from '../ocr/processes.ts';
import type { ConverterPaths, OcrHooks } from './result.ts';

export type { ConverterPaths } from './result.ts';

/** Each converter with the Debian package that provides it. */
export const CONVERTERS = {
  antiword: { command: 'antiword', package: 'antiword' },
  xls2csv: { command: 'xls2csv', package: 'catdoc' },
} as const;

/** Time limit of one conversion. */
export const CONVERT_TIMEOUT_MS = 60_000;


/**
 * Runs a converter on `path` and returns its UTF-8 output. Throws CONVERTER_UNAVAILABLE
 * naming the Debian package when the command is missing, `corrupt` when it fails.
 */
export async function convert(which: keyof typeof CONVERTERS, args: string[], corrupt: ErrorCode, hooks: OcrHooks & { converters?: ConverterPaths } = {}): Promise<string> {
  const c = CONVERTERS[which];
  const command = hooks.converters?.[which] ?? c.command;
  try {
    const r = await runTool(command, args, { timeoutMs: CONVERT_TIMEOUT_MS, ...(hooks.signal ? { signal: hooks.signal } : {}) });
    if (r.timedOut) throw new AppError(corrupt, `${which} over ${CONVERT_TIMEOUT_MS} ms`);
    if (r.code !== 0) throw new AppError(corrupt, `${which} exit ${r.code ?? r.signal}: ${r.stderr.slice(-300)}`);
    return r.stdout.toString('utf8');
  } catch (err) {
    if (err instanceof ToolMissingError) {
      throw new AppError('CONVERTER_UNAVAILABLE', `${command} not found`, {
        userSuffix: `Cần chương trình ${c.command}: cài gói Debian ${c.package} (sudo apt-get install ${c.package}).`,
      });
    }
    throw err;
  }
}
