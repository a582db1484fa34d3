/** Replace a marked section of a Markdown report (docs/BENCHMARKS.md: eval and bench figures), keeping the rest of the file. */
import { readFile, writeFile } from 'node:fs/promises';

export async function replaceSection(path: string, name: string, body: string): Promise<void> {
  const begin = `<!-- ${name}:begin -->`;
  const end = `<!-- ${name}:end -->`;
  const current = await readFile(path, 'utf8').catch(() => '# Benchmarks\n');
  const block = `${begin}\n${body}\n${end}`;
  const i = current.indexOf(begin);
  const j = current.indexOf(end);
  const next = i >= 0 && j > i ? current.slice(0, i) + block + current.slice(j + end.length) : `${current.trimEnd()}\n\n${block}\n`;
  await writeFile(path, next);
}
