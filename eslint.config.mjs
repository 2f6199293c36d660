import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const platformImports = ['react', 'react-dom', 'dexie', 'exceljs', 'office-addin-*', '@fluentui/*', 'node:*', 'fs', 'path', 'http', 'crypto', 'os'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.artifacts/**', 'bin/**', 'webpack.config.js', 'scripts/bundle-sizes.js', 'jest.config.js', 'jest.e2e.config.js', 'scripts/**/*.mjs', 'eslint.config.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
    },
  },
  {
    // Core is pure: no platform, UI, storage or Node modules.
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: platformImports, message: 'src/core must stay platform-free (see DESIGN.md).' }] }],
      'no-restricted-globals': ['error', 'window', 'document', 'Office', 'Excel', 'wps', 'process', 'require'],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
