import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { wordsOf } from './cue-phrases.ts';

const DIR = new URL('../../prompts/drafting/', import.meta.url);
const files = readdirSync(DIR).filter((f) => f.endsWith('.json') || f.endsWith('.md')).filter((f) => f !== 'README.md');
/** The files whose lists are phrases matched against what officials type. */
const CUE_FILES = ['intent.vi.json', 'edits.vi.json', 'facts.vi.json', 'request.vi.json'];
const read = (name: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(name, DIR), 'utf8')) as Record<string, unknown>;

/** Every list in a file, by its path ("verbs.anyObject"). */
function lists(value: unknown, path: string, out: Array<[string, unknown[]]> = []): Array<[string, unknown[]]> {
  if (Array.isArray(value)) out.push([path, value]);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) lists(v, path ? `${path}.${k}` : k, out);
  return out;
}

describe('drafting data files (prompts/drafting)', () => {
  it('are the files the README describes', () => {
    const readme = readFileSync(new URL('README.md', DIR), 'utf8');
    for (const f of files) expect(readme, f).toContain(`\`${f}\``);
  });

  it.each(CUE_FILES)('%s: phrases are trimmed, lower-case NFC words, each once per list', (file) => {
    const found = lists(read(file), '');
    expect(found.length).toBeGreaterThan(0);
    for (const [path, phrases] of found) {
      expect(phrases.length, path).toBeGreaterThan(0);
      for (const p of phrases) {
        expect(typeof p, path).toBe('string');
        const s = p as string;
        expect(s, path).toBe(s.normalize('NFC').trim().toLowerCase());
        expect(wordsOf(s).words.length, `${path}: ${s}`).toBeGreaterThan(0);
      }
      expect(new Set(phrases).size, path).toBe(phrases.length);
    }
  });

  it('gives each edit action and each edited part one meaning', () => {
    const edits = read('edits.vi.json') as { actions: Record<string, string[]>; targets: Record<string, string[]> };
    for (const group of [edits.actions, edits.targets]) {
      const all = Object.values(group).flat();
      expect(new Set(all).size).toBe(all.length);
    }
  });
});
