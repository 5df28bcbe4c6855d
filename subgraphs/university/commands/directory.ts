import { ConflictError } from '../../../shared/errors.js';
import { parseInput } from '../../../shared/validation/input.js';
import { assertCanWriteMentoring, ownUniversity } from '../access.js';
import { directoryEntity } from '../audit.js';
import type { Context } from '../context.js';
import type { MentoringProgramRow, MentorRow, UniversityRow } from '../db/schema.js';
import {
  insertMentor,
  insertProgram,
  insertUniversity,
  universityNameTaken,
} from '../db/queries/directory.js';
import { addMentorInput, createMentoringProgramInput, registerUniversityInput } from '../validation.js';

// Directory writes concern no worker, but every write is logged (DESIGN section 4,
// accountability): each insert and its access event commit or fail together.

export async function registerUniversity(context: Context, rawInput: unknown): Promise<UniversityRow> {
  const input = parseInput(registerUniversityInput, rawInput);
  assertCanWriteMentoring(context.principal);
  const institutionId = context.principal.institutionId;
  if (await universityNameTaken(context.db, institutionId, input.name)) {
    throw new ConflictError('Your institution already registered a university with this name.');
  }
  return context.db.transaction(async (tx) => {
    const university = await insertUniversity(tx, {
      institutionId,
      name: input.name,
      regionCode: input.regionCode,
    });
    await context.audit.wrote(tx, [
      { ...directoryEntity('University', university.id), fields: Object.keys(input) },
    ]);
    return university;
  });
}

/** A university of the caller's own institution, or NOT_FOUND (also for another institution's). */
export async function writableUniversity(context: Context, universityId: string): Promise<UniversityRow> {
  return ownUniversity(context.principal, await context.loaders.universityById.load(universityId));
}

export async function createMentoringProgram(
  context: Context,
  rawInput: unknown,
): Promise<MentoringProgramRow> {
  const input = parseInput(createMentoringProgramInput, rawInput);
  assertCanWriteMentoring(context.principal);
  const university = await writableUniversity(context, input.universityId);
  return context.db.transaction(async (tx) => {
    const program = await insertProgram(tx, {
      universityId: university.id,
      title: input.title,
      empowermentType: input.empowermentType,
      villageCode: input.villageCode,
      startDate: input.startDate,
      endDate: input.endDate ?? null,
      description: input.description ?? null,
    });
    await context.audit.wrote(tx, [
      { ...directoryEntity('MentoringProgram', program.id), fields: Object.keys(input) },
    ]);
    return program;
  });
}

export async function addMentor(context: Context, rawInput: unknown): Promise<MentorRow> {
  const input = parseInput(addMentorInput, rawInput);
  assertCanWriteMentoring(context.principal);
  const university = await writableUniversity(context, input.universityId);
  return context.db.transaction(async (tx) => {
    const mentor = await insertMentor(tx, {
      universityId: university.id,
      fullName: input.fullName,
      expertise: input.expertise,
    });
    await context.audit.wrote(tx, [{ ...directoryEntity('Mentor', mentor.id), fields: Object.keys(input) }]);
    return mentor;
  });
}
