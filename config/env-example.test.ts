import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { renderEnvExample } from './env-example.ts';
import { OPTION_NAMES } from './options.ts';
import { REPO_ROOT } from './paths.ts';

const committed = readFileSync(join(REPO_ROOT, '.env.example'), 'utf8');
const assignments = [...committed.matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((m) => [m[1]!, m[2]!] as const);

describe('.env.example', () => {
  it('is the text generated from the option table (npm run env-example)', () => {
    expect(committed).toBe(renderEnvExample());
  });

  it('lists every option once, each under a description', () => {
    expect(assignments.map(([name]) => name).sort()).toEqual([...OPTION_NAMES].sort());
    const lines = committed.split('\n');
    for (const [name] of assignments) {
      const at = lines.findIndex((l) => l.startsWith(`${name}=`));
      expect(lines[at - 1], name).toMatch(/^# \S/);
    }
  });

  it('shows the defaults: copied as it is, it configures what an empty environment does', () => {
    expect(loadConfig(Object.fromEntries(assignments))).toEqual(loadConfig({}));
    expect(Object.fromEntries(assignments)).toMatchObject({ PORT: '3000', INDEX_DIR: 'data/index', EMBEDDER: 'lsa', SKIP_START_INGEST: 'false' });
  });
});
