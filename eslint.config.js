// Lint: typescript-eslint's recommended rules, plus the layering rules that keep each process
// honest: src-shared touches neither Node nor the DOM, and only src-main/electron imports electron.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'net', 'tls', 'url', 'util', 'stream', 'events', 'worker_threads'];

/** A comparison of a value named `engine` with a literal, or a switch on it: what the engine seams exist to replace. */
const engineNameBranch =
  "BinaryExpression[operator=/^[!=]==?$/]:has(> Literal):matches(:has(> MemberExpression[property.name='engine']), :has(> Identifier[name='engine']))";
const engineNameSwitch = "SwitchStatement:matches([discriminant.property.name='engine'], [discriminant.name='engine'])";

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.scratch/**', 'assets/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // CommonJS test support loaded with `node --require` (the electron stand-in).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Everything but the Electron shell: no electron import (the shell stays thin and replaceable).
    files: ['**/*.{ts,tsx,js,mjs}'],
    ignores: ['src-main/electron/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only src-main/electron/ may import electron.' }] }],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'src-shared is pure TypeScript.' },
            { name: 'react', message: 'src-shared is pure TypeScript.' },
          ],
          patterns: [
            { group: nodeBuiltins, message: 'src-shared may not import Node APIs.' },
            { group: ['**/src-main/**', '**/src-renderer/**'], message: 'src-shared only imports downward (nothing).' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', 'navigator', 'localStorage', 'fetch', 'URL'],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to main only through the typed API.' }],
          patterns: [
            { group: nodeBuiltins, message: 'The renderer has no Node.' },
            { group: ['**/src-main/**'], message: 'The renderer reaches main only through the API client.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only src-main/electron/ may import electron.' }],
          patterns: [{ group: ['**/src-renderer/**'], message: 'Main never imports renderer code.' }],
        },
      ],
    },
  },
  {
    // What differs between PostgreSQL and SQLite lives in src-main/engines/, one folder each behind the
    // Engine interface: a branch on an engine's name anywhere else in main is a missing member of it.
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/engines/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: engineNameBranch,
          message: 'Ask the engine (engineFor(kind).…) instead of branching on its name; add a member to Engine in src-main/engines/engine.ts if it has none.',
        },
        {
          selector: engineNameSwitch,
          message: 'Ask the engine (engineFor(kind).…) instead of switching on its name.',
        },
      ],
    },
  },
  {
    // The renderer and the shared models ask the engine's description (src-shared/model/engineDescription.ts)
    // and the field table's usedBy, so a third engine changes what they show without an edit to them.
    files: ['src-renderer/**/*.{ts,tsx}', 'src-shared/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: engineNameBranch,
          message:
            "Ask the engine's description (engineDescriptions[kind].…, engineUses) instead of branching on its name; add a member to EngineDescription if it has none.",
        },
        {
          selector: engineNameSwitch,
          message: "Ask the engine's description (engineDescriptions[kind].…) instead of switching on its name.",
        },
      ],
    },
  },
);
