import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The explorer's production build (GraphiQL and the React it needs), apart from the console's
 * because it is React, not Preact. scripts/build-console.ts puts it in `console/dist/explorer/`;
 * the gateway serves its page at `/explorer` and its assets under `/explorer/assets/`. Nothing is
 * inlined and nothing comes from a CDN, so the page runs offline under `script-src 'self'`.
 */
export default defineConfig({
  root: fileURLToPath(new URL('explorer/', import.meta.url)),
  base: '/explorer/',
  publicDir: false,
  logLevel: 'warn',
  // Production JSX whatever NODE_ENV the build runs under (vitest's global set-up runs it under
  // `test`, which would emit React's jsxDEV calls, absent from the production React bundled here).
  oxc: { jsx: { runtime: 'automatic', importSource: 'react', development: false } },
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    reportCompressedSize: false,
    // GraphiQL with CodeMirror is one large chunk by nature; the page is a developer's tool.
    chunkSizeWarningLimit: 4_000,
    rolldownOptions: {
      // React libraries mark themselves "use client" for server frameworks; a plain bundle ignores it.
      onwarn: (warning, warn) => {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
