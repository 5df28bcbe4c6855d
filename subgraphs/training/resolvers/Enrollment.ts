import { uuid } from '../../../shared/validation/input.js';
import type { EnrollmentResolvers } from '../__generated__/resolvers-types.js';

export const Enrollment: EnrollmentResolvers = {
  // `_entities` may carry any id; the loader applies the caller's row rule, so a hidden
  // enrolment resolves to null exactly like a missing one.
  __resolveReference: async ({ id }, { loaders }) =>
    uuid.safeParse(id).success ? loaders.enrollmentById.load(id) : null,
  course: async (enrollment, _args, { loaders }) => {
    const course = await loaders.courseById.load(enrollment.courseId);
    if (!course) throw new Error(`enrollment ${enrollment.id} has no course ${enrollment.courseId}`);
    return course;
  },
  worker: (enrollment) => ({ id: enrollment.workerId }),
};
