import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The console's production build. The gateway serves `dist/index.html` for the console's own
 * paths and `dist/assets/` under `/console/assets/` (content-hashed names, cached for a year);
 * nothing is inlined, so the page runs under `script-src 'self'; style-src 'self'`.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  publicDir: false,
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The polyfill would be an inline script; every browser the console supports has modulepreload.
    modulePreload: { polyfill: false },
    // Small assets would become data: URLs; as files they stay under `img-src 'self'`.
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
});
