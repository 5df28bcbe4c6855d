import { insertInChunks, type Database } from '../../../shared/db/database.js';
import type { World } from '../../../shared/demo/world.js';
import { certifications, consentFacts, courses, enrollments, trainingProviders } from './schema.js';

/**
 * Loads the training providers' part of the demo world. Consent facts are the ones the labour
 * offices would have shared at the desk (every purpose, as the live path does).
 */
export async function seedTraining(db: Database, world: World): Promise<void> {
  await db.transaction(async (tx) => {
    await insertInChunks(tx, trainingProviders, [...world.providers]);
    await insertInChunks(tx, courses, [...world.courses]);
    await insertInChunks(
      tx,
      consentFacts,
      world.consents.map(({ recordedBy: _recordedBy, id, ...consent }) => ({ ...consent, consentId: id })),
    );
    await insertInChunks(
      tx,
      enrollments,
      world.enrollments.map((enrollment) => ({ ...enrollment, updatedAt: enrollment.enrolledAt })),
    );
    await insertInChunks(tx, certifications, [...world.certifications]);
  });
}
