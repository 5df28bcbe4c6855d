import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { writeAccessLog, type AuditedSubgraph } from './access-log.js';
import { CopySet, CopyStream } from './copy.js';
import { buildCourses } from './courses.js';
import {
  analyze,
  continueCaseNumbering,
  createIndexes,
  dropSecondaryIndexes,
  ensureDatabase,
  readCompletion,
  rebuildStatCells,
  recordCompletion,
  resetSchemas,
} from './database.js';
import { buildDirectory } from './directory.js';
import { writeDirectory } from './directory-rows.js';
import { jawaTimur } from './geography.js';
import { writeJourney } from './journey.js';
import type { JourneyContext } from './journey-context.js';
import { GENERATOR_VERSION, randomFor } from './random.js';
import { writeGeneratedRegions } from './regions.js';
import { ACCESS_EVENT_COLUMNS, TABLES, WORKER_TABLES } from './tables.js';
import { BIRTH_DAYS, writePerson, writePlacement } from './worker.js';

export interface SeedOptions {
  readonly databaseUrl: string;
  readonly workers: number;
  readonly onProgress?: (message: string) => void;
}

export interface SeedSummary {
  readonly workers: number;
  readonly rows: Readonly<Record<string, number>>;
  readonly seconds: number;
}

const MAINTENANCE_DATABASES = new Set(['', 'postgres', 'template0', 'template1']);

const optionsSchema = z.object({
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    // The seed drops and recreates every service schema: never in the server's own databases.
    .refine((url) => !MAINTENANCE_DATABASES.has(new URL(url).pathname.slice(1)), {
      message: 'must name a database of its own (the seed empties it), not postgres or a template',
    }),
  workers: z.number().int().min(1).max(10_000_000),
});

const WORKER_STREAM = 10;
const AUDITED: readonly AuditedSubgraph[] = ['labour', 'ministry', 'training', 'university'];

/** Creates the database if missing, migrates every service schema (the hub's own migrations), empties them, bulk-loads, ANALYZEs. */
export async function seedBench(options: SeedOptions): Promise<SeedSummary> {
  const { databaseUrl, workers } = optionsSchema.parse(options);
  const progress = options.onProgress ?? (() => {});
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

  await ensureDatabase(databaseUrl);
  await resetSchemas(databaseUrl);
  const indexes = await dropSecondaryIndexes(databaseUrl);
  progress(`schemas migrated and emptied, ${indexes.length} secondary indexes set aside (${elapsed()})`);

  const geography = jawaTimur();
  const directory = buildDirectory();
  const courses = buildCourses(directory.providers, workers);
  const context: JourneyContext = {
    directory,
    courses,
    facts: {
      provider: new Int16Array(workers),
      university: new Int16Array(workers),
      caseIndex: new Int32Array(workers),
      caseOpened: new Int32Array(workers),
      district: new Uint16Array(workers),
    },
    counters: { cases: 0, certificates: 0, sessions: 0 },
  };
  const nikSerials = new Uint16Array(geography.districts.length * BIRTH_DAYS * 2);
  const copy = new CopySet(databaseUrl, { ...TABLES, ...WORKER_TABLES });
  await copy.open();
  let rows: Record<string, number>;
  try {
    writeGeneratedRegions(copy, geography);
    writeDirectory(copy, directory, courses);
    const tenth = Math.max(1, Math.floor(workers / 10));
    for (let index = 0; index < workers; index += 1) {
      const random = randomFor(WORKER_STREAM, index);
      const person = writePerson(copy, random, index, workers, { geography, directory, nikSerials });
      const placement = writePlacement(copy, random, person, directory);
      writeJourney(copy, random, person, placement, context);
      if (index % 500 === 499) await copy.flush();
      if ((index + 1) % tenth === 0) progress(`${index + 1} of ${workers} workers written (${elapsed()})`);
    }
    rows = await copy.close();
  } catch (error) {
    await copy.abort();
    throw error;
  }
  progress(`workers and their records committed (${elapsed()})`);

  const logs = await Promise.all(
    AUDITED.map(async (subgraph) => {
      const stream = new CopyStream(databaseUrl, `${subgraph}.access_events`, ACCESS_EVENT_COLUMNS);
      await stream.open();
      try {
        await writeAccessLog(stream, subgraph, { workers, directory, geography, facts: context.facts });
        await stream.close();
      } catch (error) {
        await stream.abort();
        throw error;
      }
      return [`${subgraph}.access_events`, stream.rows] as const;
    }),
  );
  progress(`access logs chained and committed (${elapsed()})`);

  await createIndexes(databaseUrl, indexes);
  progress(`indexes rebuilt (${elapsed()})`);
  await rebuildStatCells(databaseUrl);
  progress(`statistics rollups counted (${elapsed()})`);
  await continueCaseNumbering(databaseUrl, context.counters.cases);
  await analyze(databaseUrl);
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  await recordCompletion(databaseUrl, workers, GENERATOR_VERSION, seconds);
  progress(`analysed and recorded (${elapsed()})`);
  return { workers, rows: { ...rows, ...Object.fromEntries(logs) }, seconds };
}

/** Workers of a completed seed in that database, or null when it was never seeded or the seed did not finish (or the generator version changed). */
export async function seededWorkers(databaseUrl: string): Promise<number | null> {
  const completion = await readCompletion(databaseUrl);
  return completion && completion.version === GENERATOR_VERSION ? completion.workers : null;
}
