/**
 * Running a module as a command: only when it is the entry point, exiting with the
 * returned code once stdout has drained (a pipe would otherwise lose the tail of --json),
 * and printing an unexpected error's stack with exit code 1.
 */
import { pathToFileURL } from 'node:url';

/** Whether the module with this `import.meta.url` is the process entry point. */
export function isEntryPoint(moduleUrl: string): boolean {
  return !!process.argv[1] && moduleUrl === pathToFileURL(process.argv[1]).href;
}

/** Run `main` with the command-line arguments when the module is the entry point. */
export function runAsMain(moduleUrl: string, main: (argv: string[]) => Promise<number>): void {
  if (!isEntryPoint(moduleUrl)) return;
  main(process.argv.slice(2)).then(
    (code) => process.stdout.write('', () => process.exit(code)),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
