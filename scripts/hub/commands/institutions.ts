import { asc } from 'drizzle-orm';
import { z } from 'zod';
import { INSTITUTION_KINDS } from '../../../shared/auth/principal.js';
import { registerInstitution } from '../../../gateway/clients.js';
import { institutions } from '../../../gateway/db/schema.js';
import { institutions as ministryDirectory } from '../../../subgraphs/ministry/db/schema.js';
import { defineCommand, lines, OperatorError } from '../command.js';

const list = defineCommand({
  group: 'institutions',
  name: 'list',
  summary: 'The member institutions, with the ids that `clients add` and `people add` take.',
  input: z.object({}),
  run: async (_input, context) => {
    const { db } = await context.store('gateway');
    const rows = await db.select().from(institutions).orderBy(asc(institutions.kind), asc(institutions.name));
    return lines(
      ...rows.map(
        (row) => `${row.id}  ${row.kind.padEnd(17)} ${(row.regionCode ?? '-').padEnd(6)} ${row.name}`,
      ),
    );
  },
});

const add = defineCommand({
  group: 'institutions',
  name: 'add',
  summary: 'Registers a member institution at the gateway and in the ministry’s public directory.',
  options: {
    name: { type: 'string', description: 'its name, e.g. "Disnaker Kabupaten Kediri"' },
    kind: { type: 'string', description: INSTITUTION_KINDS.join(' | ') },
    region: {
      type: 'string',
      optional: true,
      description: 'a labour office’s province or regency code (35, 35.06)',
    },
  },
  input: z.object({
    name: z.string().trim().min(3).max(200),
    kind: z.enum(INSTITUTION_KINDS),
    region: z.string().optional(),
  }),
  examples: ['institutions add --name "Disnaker Kabupaten Kediri" --kind LABOUR_OFFICE --region 35.06'],
  run: async (input, context) => {
    const gateway = (await context.store('gateway')).db;
    const ministry = (await context.store('ministry')).db;
    // Idempotent by name and kind: running the same line twice registers the office once.
    const existing = (await gateway.select().from(institutions)).find(
      (row) => row.name === input.name && row.kind === input.kind,
    );
    if (existing) {
      if ((existing.regionCode ?? undefined) !== input.region)
        throw new OperatorError(
          `${input.name} is registered already, with region ${existing.regionCode ?? 'none'}.`,
        );
      return lines(`institution ${existing.id} is registered already`);
    }
    let row;
    try {
      row = await registerInstitution(gateway, {
        name: input.name,
        kind: input.kind,
        regionCode: input.region ?? null,
      });
    } catch (error) {
      throw new OperatorError((error as Error).message);
    }
    // The same id in the ministry's directory, which the graph's Institution type reads.
    await ministry
      .insert(ministryDirectory)
      .values({ id: row.id, name: row.name, kind: row.kind, regionCode: row.regionCode })
      .onConflictDoNothing();
    return lines(`institution ${row.id} registered`);
  },
});

export const INSTITUTION_COMMANDS = [list, add];
