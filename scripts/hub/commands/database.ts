import { z } from 'zod';
import type { Database } from '../../../shared/db/database.js';
import { STORE_NAMES, type StoreName } from '../../../shared/db/migrations.js';
import { readPinnedKeys } from '../../../shared/keys/directory.js';
import { defineCommand, lines, OperatorError } from '../command.js';

const verify = defineCommand({
  group: 'audit',
  name: 'verify',
  summary: 'Recomputes every access-log chain in Node and checks it against the witnessed heads.',
  input: z.object({}),
  run: async (_input, context) => {
    const databases = {} as Record<StoreName, Database>;
    for (const name of STORE_NAMES) databases[name] = (await context.store(name)).db;
    let pinned;
    try {
      pinned = readPinnedKeys(context.config.keys.pinnedFile);
    } catch (error) {
      throw new OperatorError((error as Error).message);
    }
    // Loaded by the commands that need them: every other command starts faster.
    const { verifyAccessLogs } = await import('../../../shared/audit/verify-all.js');
    const verification = await verifyAccessLogs(databases, { pinned });
    return { lines: verification.lines, failed: !verification.intact };
  },
});

const migrateCommand = defineCommand({
  group: 'db',
  name: 'migrate',
  summary: 'Applies every service’s pending migrations (each service also does at start).',
  input: z.object({}),
  run: async (_input, context) => {
    // Opening a store migrates it: the command makes sure that happened for every one of them.
    for (const name of STORE_NAMES) await context.store(name);
    return lines(`migrated: ${STORE_NAMES.join(', ')}`);
  },
});

const seed = defineCommand({
  group: 'demo',
  name: 'seed',
  summary: 'Loads the demo world into the stores that do not have it yet (never in production).',
  options: {
    workers: {
      type: 'string',
      optional: true,
      description: 'how many workers the demo world has (default SEED_WORKERS)',
    },
  },
  input: z.object({ workers: z.coerce.number().int().min(10).max(200_000).optional() }),
  run: async (input, context) => {
    if (context.config.production) throw new OperatorError('Demo data is never loaded in production.');
    const stores = Object.fromEntries(
      await Promise.all(STORE_NAMES.map(async (name) => [name, await context.store(name)] as const)),
    );
    const storeFor = (name: StoreName) => stores[name]!;
    const { seedDemoHub, seedDemoPeople } = await import('../../seed/load.js');
    const { buildWorld } = await import('../../seed/world.js');
    const world = buildWorld({ workers: input.workers ?? context.config.seed.workers });
    const credentials = await seedDemoHub(storeFor, world);
    const people = await seedDemoPeople(storeFor, world);
    return lines(
      credentials || people
        ? `demo world loaded: ${world.workers.length} workers${credentials ? `, ${credentials.length} clients` : ''}${people ? `, ${people.length} people` : ''}`
        : 'the demo world is loaded already',
      ...(credentials ?? []).map((client) => `client ${client.clientId}  secret ${client.clientSecret}`),
      ...(people ?? []).map((person) => `person ${person.username}  password ${person.password}`),
    );
  },
});

export const DATABASE_COMMANDS = [verify, migrateCommand, seed];
