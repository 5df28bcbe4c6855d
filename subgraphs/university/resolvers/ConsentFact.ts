import type { ConsentFactResolvers } from '../__generated__/resolvers-types.js';
import { isConsentFactActive } from '../commands/consent-facts.js';

export const ConsentFact: ConsentFactResolvers = {
  active: (fact) => isConsentFactActive(fact),
};
