import { count } from 'drizzle-orm';
import type { Store } from '../../shared/db/database.js';
import type { StoreName } from '../../shared/db/migrations.js';
import type { World } from '../../shared/demo/world.js';
import { accounts, institutions } from '../../gateway/db/schema.js';
import { seedGateway, seedPeople, type DemoCredentials, type DemoPerson } from '../../gateway/seed.js';
import { workers } from '../../subgraphs/labour/db/schema.js';
import { seedLabour } from '../../subgraphs/labour/db/seed.js';
import { seedMinistry } from '../../subgraphs/ministry/db/seed.js';
import { placementAgencies } from '../../subgraphs/ministry/db/schema.js';
import { seedTraining } from '../../subgraphs/training/db/seed.js';
import { trainingProviders } from '../../subgraphs/training/db/schema.js';
import { seedUniversity } from '../../subgraphs/university/db/seed.js';
import { universities } from '../../subgraphs/university/db/schema.js';

/**
 * Each service's part of the world, with the table whose emptiness says the part is not loaded
 * yet. Every part loads in one transaction, so a start interrupted half-way resumes cleanly.
 */
const PARTS = [
  { store: 'labour', marker: workers, load: seedLabour },
  { store: 'ministry', marker: placementAgencies, load: seedMinistry },
  { store: 'training', marker: trainingProviders, load: seedTraining },
  { store: 'university', marker: universities, load: seedUniversity },
] as const;

/**
 * Loads the demo world into every store that does not have it yet; returns the demo client
 * credentials when the gateway's part was loaded now (their secrets exist nowhere else).
 */
export async function seedDemoHub(
  storeFor: (name: StoreName) => Store,
  world: World,
): Promise<DemoCredentials[] | null> {
  for (const part of PARTS) {
    const { db } = storeFor(part.store);
    const [row] = await db.select({ rows: count() }).from(part.marker);
    if ((row?.rows ?? 0) === 0) await part.load(db, world);
  }
  const { db } = storeFor('gateway');
  const [row] = await db.select({ rows: count() }).from(institutions);
  if ((row?.rows ?? 0) > 0) return null;
  return seedGateway(db, world);
}

/**
 * Creates the demo people (one per role and institution kind) when the hub has no accounts yet,
 * also in a data directory seeded before accounts existed; returns them with their passwords.
 */
export async function seedDemoPeople(
  storeFor: (name: StoreName) => Store,
  world: World,
): Promise<DemoPerson[] | null> {
  const { db } = storeFor('gateway');
  const [row] = await db.select({ rows: count() }).from(accounts);
  if ((row?.rows ?? 0) > 0) return null;
  return seedPeople(db, world);
}
