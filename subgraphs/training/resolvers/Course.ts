import { uuid } from '../../../shared/validation/input.js';
import type { CourseResolvers } from '../__generated__/resolvers-types.js';
import { assertOwnsProvider } from '../access.js';
import type { Context } from '../context.js';
import type { CourseRow } from '../db/schema.js';

async function providerOf(course: CourseRow, { loaders }: Context) {
  const provider = await loaders.providerById.load(course.providerId);
  if (!provider) throw new Error(`course ${course.id} has no provider ${course.providerId}`);
  return provider;
}

export const Course: CourseResolvers = {
  __resolveReference: async ({ id }, { loaders }) =>
    uuid.safeParse(id).success ? loaders.courseById.load(id) : null,
  provider: (course, _args, context) => providerOf(course, context),
  enrolledCount: (course, _args, { loaders }) => loaders.enrolledCountByCourseId.load(course.id),
  enrollments: async (course, _args, context) => {
    assertOwnsProvider(context.principal, await providerOf(course, context));
    return context.loaders.enrollmentsByCourseId.load(course.id);
  },
};
