import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { issueCertification, revokeCertification } from '../commands/certifications.js';
import { createCourse } from '../commands/courses.js';
import { enrollWorker, updateEnrollment } from '../commands/enrollments.js';
import { registerTrainingProvider } from '../commands/providers.js';

export const Mutation: MutationResolvers = {
  registerTrainingProvider: (_parent, { input }, context) => registerTrainingProvider(context, input),
  createCourse: (_parent, { input }, context) => createCourse(context, input),
  enrollWorker: (_parent, { courseId, workerId }, context) => enrollWorker(context, courseId, workerId),
  updateEnrollment: (_parent, { id, input }, context) => updateEnrollment(context, id, input),
  issueCertification: (_parent, { input }, context) => issueCertification(context, input),
  revokeCertification: (_parent, { id, input }, context) => revokeCertification(context, id, input),
};
