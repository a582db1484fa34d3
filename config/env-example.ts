/**
 * The text of `.env.example`, generated from the option table (config/options.ts): every
 * variable under its section, its description as a comment, and its default as the value
 * (blank where there is none). `npm run env-example` writes it; a test keeps the
 * committed file equal to it.
 */
import { environmentSchema, OPTION_NAMES, OPTIONS, SECTIONS, type Section } from './options.ts';

const WIDTH = 90;

const HEADER = [
  'Every environment variable the assistant reads, generated from config/options.ts by',
  '`npm run env-example` (edit the descriptions there, not here). Copy to .env (not',
  'committed) or export; `npm start` reads .env when present (the real environment wins).',
  'A blank value means the default.',
];

/** `text` as `# ` comment lines of at most WIDTH characters. */
function comment(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && `# ${line} ${word}`.length > WIDTH) {
      lines.push(`# ${line}`);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(`# ${line}`);
  return lines;
}

/** A parsed default as the variable's text ('' for none). */
function shown(value: unknown): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}

export function renderEnvExample(): string {
  const defaults = environmentSchema.parse({}) as Record<string, unknown>;
  const out = HEADER.map((l) => `# ${l}`);
  for (const section of Object.keys(SECTIONS) as Section[]) {
    const title = `# --- ${SECTIONS[section]} `;
    out.push('', title.padEnd(WIDTH, '-'));
    for (const name of OPTION_NAMES.filter((n) => OPTIONS[n].section === section)) {
      out.push(...comment(OPTIONS[name].description), `${name}=${shown(defaults[name])}`);
    }
  }
  return `${out.join('\n')}\n`;
}
