// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

/**
 * PRODUCT.md, "rooms": electron/core and shared/ are plain Node/browser code and
 * must never reach for Electron; everything desktop-specific comes in through
 * interfaces. This rule is what makes that a build failure rather than a habit.
 */
export const noElectronInCore = {
  paths: [
    {
      name: 'electron',
      message: 'electron/core and shared/ must not import electron; take an interface instead.',
    },
  ],
  patterns: [
    {
      group: ['electron/*', '@electron/*'],
      message: 'electron/core and shared/ must not import electron; take an interface instead.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.vite/',
      'dist/',
      'out/',
      'test-results/',
      'playwright-report/',
      'eslint.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks only to window.cratekeeper.' }],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', noElectronInCore] },
  },
  prettier,
);
