import type { ConsentFactResolvers } from '../__generated__/resolvers-types.js';
import { isConsentFactActive } from '../consents.js';

export const ConsentFact: ConsentFactResolvers = {
  active: (fact) => isConsentFactActive(fact),
};
