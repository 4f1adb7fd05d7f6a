import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// Code that runs in the renderer (and the contract it shares) must not reach Node or the main process.
const nodeOnly = {
  paths: [
    'electron',
    'better-sqlite3',
    'sirv',
    ...['fs', 'path', 'os', 'child_process', 'http', 'crypto', 'url'],
  ],
  patterns: [
    { group: ['node:*'], message: 'The renderer and the contract run without Node.' },
    {
      group: [
        '**/src-main/*',
        '!**/src-main/contract',
        '!**/src-main/contract/**',
        '../db/*',
        '../ipc/*',
        '../records/*',
      ],
      message: 'Only src-main/contract may be imported here.',
    },
  ],
};

// The window's process and the HTTP server pass envelopes to the database worker: no SQL there.
const workerOnly = {
  paths: ['better-sqlite3'],
  patterns: [
    {
      group: [
        '**/db/open',
        '**/db/statements',
        '**/db/migrations',
        '**/records/*',
        '**/analysis/*',
        '**/jobs/*',
        '**/ipc/registry',
      ],
      message:
        'SQL runs in the database worker (src-main/service/db-worker.ts); this thread only passes envelopes.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'release', 'test-results', 'playwright-report', '.tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}', 'src-main/contract/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', nodeOnly] },
  },
  {
    files: [
      'src-main/main.ts',
      'src-main/serve.ts',
      'src-main/ipc/http.ts',
      'src-main/ipc/electron.ts',
      'src-main/service/host.ts',
      'src-main/service/threads.ts',
    ],
    rules: { 'no-restricted-imports': ['error', workerOnly] },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
