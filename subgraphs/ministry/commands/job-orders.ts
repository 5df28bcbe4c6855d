import { BadUserInputError, ConflictError } from '../../../shared/errors.js';
import { todayInJakarta } from '../../../shared/scalars.js';
import { parseInput } from '../../../shared/validation/input.js';
import { assertCanManageAgencies } from '../access.js';
import { registryEntity } from '../audit.js';
import type { Context } from '../context.js';
import type { JobOrderRow } from '../db/schema.js';
import { insertJobOrder, permitNumberTaken } from '../db/queries/agencies.js';
import { isUniqueViolation } from '../db/queries/unique.js';
import { presentedLicenceStatus } from '../licence.js';
import { createJobOrderInput } from '../validation.js';

const PERMIT_TAKEN = 'A job order with this recruitment permit number (SIP2MI) is already recorded.';

export async function createJobOrder(context: Context, rawInput: unknown): Promise<JobOrderRow> {
  const input = parseInput(createJobOrderInput, rawInput);
  assertCanManageAgencies(context.principal);
  const agency = await context.loaders.agencyById.load(input.agencyId);
  if (!agency) throw BadUserInputError.of('input.agencyId', 'is not a registered placement agency');
  const status = presentedLicenceStatus(agency, todayInJakarta());
  if (status !== 'ACTIVE') {
    throw new ConflictError(
      `The agency's licence is ${status.toLowerCase()}; it may not take new job orders.`,
    );
  }
  if (await permitNumberTaken(context.db, input.recruitmentPermitNumber))
    throw new ConflictError(PERMIT_TAKEN);
  const values = { ...input, verifiedByMission: input.verifiedByMission ?? false };
  try {
    return await context.db.transaction(async (tx) => {
      const order = await insertJobOrder(tx, { ...values, createdBy: context.principal.institutionId });
      await context.audit.wrote(tx, [
        { ...registryEntity('JobOrder', order.id), fields: Object.keys(values) },
      ]);
      return order;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(PERMIT_TAKEN);
    throw error;
  }
}
