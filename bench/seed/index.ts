// The scale seeder's contract, used by `npm run bench:seed` and by the benchmark runner.
export { seedBench, seededWorkers, type SeedOptions, type SeedSummary } from './seed.js';
export { benchFixtures, type BenchFixtures } from './fixtures.js';
