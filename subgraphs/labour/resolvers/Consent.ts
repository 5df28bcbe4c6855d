import { uuid } from '../../../shared/validation/input.js';
import type { ConsentResolvers } from '../__generated__/resolvers-types.js';
import { isConsentActive } from '../commands/consents.js';

export const Consent: ConsentResolvers = {
  __resolveReference: async ({ id }, { loaders }) =>
    uuid.safeParse(id).success ? loaders.consentById.load(id) : null,
  worker: async (consent, _args, { loaders }) => {
    const worker = await loaders.workerById.load(consent.workerId);
    if (!worker) throw new Error(`consent ${consent.id} belongs to a worker the caller cannot see`);
    return worker;
  },
  grantee: (consent) => ({ id: consent.granteeInstitutionId }),
  recordedBy: (consent) => ({ id: consent.recordedBy }),
  active: (consent) => isConsentActive(consent),
};
