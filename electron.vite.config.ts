import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      // @signalapp/sqlcipher is a native addon: it stays external (and unpacked from ASAR).
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/main/shell/main.ts'),
          'core-worker': resolve(import.meta.dirname, 'src/main/core/worker/entry.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require(): CommonJS, with every dependency bundled in.
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/preload/index.ts'),
          // The projector window's own preload: projector.view and the walk events only.
          projector: resolve(import.meta.dirname, 'src/preload/projector.ts'),
        },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    plugins: [
      react(),
      // index.html carries the CSP as a meta tag; the dev server's hot reload needs an inline
      // script, so only `electron-vite dev` drops the tag (built files keep it).
      {
        name: 'casewalk-csp-dev-only',
        apply: 'serve',
        transformIndexHtml: (html: string) => html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
      },
    ],
    build: {
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') } },
    },
  },
});
