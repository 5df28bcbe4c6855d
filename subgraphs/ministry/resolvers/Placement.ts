import { GraphQLError } from 'graphql';
import { BadUserInputError } from '../../../shared/errors.js';
import { todayInJakarta } from '../../../shared/scalars.js';
import { uuid } from '../../../shared/validation/input.js';
import type { PlacementResolvers } from '../__generated__/resolvers-types.js';
import { placementCompliance } from '../compliance.js';
import { placementFacts } from '../validation.js';

const UNSIGNED_FACTS = new GraphQLError(
  'Placement.compliance is checked only on the facts the hub gateway fetched from their owners; ask through the gateway.',
  { extensions: { code: 'FORBIDDEN', field: 'Placement.compliance' } },
);

export const Placement: PlacementResolvers = {
  // Labour owns the placement; the ministry adds only the legality check, from the required facts.
  __resolveReference: (reference) => (uuid.safeParse(reference.id).success ? reference : null),
  compliance: async (placement, _args, { loaders, viaGateway }) => {
    // Every fact the check runs on arrives in the representation: believed only as the gateway
    // signed it, never as a direct caller (or a peer router) wrote it.
    if (!viaGateway) throw UNSIGNED_FACTS;
    const parsed = placementFacts.safeParse(placement);
    if (!parsed.success) {
      throw BadUserInputError.of('representations', 'a Placement needs the facts compliance @requires');
    }
    const facts = parsed.data;
    // Ids that are not UUIDs name nothing in the registry; they are found unknown without SQL.
    const agencyId = facts.agencyId && uuid.safeParse(facts.agencyId).success ? facts.agencyId : null;
    const jobOrderId = facts.jobOrderId && uuid.safeParse(facts.jobOrderId).success ? facts.jobOrderId : null;
    // All three loads are queued together, so N placements cost three statements in all.
    const [agency, jobOrder, sanctions] = await Promise.all([
      agencyId ? loaders.agencyById.load(agencyId) : null,
      jobOrderId ? loaders.jobOrderById.load(jobOrderId) : null,
      agencyId ? loaders.sanctionsByAgencyId.load(agencyId) : [],
    ]);
    return placementCompliance(facts, { agency, jobOrder, sanctions }, todayInJakarta());
  },
};
