// Layering (VS Code style): `electron` may only be imported by the shell and the preload.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const ELECTRON = '^electron(\\x2F.*)?$';
export const electronBoundary = {
  'no-restricted-imports': [
    'error',
    {
      paths: [{ name: 'electron', message: 'Only src/main/shell and src/preload may import electron.' }],
      patterns: [{ group: ['electron/*'], message: 'Only src/main/shell and src/preload may import electron.' }],
    },
  ],
  'no-restricted-syntax': [
    'error',
    {
      selector: `ImportExpression[source.value=/${ELECTRON}/]`,
      message: 'Only src/main/shell and src/preload may import electron (dynamic import).',
    },
    {
      selector: `CallExpression[callee.name='require'][arguments.0.value=/${ELECTRON}/]`,
      message: 'Only src/main/shell and src/preload may require electron.',
    },
    {
      selector: `ImportDeclaration[source.value=/^@electron\\x2Fremote/]`,
      message: '@electron/remote is not used in Casewalk: talk through the typed contract.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.tmp/**', 'coverage/**', 'tests/e2e/screenshots/**', 'tests/lint-fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'error',
    },
  },
  { files: ['src/renderer/**/*.{ts,tsx}', 'tests/host/browser-preload.ts'], languageOptions: { globals: { ...globals.browser } } },
  // The renderer's hooks: the plugin's recommended rules (rules of hooks, exhaustive deps and the
  // React Compiler checks), at zero warnings like everything else.
  { files: ['src/renderer/**/*.{ts,tsx}'], ...reactHooks.configs.flat.recommended },
  // Everything except the shell, the preload and the electron stub used by the shell's tests.
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    ignores: ['src/main/shell/**', 'src/preload/**', 'tests/stubs/electron.ts'],
    rules: electronBoundary,
  },
  { files: ['scripts/**', 'tests/**'], rules: { 'no-console': 'off' } },
);
