import { insertInChunks, type Database } from '../../../shared/db/database.js';
import type { World } from '../../../shared/demo/world.js';
import {
  consentFacts,
  mentoringPrograms,
  mentoringSessions,
  mentors,
  sessionParticipants,
  universities,
  type MentoringSessionRow,
  type MentoringTopic,
  type Referral,
} from './schema.js';

type SessionInsert = typeof mentoringSessions.$inferInsert;

/**
 * Loads the universities' part of the demo world. Consent facts are the ones the labour offices
 * would have shared at the desk (every purpose, as the live path does).
 */
export async function seedUniversity(db: Database, world: World): Promise<void> {
  await db.transaction(async (tx) => {
    await insertInChunks(tx, universities, [...world.universities]);
    await insertInChunks(tx, mentoringPrograms, [...world.programs]);
    await insertInChunks(
      tx,
      mentors,
      world.mentors.map((mentor) => ({ ...mentor, expertise: mentor.expertise as MentoringTopic[] })),
    );
    await insertInChunks(
      tx,
      consentFacts,
      world.consents.map(({ recordedBy: _recordedBy, id, ...consent }) => ({ ...consent, consentId: id })),
    );
    await insertInChunks(
      tx,
      mentoringSessions,
      world.sessions.map(({ participants: _participants, createdBy, ...session }): SessionInsert => ({
        ...session,
        topics: session.topics as MentoringTopic[],
        needs: [...session.needs],
        referrals: session.referrals as Referral[],
        businessStatus: session.businessStatus as MentoringSessionRow['businessStatus'],
        revenueBand: session.revenueBand as MentoringSessionRow['revenueBand'],
        reMigrationIntent: session.reMigrationIntent as MentoringSessionRow['reMigrationIntent'],
        createdByInstitutionId: createdBy,
      })),
    );
    await insertInChunks(
      tx,
      sessionParticipants,
      world.sessions.flatMap((session) =>
        session.participants.map((participant) => ({ sessionId: session.id, ...participant })),
      ),
    );
  });
}
