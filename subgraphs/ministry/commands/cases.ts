import { BadUserInputError, NotFoundError } from '../../../shared/errors.js';
import { isWithinRegion } from '../../../shared/reference/regions.js';
import { todayInJakarta } from '../../../shared/scalars.js';
import { parseInput } from '../../../shared/validation/input.js';
import { assertCanOpenCases } from '../access.js';
import { caseEntity } from '../audit.js';
import type { Context } from '../context.js';
import type { CaseRow } from '../db/schema.js';
import { insertCase } from '../db/queries/cases.js';
import { openCaseInput } from '../validation.js';
import { workerFacts } from '../worker-facts.js';

/**
 * Opens a complaint case. The worker's kecamatan comes from labour through the gateway and is kept
 * on the case, so the row rule and the statistics never need labour's tables. No transaction is
 * open during that call: in embedded mode every subgraph shares one database.
 */
export async function openCase(context: Context, rawInput: unknown): Promise<CaseRow> {
  const input = parseInput(openCaseInput, rawInput);
  const { principal } = context;
  assertCanOpenCases(principal);
  if (input.agencyId && !(await context.loaders.agencyById.load(input.agencyId))) {
    throw BadUserInputError.of('input.agencyId', 'is not a registered placement agency');
  }
  const worker = await workerFacts(context, input.workerId);
  // Labour shows an office only its own region's workers; should it ever answer otherwise, the
  // office still may not open a case for someone it could not see.
  const outsideRegion = !principal.regionCode || !isWithinRegion(worker.districtCode, principal.regionCode);
  if (principal.institutionKind === 'LABOUR_OFFICE' && outsideRegion) throw new NotFoundError('Worker');
  if (input.placementId && !worker.placementIds?.includes(input.placementId)) {
    throw BadUserInputError.of('input.placementId', "is not one of this worker's placements");
  }
  const openedAt = new Date();
  return context.db.transaction(async (tx) => {
    const opened = await insertCase(tx, todayInJakarta(openedAt).slice(0, 4), {
      workerId: input.workerId,
      workerDistrictCode: worker.districtCode,
      placementId: input.placementId ?? null,
      category: input.category,
      status: 'OPEN',
      channel: input.channel,
      countryCode: input.countryCode ?? null,
      agencyId: input.agencyId ?? null,
      summary: input.summary,
      openedAt,
      openedByInstitutionId: principal.institutionId,
      updatedAt: openedAt,
    });
    await context.audit.wrote(tx, [{ ...caseEntity(opened), fields: Object.keys(input) }]);
    return opened;
  });
}
