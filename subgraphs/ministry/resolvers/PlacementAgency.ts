import { todayInJakarta } from '../../../shared/scalars.js';
import { uuid } from '../../../shared/validation/input.js';
import type { PlacementAgencyResolvers } from '../__generated__/resolvers-types.js';
import { mustExist } from '../integrity.js';
import { presentedLicenceStatus } from '../licence.js';

export const PlacementAgency: PlacementAgencyResolvers = {
  __resolveReference: async ({ id }, { loaders }) =>
    uuid.safeParse(id).success ? loaders.agencyById.load(id) : null,
  licenceStatus: (agency) => presentedLicenceStatus(agency, todayInJakarta()),
  headOfficeRegion: async (agency, _args, { loaders }) =>
    mustExist(
      await loaders.regionByCode.load(agency.headOfficeRegionCode),
      `region ${agency.headOfficeRegionCode}`,
    ),
  jobOrders: (agency, _args, { loaders }) => loaders.jobOrdersByAgencyId.load(agency.id),
  sanctions: (agency, _args, { loaders }) => loaders.sanctionsByAgencyId.load(agency.id),
};
