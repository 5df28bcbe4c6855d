import { BadUserInputError, ConflictError, NotFoundError } from '../../../shared/errors.js';
import { definedOnly, parseInput } from '../../../shared/validation/input.js';
import { assertCanManageAgencies } from '../access.js';
import { registryEntity } from '../audit.js';
import type { Context } from '../context.js';
import type { PlacementAgencyRow } from '../db/schema.js';
import { insertAgency, licenceNumberTaken, updateAgency } from '../db/queries/agencies.js';
import { isUniqueViolation } from '../db/queries/unique.js';
import {
  id as agencyIdSchema,
  registerPlacementAgencyInput,
  updateAgencyLicenceInput,
} from '../validation.js';

const LICENCE_TAKEN = 'An agency with this licence number (SIP3MI) is already registered.';

export async function registerPlacementAgency(
  context: Context,
  rawInput: unknown,
): Promise<PlacementAgencyRow> {
  const input = parseInput(registerPlacementAgencyInput, rawInput);
  assertCanManageAgencies(context.principal);
  if (await licenceNumberTaken(context.db, input.licenceNumber)) throw new ConflictError(LICENCE_TAKEN);
  try {
    return await context.db.transaction(async (tx) => {
      const agency = await insertAgency(tx, {
        ...input,
        licenceStatus: 'ACTIVE',
        createdBy: context.principal.institutionId,
      });
      await context.audit.wrote(tx, [
        { ...registryEntity('PlacementAgency', agency.id), fields: [...Object.keys(input), 'licenceStatus'] },
      ]);
      return agency;
    });
  } catch (error) {
    // Two registrations of one number at the same moment: the unique index decides.
    if (isUniqueViolation(error)) throw new ConflictError(LICENCE_TAKEN);
    throw error;
  }
}

/** An agency the ministry may change; a missing one is NOT_FOUND. */
export async function existingAgency(context: Context, id: string): Promise<PlacementAgencyRow> {
  const agency = await context.loaders.agencyById.load(id);
  if (!agency) throw new NotFoundError('PlacementAgency');
  return agency;
}

export async function updateAgencyLicence(
  context: Context,
  rawId: unknown,
  rawInput: unknown,
): Promise<PlacementAgencyRow> {
  const id = parseInput(agencyIdSchema, rawId, 'id');
  const input = parseInput(updateAgencyLicenceInput, rawInput);
  assertCanManageAgencies(context.principal);
  const agency = await existingAgency(context, id);
  if (agency.licenceStatus === 'REVOKED') {
    throw new ConflictError('A revoked licence is final; the agency must apply for a new licence.');
  }
  if (input.licenceValidUntil && input.licenceValidUntil < agency.licenceValidFrom) {
    throw BadUserInputError.of(
      'input.licenceValidUntil',
      `must not be before the licence's start, ${agency.licenceValidFrom}`,
    );
  }
  const changes = definedOnly(input);
  const updated = await context.db.transaction(async (tx) => {
    const row = await updateAgency(tx, agency.id, changes);
    await context.audit.wrote(tx, [
      { ...registryEntity('PlacementAgency', agency.id), fields: Object.keys(changes) },
    ]);
    return row;
  });
  context.loaders.agencyById.clear(agency.id).prime(agency.id, updated);
  return updated;
}
