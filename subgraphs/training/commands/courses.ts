import { parseInput } from '../../../shared/validation/input.js';
import { assertCanWriteTraining } from '../access.js';
import { directoryEntity } from '../audit.js';
import type { Context } from '../context.js';
import type { CourseRow } from '../db/schema.js';
import { insertCourse } from '../db/queries/directory.js';
import { createCourseInput } from '../validation.js';
import { ownProvider } from './providers.js';

export async function createCourse(context: Context, rawInput: unknown): Promise<CourseRow> {
  const input = parseInput(createCourseInput, rawInput);
  assertCanWriteTraining(context.principal);
  const provider = await ownProvider(context, input.providerId);
  return context.db.transaction(async (tx) => {
    const course = await insertCourse(tx, {
      providerId: provider.id,
      title: input.title,
      kind: input.kind,
      skill: input.skill ?? null,
      language: input.language ?? null,
      hours: input.hours,
      startDate: input.startDate,
      endDate: input.endDate,
      capacity: input.capacity,
    });
    await context.audit.wrote(tx, [{ ...directoryEntity('Course', course.id), fields: Object.keys(input) }]);
    return course;
  });
}
