// Lint rules, including the architecture rule: main and renderer never import each other; both may use shared.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const importsFrom = (group, message) => ({ group, message });

export default tseslint.config(
  { ignores: ['out/**', 'out-bench/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.name='eval']", message: 'Article text must never run.' }],
    },
  },
  {
    files: ['main/**/*.ts', 'tests/**/*.{ts,mjs}', 'assets/build/*.mjs', '*.config.{ts,js}', 'eslint.config.js'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [importsFrom(['**/renderer/**', '../renderer', '../../renderer'], 'main must not import the renderer: share through shared/.')] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [importsFrom(['**/main/**', '../main', '../../main', '../../../main'], 'The renderer must not import main: share through shared/.')],
          paths: [
            { name: 'electron', message: 'The renderer talks to main only through the API contract.' },
            ...['fs', 'child_process', 'path', 'os', 'net', 'http'].flatMap((name) => [
              { name, message: 'No Node modules in the renderer.' },
              { name: `node:${name}`, message: 'No Node modules in the renderer.' },
            ]),
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [importsFrom(['**/main/**', '**/renderer/**', '../main/*', '../renderer/*'], 'shared/ depends on nothing of main or renderer.'), importsFrom(['node:*'], 'shared/ runs on both sides: no Node modules.')],
          paths: [{ name: 'electron', message: 'shared/ runs on both sides.' }],
        },
      ],
    },
  },
);
