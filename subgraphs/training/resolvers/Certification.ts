import { uuid } from '../../../shared/validation/input.js';
import type { CertificationResolvers } from '../__generated__/resolvers-types.js';

export const Certification: CertificationResolvers = {
  // The loader applies the caller's row rule: a hidden certificate resolves to null like a missing one.
  __resolveReference: async ({ id }, { loaders }) =>
    uuid.safeParse(id).success ? loaders.certificationById.load(id) : null,
  worker: (certification) => ({ id: certification.workerId }),
  course: (certification, _args, { loaders }) =>
    certification.courseId ? loaders.courseById.load(certification.courseId) : null,
};
