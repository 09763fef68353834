// Layering (VS Code style): `electron` may only be imported by the shell and the preload.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import fs from 'node:fs';
import path from 'node:path';

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

// Layering (see README, Architecture): shared ← core ← shell/CLI; the preload and the renderer
// reach the core only through the contract. Paths are resolved as TypeScript resolves them, and
// `import type` counts: a type-only import still ties the layers together.
const ROOT = import.meta.dirname;
const at = (p) => path.join(ROOT, p);
const importResolver = {
  plugins: { 'import-x': importX },
  settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: at('tsconfig.json') })] },
};
export const layerZones = [
  {
    target: at('src/main/core'),
    from: [at('src/main/shell'), at('src/main/cli'), at('src/preload'), at('src/renderer')],
    message: 'The core is plain Node: it never imports the shell, the CLI, the preload or the renderer.',
  },
  {
    target: at('src/shared'),
    from: [at('src/main'), at('src/preload'), at('src/renderer')],
    message: 'src/shared is the contract: it imports nothing from main, the preload or the renderer.',
  },
  {
    target: at('src/preload'),
    from: [at('src/main'), at('src/renderer')],
    message: 'The preload forwards the contract (src/shared) only.',
  },
  {
    target: at('src/renderer'),
    from: [at('src/main'), at('src/preload')],
    message: 'The renderer talks to window.casewalk only (types from src/shared).',
  },
];
// A renderer feature reaches another only through that feature's public index
// (features/<name>/index.ts) or a shared kit outside features/ (lib/, ui/).
const FEATURES = 'src/renderer/src/features';
const featureNames = fs.existsSync(at(FEATURES))
  ? fs
      .readdirSync(at(FEATURES), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
  : [];
export const featureZones = featureNames.map((name) => ({
  target: at(`${FEATURES}/${name}`),
  from: [`${at(FEATURES)}/!(${name})/**`],
  except: [`${at(FEATURES)}/*/index.{ts,tsx}`],
  message: `A feature reaches another only through its index (features/<name>/index.ts) or a shared kit outside features/; ${name}/ may not reach into another feature's files.`,
}));
// Size: a file does one job. Tests and migrations (long by nature) are exempt.
const SIZE_LIMITS = { 'max-lines': ['error', { max: 400 }], 'max-lines-per-function': ['error', { max: 120 }] };

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
  {
    files: ['src/**/*.{ts,tsx}', 'tests/**/*.{ts,tsx}'],
    ...importResolver,
    rules: { 'import-x/no-restricted-paths': ['error', { zones: layerZones }] },
  },
  // Renderer features: kept as its own block so it can be read (and, while the renderer moves
  // to feature indexes, tightened) on its own.
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    ...importResolver,
    rules: { 'import-x/no-restricted-paths': ['error', { zones: [...layerZones, ...featureZones] }] },
  },
  {
    files: ['src/main/**/*.ts', 'src/shared/**/*.ts', 'src/preload/**/*.ts', 'src/renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', 'src/main/core/store/migrations/**'],
    rules: SIZE_LIMITS,
  },
);
