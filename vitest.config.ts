import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql ships CommonJS and ES builds; Node (and so production) loads the CommonJS one for
    // every importer, Vite would pick the ES one for ours. One instance, as in production.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['**/*.test.ts'],
    // bench/ has a package of its own (bench/package.json): no node_modules holds the hub's tests.
    exclude: ['**/node_modules/**', '.data/**'],
    globalSetup: ['test/global-setup.ts'],
    // Each test file opens its own database (an embedded PostgreSQL takes about 0.8 GB); two files
    // at a time keep a 2-core machine busy without swapping.
    pool: 'forks',
    maxWorkers: 2,
    // Restarting the PostgreSQL server (test/faults/postgres-restart.test.ts) drops every other
    // file's connections to it: with a restart command given, files run one at a time.
    fileParallelism: !process.env['HUB_TEST_PG_RESTART'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    env: { APOLLO_TELEMETRY_DISABLED: '1' },
  },
});
