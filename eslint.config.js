// Lint, including the layering rule: each folder may only import what runs where it runs.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const NODE_BUILTINS = [
  'fs',
  'path',
  'os',
  'http',
  'https',
  'net',
  'tls',
  'crypto',
  'child_process',
  'worker_threads',
  'stream',
  'url',
  'util',
  'events',
  'zlib',
  'dgram',
  'dns',
  'readline',
  'cluster',
  'v8',
  'vm',
  'process',
  'buffer',
  'assert',
  'perf_hooks',
  'timers',
].flatMap((m) => [m, `node:${m}`, `${m}/*`, `node:${m}/*`]);

const noElectron = {
  group: ['electron', 'electron/*'],
  message: 'Electron is imported only in electron/.',
};
const noNode = { group: NODE_BUILTINS, message: 'Node built-ins are not available in this layer.' };
const noRenderer = {
  group: ['**/renderer/**', 'react', 'react-dom', 'react-dom/*'],
  message: 'This layer must not depend on the renderer (DOM).',
};
const noServer = {
  group: ['**/server/**'],
  message: 'This layer must not depend on the server (Node).',
};
const noElectronDir = {
  group: ['**/electron/**'],
  message: 'Only the Electron shell imports its own modules.',
};

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'test-results', 'playwright-report', '.data', '.bench'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': ['error', { patterns: [noElectron] }],
    },
  },
  {
    // The shared core runs everywhere: no DOM, no Node, no Electron.
    files: ['core/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [noElectron, noNode, noRenderer, noServer, noElectronDir] },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['server/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [noElectron, noRenderer, noElectronDir] }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { patterns: [noElectron, noNode, noServer, noElectronDir] },
      ],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [noRenderer, noServer] }],
    },
  },
  {
    files: [
      'e2e/**/*.ts',
      'bench/**/*.ts',
      'scripts/**/*.{js,mjs,ts}',
      'fixtures/**/*.ts',
      '*.{js,ts}',
      'renderer/vite.config.ts',
    ],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron] }] },
  },
);
