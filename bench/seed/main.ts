import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createLogger } from '../../shared/logging.js';
import { databaseSize } from './database.js';
import { seedBench } from './index.js';

/**
 * `npm run bench:seed -- --workers 1000000`: fills the PostgreSQL database DATABASE_URL names
 * with generated workers and everything that hangs off them, for the scale benchmarks.
 */
const logger = createLogger('bench-seed', 'info');
const { values } = parseArgs({ options: { workers: { type: 'string', default: '10000' } } });
const workers = z.coerce.number().int().min(1).max(10_000_000).safeParse(values.workers);
const databaseUrl = process.env['DATABASE_URL'];
if (!workers.success) {
  console.error(`--workers must be a whole number from 1 to 10,000,000, not "${values.workers}".`);
  process.exit(2);
}
if (!databaseUrl) {
  console.error(
    'DATABASE_URL is not set. The scale seed needs a real PostgreSQL server (the embedded database is not a target):\n' +
      '  DATABASE_URL=postgres://postgres@127.0.0.1:55432/migran_bench_10k npm run bench:seed -- --workers 10000',
  );
  process.exit(2);
}
try {
  const summary = await seedBench({
    databaseUrl,
    workers: workers.data,
    onProgress: (message) => logger.info(message),
  });
  const width = Math.max(...Object.keys(summary.rows).map((table) => table.length));
  console.log(`\nSeeded ${summary.workers} workers in ${summary.seconds} s:`);
  for (const [table, rows] of Object.entries(summary.rows).sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`  ${table.padEnd(width)}  ${String(rows).padStart(10)}`);
  }
  const total = Object.values(summary.rows).reduce((sum, rows) => sum + rows, 0);
  console.log(`  ${'total'.padEnd(width)}  ${String(total).padStart(10)}`);
  console.log(`Database size: ${await databaseSize(databaseUrl)}`);
} catch (error) {
  logger.error({ err: error }, 'the seed failed');
  process.exit(1);
}
