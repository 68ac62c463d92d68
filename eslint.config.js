import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
];

export default tseslint.config(
  { ignores: ['.tmp/', 'out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      curly: 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Core, shared code, the sandbox, the CLI and the IPC handlers run in
    // plain Node and in tests, so they must not depend on Electron.
    files: [
      'src/core/**',
      'src/shared/**',
      'src/sandbox/**',
      'src/cli/**',
      'src/main/handlers/**',
      'src/main/ipc/dispatch.ts',
      'src/main/security.ts',
      'src/main/app-protocol.ts',
      'src/main/services.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Only Electron glue in src/main may import electron; pass an adapter in.',
            },
          ],
        },
      ],
    },
  },
  {
    // The page has no Node and no network of its own: everything goes
    // through the preload's API.
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The renderer talks to main only through window.koppelhulp.',
            },
          ],
          patterns: [
            { group: nodeBuiltins, message: 'The renderer has no Node APIs.' },
            {
              group: ['**/core/**', '**/main/**', '**/sandbox/**', '**/cli/**'],
              message: 'The renderer may import only src/shared.',
            },
          ],
        },
      ],
      // The start bundle has a 120 KB gzip budget: zod (about 50 KB) and the
      // locale files must not reach it. Types from these modules are fine;
      // values the page needs go into zod-free modules such as
      // src/shared/settings.ts, or into a lazily loaded screen.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: 'Validate in main; the page gets zod-free types.' }],
          patterns: [
            {
              group: [
                '**/shared/ipc/*',
                '!**/shared/ipc/names.ts',
                '**/shared/profile.ts',
                '**/shared/report.ts',
                '**/shared/connection.ts',
                '**/shared/i18n/resources.ts',
                '**/shared/i18n/translator.ts',
              ],
              allowTypeImports: true,
              message:
                'These modules import zod or every locale file; import types only, or move the value to a zod-free module.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Shared code runs in the page too.' }],
          patterns: [{ group: nodeBuiltins, message: 'Shared code runs in the page too.' }],
        },
      ],
    },
  },
  {
    files: ['src/cli/**', 'scripts/**', 'bench/**', 'test/**'],
    rules: { 'no-console': 'off' },
  },
  prettier,
);
