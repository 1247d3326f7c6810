// ESLint (part of `npm run lint`): @eslint/js and typescript-eslint recommended, over everything in the repo
// but build output. Not type-aware yet: recommendedTypeChecked finds 655 problems today (mostly no-unsafe-*
// on untyped command JSON), too many to fix while the files are being changed; tsc --noEmit (with
// noUnusedLocals/noUnusedParameters) and knip (unused files, exports, dependencies) run beside it.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'dist.*/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  { languageOptions: { globals: globals.node } },
  {
    rules: {
      // salesctl matches control characters on purpose: terminal escapes, CSV, iCalendar and stored-text hygiene.
      'no-control-regex': 'off',
      // `const { KEY: _, ...rest } = obj` is how a key is left out of a copy (tsc accepts it too).
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    files: ['test/**'],
    // Tests read the commands' JSON output loosely, to probe it; src/mcp/ reads it through the declared types
    // (render/records.ts JsonOf, and each command's document type next to where it is built).
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.cjs', 'bin/*.js'],
    // CommonJS files (bin/package.json makes bin/ CommonJS, for start-up time) load modules with require().
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/loader.cts'],
    // The loader is CommonJS TypeScript: `import fs = require('node:fs')` is how it imports.
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
