import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from './compose/procedure-fields.ts';
import { questionTokens } from './understand/phrase-match.ts';

const DIR = new URL('../../prompts/cues/', import.meta.url);
const files = readdirSync(DIR).filter((f) => f.endsWith('.vi.json'));
const read = (name: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(name, DIR), 'utf8')) as Record<string, unknown>;

/** Every list of phrases in a cue file, by its path ("intents.fee"). */
function lists(value: unknown, path: string, out: Array<[string, unknown[]]> = []): Array<[string, unknown[]]> {
  if (Array.isArray(value)) out.push([path, value]);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) lists(v, path ? `${path}.${k}` : k, out);
  return out;
}

describe('cue word files (prompts/cues)', () => {
  it('are the files the README describes', () => {
    const readme = readFileSync(new URL('README.md', DIR), 'utf8');
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(readme, f).toContain(`\`${f}\``);
  });

  it.each(files)('%s: phrases are trimmed, lower-case NFC words, each once per list', (file) => {
    for (const [path, phrases] of lists(read(file), '')) {
      expect(phrases.length, path).toBeGreaterThan(0);
      for (const p of phrases) {
        expect(typeof p, path).toBe('string');
        const s = p as string;
        expect(s, path).toBe(s.normalize('NFC').trim().toLowerCase());
        expect(questionTokens(s).length, `${path}: ${s}`).toBeGreaterThan(0);
      }
      expect(new Set(phrases).size, path).toBe(phrases.length);
    }
  });

  it('gives each intent cue one meaning', () => {
    const { intents, notIntents } = read('intents.vi.json') as { intents: Record<string, string[]>; notIntents: string[] };
    const seen = new Map<string, string>();
    for (const [intent, phrases] of [...Object.entries(intents), ['not', notIntents] as const]) {
      for (const p of phrases) {
        expect(seen.get(p), `"${p}" in ${intent}`).toBeUndefined();
        seen.set(p, intent);
      }
    }
  });

  it('names channels as the catalogue does, and one-word lists hold single words', () => {
    expect(Object.keys(read('channels.vi.json')).sort()).toEqual([...CHANNELS].sort());
    const question = read('question.vi.json') as { bareFunctionWords: string[]; spendingWords: string[]; ageWords: string[]; status: Record<string, string[]> };
    for (const w of [...question.bareFunctionWords, ...question.spendingWords, ...question.ageWords, ...Object.values(question.status).flat()]) {
      expect(questionTokens(w), w).toHaveLength(1);
    }
    const followUp = read('follow-up.vi.json') as { markers: string[]; markersAtStartOnly: string[] };
    for (const m of followUp.markersAtStartOnly) expect(followUp.markers).toContain(m);
  });
});
