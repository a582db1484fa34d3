/**
 * The grounded-answer prompt (prompts/answer.vi.md): loaded once, rendered into a system
 * message and a user message whose sources are numbered, delimited quotations. Sources
 * and the question are data: nothing inside them can open or close a delimiter.
 */
import { readFileSync } from 'node:fs';
import { AppError } from '../../core/errors.ts';

/** The two parts of prompts/answer.vi.md. */
export interface PromptTemplate {
  /** Sent verbatim as the system message. */
  system: string;
  /** The user message, with `{{sources}}` and `{{question}}` placeholders. */
  user: string;
}

/** One passage offered to the model as source `n` (its position, from 1). */
export interface PromptSource {
  /** Document title, with its number when the title lacks it. */
  document: string;
  /** Section label: `Mục II.4.b`, `Điều 5 khoản 2`, `Lệ phí`. */
  section: string;
  text: string;
}

/** The messages of one request. */
export interface RenderedPrompt {
  system: string;
  user: string;
}

const DEFAULT_PATH = new URL('../../prompts/answer.vi.md', import.meta.url);
/** Each section marker stands alone on its line, so the note above may mention it. */
const SYSTEM_MARK = /^<!-- system -->[ \t]*$/m;
const USER_MARK = /^<!-- user -->[ \t]*$/m;

/** Split the prompt file into its system and user parts (the note before them is dropped). */
export function parsePromptTemplate(markdown: string): PromptTemplate {
  const text = markdown.normalize('NFC').replace(/\r\n?/g, '\n');
  const s = SYSTEM_MARK.exec(text);
  const u = USER_MARK.exec(text);
  if (!s || !u || u.index < s.index) throw new AppError('INTERNAL', 'answer prompt lacks <!-- system --> then <!-- user --> lines');
  const system = text.slice(s.index + s[0].length, u.index).trim();
  const user = text.slice(u.index + u[0].length).trim();
  if (!user.includes('{{sources}}') || !user.includes('{{question}}')) {
    throw new AppError('INTERNAL', 'answer prompt user template lacks {{sources}} or {{question}}');
  }
  return { system, user };
}

const cache = new Map<string, PromptTemplate>();

/** The prompt from `path` (default prompts/answer.vi.md), read from disk once per path. */
export function loadPromptTemplate(path: URL | string = DEFAULT_PATH): PromptTemplate {
  const key = String(path);
  let template = cache.get(key);
  if (!template) {
    template = Object.freeze(parsePromptTemplate(readFileSync(path, 'utf8')));
    cache.set(key, template);
  }
  return template;
}

/**
 * Make text safe to place inside a delimited block: angle brackets and double quotes
 * become look-alikes (`‹ › ”`), so `</nguon>` or `<cau_hoi>` inside a source or a question
 * cannot end the block or start a new one.
 */
export function neutralize(text: string): string {
  return text.replace(/</g, '‹').replace(/>/g, '›').replace(/"/g, '”');
}

/** Sources as numbered `<nguon so="n" van_ban="…" muc="…">…</nguon>` blocks, in order. */
export function renderSources(sources: PromptSource[]): string {
  return sources
    .map((s, i) => `<nguon so="${i + 1}" van_ban="${neutralize(s.document)}" muc="${neutralize(s.section)}">\n${neutralize(s.text.trim())}\n</nguon>`)
    .join('\n\n');
}

/** The system and user messages for `question` over `sources`. */
export function renderPrompt(template: PromptTemplate, sources: PromptSource[], question: string): RenderedPrompt {
  const values: Record<string, string> = { sources: renderSources(sources), question: neutralize(question.trim()) };
  // One pass, so a placeholder written inside a source or the question is never expanded.
  const user = template.user.replace(/\{\{(sources|question)\}\}/g, (_m, key: string) => values[key] ?? '');
  return { system: template.system, user };
}
