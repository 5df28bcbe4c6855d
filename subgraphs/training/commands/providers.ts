import { ConflictError, ForbiddenError, NotFoundError } from '../../../shared/errors.js';
import { parseInput } from '../../../shared/validation/input.js';
import { assertCanWriteTraining, isOwnProvider } from '../access.js';
import { directoryEntity } from '../audit.js';
import type { Context } from '../context.js';
import type { CourseRow, TrainingProviderRow } from '../db/schema.js';
import { insertProvider } from '../db/queries/directory.js';
import { registerTrainingProviderInput } from '../validation.js';

export async function registerTrainingProvider(
  context: Context,
  rawInput: unknown,
): Promise<TrainingProviderRow> {
  const input = parseInput(registerTrainingProviderInput, rawInput);
  assertCanWriteTraining(context.principal);
  return context.db.transaction(async (tx) => {
    const provider = await insertProvider(tx, {
      institutionId: context.principal.institutionId,
      name: input.name,
      kind: input.kind,
      accreditation: input.accreditation,
      accreditationValidUntil: input.accreditationValidUntil ?? null,
      regionCode: input.regionCode,
    });
    if (!provider)
      throw new ConflictError('Your institution already registered a training provider of this name.');
    await context.audit.wrote(tx, [
      { ...directoryEntity('TrainingProvider', provider.id), fields: Object.keys(input) },
    ]);
    return provider;
  });
}

/**
 * A provider the caller's institution runs. Another institution's provider is answered exactly
 * like a missing one: a registrar learns nothing about others by guessing ids.
 */
export async function ownProvider(context: Context, providerId: string): Promise<TrainingProviderRow> {
  const provider = await context.loaders.providerById.load(providerId);
  if (!provider || !isOwnProvider(context.principal, provider)) throw new NotFoundError('TrainingProvider');
  return provider;
}

/**
 * A course at one of the caller's providers. Courses are public (anyone may read `course(id)`),
 * so another provider's course is refused as such, not hidden behind NOT_FOUND.
 */
export async function ownCourse(context: Context, courseId: string): Promise<CourseRow> {
  const course = await context.loaders.courseById.load(courseId);
  if (!course) throw new NotFoundError('Course');
  const provider = await context.loaders.providerById.load(course.providerId);
  if (!isOwnProvider(context.principal, provider))
    throw new ForbiddenError(
      'This course belongs to another training provider; your institution enrols and certifies only in its own courses.',
    );
  return course;
}
