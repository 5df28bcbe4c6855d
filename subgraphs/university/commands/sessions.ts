import { BadUserInputError, NotFoundError } from '../../../shared/errors.js';
import { parseInput } from '../../../shared/validation/input.js';
import { assertCanWriteMentoring } from '../access.js';
import { sessionEntities } from '../audit.js';
import type { Context } from '../context.js';
import type { MentoringProgramRow, UniversityRow } from '../db/schema.js';
import { findActiveEmpowermentFacts } from '../db/queries/consent-facts.js';
import { insertSession, type VisibleSession } from '../db/queries/sessions.js';
import { participantDistricts, sessionDateProblem } from '../sessions.js';
import { logMentoringSessionInput } from '../validation.js';

/** A programme of one of the caller's universities; another institution's programme is NOT_FOUND like a missing one. */
async function writableProgram(
  context: Context,
  programId: string,
): Promise<{ program: MentoringProgramRow; university: UniversityRow }> {
  const program = await context.loaders.programById.load(programId);
  const university = program ? await context.loaders.universityById.load(program.universityId) : null;
  if (!program || university?.institutionId !== context.principal.institutionId) {
    throw new NotFoundError('MentoringProgram');
  }
  return { program, university };
}

/**
 * Logs a session with its participants in one transaction. Every participant needs an active
 * EMPOWERMENT consent for the caller's institution, read from the consent facts the labour
 * subgraph shared here; their district is snapshotted from that fact for the regional views.
 */
export async function logMentoringSession(context: Context, rawInput: unknown): Promise<VisibleSession> {
  const input = parseInput(logMentoringSessionInput, rawInput);
  assertCanWriteMentoring(context.principal);
  const { program, university } = await writableProgram(context, input.programId);
  const dateProblem = sessionDateProblem(program, input.date);
  if (dateProblem) throw BadUserInputError.of('input.date', dateProblem);
  const mentor = await context.loaders.mentorById.load(input.mentorId);
  if (!mentor || mentor.universityId !== university.id) {
    throw BadUserInputError.of('input.mentorId', "is not a mentor of this programme's university");
  }
  const institutionId = context.principal.institutionId;
  const facts = await findActiveEmpowermentFacts(context.db, institutionId, input.participantIds);
  const participants = participantDistricts(input.participantIds, facts);
  if (!participants) throw new NotFoundError('Worker');

  return context.db.transaction(async (tx) => {
    const session = await insertSession(
      tx,
      {
        programId: program.id,
        mentorId: mentor.id,
        date: input.date,
        durationMinutes: input.durationMinutes,
        mode: input.mode,
        locationCode: input.locationCode ?? null,
        form: input.form,
        topics: input.topics,
        businessStatus: input.businessStatus ?? null,
        revenueBand: input.revenueBand ?? null,
        needs: input.needs ?? null,
        referrals: input.referrals ?? null,
        actionPlan: input.actionPlan ?? null,
        nextSessionDate: input.nextSessionDate ?? null,
        reMigrationIntent: input.reMigrationIntent ?? null,
        notes: input.notes ?? null,
        createdByInstitutionId: institutionId,
      },
      participants,
    );
    // One event per participant: the session is part of each one's record.
    const fields = Object.keys(input);
    await context.audit.wrote(
      tx,
      sessionEntities(session.id, participants).map((entity) => ({ ...entity, fields })),
    );
    return { ...session, ownerInstitutionId: university.institutionId, participantSnapshots: participants };
  });
}
