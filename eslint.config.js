import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', '**/dist/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': 'off',
      // One config, read once per process by each entry point through config/ and passed down.
      'no-restricted-properties': ['error',
        { object: 'process', property: 'env', message: 'Read options through config/ (configFromEnvironment, passed down); only config/environment.ts reads process.env.' },
        { object: 'process', property: 'loadEnvFile', message: 'Pass dotEnvFile to configFromEnvironment (config/environment.ts).' },
      ],
    },
  },
  {
    // The config module itself; vitest.config.ts reads CI, set by the CI system for the test runner, not an option of the product.
    files: ['config/**/*.ts', 'vitest.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // protocol/ is the public shapes: zod and core's vocabulary only, nothing from the layers that use it.
    files: ['protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/server/*', '**/ingest/*', '**/web-widget/*', '**/eval/*', '**/bench/*'], message: 'protocol/ must not import the layers that use it.' }],
      }],
    },
  },
  {
    // The browser bundles take the protocol's types only: a value import would put zod in widget.js (budget 40 KB).
    files: ['web-widget/src/**/*.ts'],
    ignores: ['web-widget/src/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{ group: ['**/protocol/*', '**/protocol/**', 'zod', '@asteasolutions/*'], allowTypeImports: true, message: 'The browser code imports protocol/ types only (import type), never zod.' }],
      }],
    },
  },
  {
    // core is pure domain: no I/O frameworks (DESIGN.md, "Layout and dependency direction").
    files: ['core/**/*.ts'],
    // Tests and their fixture helpers may read files; the domain code may not.
    ignores: ['core/**/*.test.ts', 'core/**/testing/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:fs', 'fs', 'node:fs/*', 'fs/*', 'express', 'socket.io', 'hnswlib-node', 'langchain', '@langchain/*', '@huggingface/*', 'pdf-parse', 'mammoth'], message: 'core/ must stay free of I/O and framework imports.' },
          { group: ['../config/*', '../../config/*', '../index/*', '../../index/*', '../ingest/*', '../../ingest/*', '../server/*', '../../server/*'], message: 'core/ must not import outer layers.' },
        ],
      }],
    },
  },
  {
    // index/ is the read side of an index directory, shared by server and ingest: it never imports the writer or the server.
    files: ['index/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['../ingest/*', '../../ingest/*', '../server/*', '../../server/*'], message: 'index/ must not import ingest/ or server/ (they build on it).' }],
      }],
    },
  },
);
