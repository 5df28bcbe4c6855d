import { BadUserInputError, ConflictError } from '../../../shared/errors.js';
import { parseInput } from '../../../shared/validation/input.js';
import { assertCanManageAgencies } from '../access.js';
import { registryEntity } from '../audit.js';
import type { Context } from '../context.js';
import type { SanctionRow } from '../db/schema.js';
import { insertSanction, updateAgency } from '../db/queries/agencies.js';
import { licenceStatusAfter } from '../licence.js';
import { imposeSanctionInput } from '../validation.js';

/**
 * Records a sanction. A suspension or revocation changes the licence in the same transaction, so the
 * registry never shows a sanction without its effect (or the effect without its reason).
 */
export async function imposeSanction(context: Context, rawInput: unknown): Promise<SanctionRow> {
  const input = parseInput(imposeSanctionInput, rawInput);
  assertCanManageAgencies(context.principal);
  const agency = await context.loaders.agencyById.load(input.agencyId);
  if (!agency) throw BadUserInputError.of('input.agencyId', 'is not a registered placement agency');
  if (input.caseId) {
    const complaint = await context.loaders.caseById.load(input.caseId);
    if (!complaint) throw BadUserInputError.of('input.caseId', 'is not a known case');
    if (complaint.agencyId !== null && complaint.agencyId !== agency.id) {
      throw BadUserInputError.of('input.caseId', 'concerns another agency');
    }
  }
  const licenceStatus = licenceStatusAfter(input.type);
  if (licenceStatus && agency.licenceStatus === 'REVOKED') {
    throw new ConflictError("This agency's licence is already revoked.");
  }
  const sanction = await context.db.transaction(async (tx) => {
    const inserted = await insertSanction(tx, {
      agencyId: agency.id,
      type: input.type,
      reason: input.reason,
      imposedOn: input.imposedOn,
      effectiveUntil: input.effectiveUntil ?? null,
      caseId: input.caseId ?? null,
      createdBy: context.principal.institutionId,
    });
    if (licenceStatus) {
      // The rest of this request (the sanction's `agency`) must see the licence as it now is.
      const updated = await updateAgency(tx, agency.id, { licenceStatus });
      context.loaders.agencyById.clear(agency.id).prime(agency.id, updated);
    }
    await context.audit.wrote(tx, [
      { ...registryEntity('Sanction', inserted.id), fields: Object.keys(input) },
      ...(licenceStatus
        ? [{ ...registryEntity('PlacementAgency', agency.id), fields: ['licenceStatus'] }]
        : []),
    ]);
    return inserted;
  });
  return sanction;
}
