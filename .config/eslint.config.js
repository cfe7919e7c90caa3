import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'playwright-report', 'test-results', 'scratch'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only']", message: 'No focused tests.' },
        { selector: "CallExpression[callee.property.name='skip']", message: 'No skipped tests.' },
      ],
    },
  },
  {
    // The domain core runs in Node and in the worker: no UI, no DOM, no Node built-ins.
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'zustand', 'recharts', 'd3', 'd3-*', 'comlink'],
              message: 'The domain core is UI-free.',
            },
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process'],
              message: 'The domain core must also run in a Web Worker.',
            },
            {
              group: ['**/ui/**', '**/store/**', '**/worker/**', '**/cli/**', '**/node/**'],
              message: 'Dependencies point one way: UI → store → worker → domain.',
            },
          ],
        },
      ],
    },
  },
  {
    // The store holds state and runs jobs; what it looks like is the UI's business.
    files: ['src/store/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/ui/**'], message: 'Dependencies point one way: UI → store → worker.' },
          ],
        },
      ],
    },
  },
  {
    // The worker answers requests; it knows neither the store that asks nor the UI.
    files: ['src/worker/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/ui/**', '**/store/**'],
              message: 'Dependencies point one way: UI → store → worker → domain.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests edit scenario documents as loose JSON on purpose (that is what users hand us).
    files: ['**/*.test.ts', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/**/*.tsx', 'src/ui/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
)
