import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** What the simulation may not import: it runs in Node, a Web Worker and the page alike. */
const simForbidden = [
  { name: 'react', message: 'src/sim is plain TypeScript: no React.' },
  { name: 'react-dom', message: 'src/sim is plain TypeScript: no React.' },
  { name: 'three', message: 'src/sim is plain TypeScript: no three.js.' },
  { name: 'zustand', message: 'src/sim is plain TypeScript: no zustand.' },
  { name: 'zustand/vanilla', message: 'src/sim is plain TypeScript: no zustand.' },
]

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'coverage', 'bench-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Files served as they are to pages that embed the demo (the host helper and its example): plain browser JS.
    files: ['public/**/*.js'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.browser } },
  },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/use*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // The scene mutates the three.js objects it builds (uniforms, attributes, matrices) in useFrame: that is how
    // react-three-fiber does fast updates ("by mutation, never through React state"), not a React render bug.
    files: ['src/scene/**/*.tsx'],
    rules: { 'react-hooks/immutability': 'off' },
  },
  {
    files: ['src/sim/**/*.ts'],
    ignores: ['src/sim/**/*.test.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: simForbidden,
          patterns: [
            { group: ['@react-three/*', 'three/*'], message: 'src/sim is plain TypeScript: no three.js.' },
            { group: ['node:*'], message: 'src/sim runs in the browser too: no Node modules.' },
            {
              group: ['**/store/**', '**/scene/**', '**/ui/**', '**/embed/**'],
              message: 'src/sim depends on nothing above it.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process'],
    },
  },
)
