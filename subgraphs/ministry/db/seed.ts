import { sql } from 'drizzle-orm';
import { insertInChunks, type Database } from '../../../shared/db/database.js';
import type { World } from '../../../shared/demo/world.js';
import { caseNotes, cases, institutions, jobOrders, placementAgencies, sanctions } from './schema.js';

type CaseInsert = typeof cases.$inferInsert;
type OrderInsert = typeof jobOrders.$inferInsert;

/** Loads the ministry's part of the demo world: the member directory, the P3MI registry and cases. */
export async function seedMinistry(db: Database, world: World): Promise<void> {
  const ministry = world.institutions.find((institution) => institution.kind === 'MINISTRY');
  if (!ministry) throw new Error('the demo world has no ministry');
  await db.transaction(async (tx) => {
    await insertInChunks(tx, institutions, [...world.institutions]);
    await insertInChunks(
      tx,
      placementAgencies,
      world.agencies.map((agency) => ({ ...agency, createdBy: ministry.id })),
    );
    await insertInChunks(
      tx,
      jobOrders,
      world.jobOrders.map((order) => ({
        ...order,
        occupation: order.occupation as OrderInsert['occupation'],
        createdBy: ministry.id,
      })),
    );
    await insertInChunks(
      tx,
      cases,
      world.cases.map(({ notes: _notes, resolution, openedBy, ...item }): CaseInsert => ({
        ...item,
        category: item.category as CaseInsert['category'],
        channel: item.channel as CaseInsert['channel'],
        openedByInstitutionId: openedBy,
        resolutionOutcome: (resolution?.outcome ?? null) as CaseInsert['resolutionOutcome'],
        resolvedAt: resolution?.resolvedAt ?? null,
        resolutionSummary: resolution?.summary ?? null,
        updatedAt: resolution?.resolvedAt ?? item.openedAt,
      })),
    );
    await insertInChunks(
      tx,
      caseNotes,
      world.cases.flatMap((item) => item.notes.map((note) => ({ caseId: item.id, ...note }))),
    );
    await insertInChunks(
      tx,
      sanctions,
      world.sanctions.map((sanction) => ({ ...sanction, createdBy: ministry.id })),
    );
    // Live cases continue the numbering after the demo ones.
    await tx.execute(sql`select setval('ministry.case_reference_seq', ${Math.max(world.cases.length, 1)})`);
  });
}
