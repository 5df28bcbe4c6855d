import { uuid } from '../../../shared/validation/input.js';
import type { MentoringSessionResolvers } from '../__generated__/resolvers-types.js';
import { seesFullSession } from '../access.js';
import type { Context } from '../context.js';
import type { VisibleSession } from '../db/queries/sessions.js';

/**
 * Summary viewers (the ministry, the labour office of a participant's region) read id, programme,
 * date, form and topics; every other field resolves to null for them. The SDL keeps exactly those
 * fields nullable so that a summary is an ordinary answer rather than an error: null here means
 * "kept by the programme's university" (DESIGN section 4, mentoring sessions). Callers who may not
 * see the session at all never get this far: the loaders filter them out in SQL.
 */
function ownUniversityOnly<K extends keyof VisibleSession>(field: K) {
  return (session: VisibleSession, _args: unknown, { principal }: Context): VisibleSession[K] | null =>
    seesFullSession(principal, session.ownerInstitutionId) ? session[field] : null;
}

export const MentoringSession: MentoringSessionResolvers = {
  // `_entities` may carry any id; the loader applies the caller's session rule, so a hidden
  // session resolves to null exactly like a missing one.
  __resolveReference: async ({ id }, { loaders }) =>
    uuid.safeParse(id).success ? loaders.sessionById.load(id) : null,
  program: async (session, _args, { loaders }) => {
    const program = await loaders.programById.load(session.programId);
    if (!program) throw new Error(`session ${session.id} has no programme`);
    return program;
  },
  mentor: (session, _args, { principal, loaders }) =>
    seesFullSession(principal, session.ownerInstitutionId) ? loaders.mentorById.load(session.mentorId) : null,
  // Only participants whose consent to the university is still in force are named.
  participants: async (session, _args, { principal, loaders }) =>
    seesFullSession(principal, session.ownerInstitutionId)
      ? (await loaders.participantsBySessionId.load(session.id)).map((participant) => ({
          id: participant.workerId,
          knownDistrictCode: participant.workerDistrictCode,
        }))
      : null,
  durationMinutes: ownUniversityOnly('durationMinutes'),
  mode: ownUniversityOnly('mode'),
  locationCode: ownUniversityOnly('locationCode'),
  businessStatus: ownUniversityOnly('businessStatus'),
  revenueBand: ownUniversityOnly('revenueBand'),
  needs: ownUniversityOnly('needs'),
  referrals: ownUniversityOnly('referrals'),
  actionPlan: ownUniversityOnly('actionPlan'),
  nextSessionDate: ownUniversityOnly('nextSessionDate'),
  reMigrationIntent: ownUniversityOnly('reMigrationIntent'),
  notes: ownUniversityOnly('notes'),
};
