import { hasScope, type Principal } from '../../shared/auth/principal.js';
import { ForbiddenError, NotFoundError } from '../../shared/errors.js';
import { isWithinRegion } from '../../shared/reference/regions.js';

/**
 * Which complaint cases a principal may see at all (DESIGN section 4: cases need `cases:read`,
 * never for training providers or universities). Every query that returns cases filters by this
 * scope inside SQL, so lists, counts, `Worker.cases` and `_entities` with a guessed id all obey it.
 * A labour office sees the cases of workers whose kecamatan, as recorded when the case was opened,
 * lies in its region.
 */
export type CaseScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'region'; readonly regionCode: string }
  | { readonly kind: 'none' };

export function caseScopeOf(principal: Principal): CaseScope {
  if (!hasScope(principal, 'cases:read')) return { kind: 'none' };
  switch (principal.institutionKind) {
    case 'MINISTRY':
      return { kind: 'all' };
    case 'LABOUR_OFFICE':
      return principal.regionCode ? { kind: 'region', regionCode: principal.regionCode } : { kind: 'none' };
    case 'TRAINING_PROVIDER':
    case 'UNIVERSITY':
      return { kind: 'none' };
  }
}

export function canSeeCaseOf(scope: CaseScope, workerDistrictCode: string): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'region':
      return isWithinRegion(workerDistrictCode, scope.regionCode);
  }
}

/**
 * `Worker.cases`: refused outright to those who may never see cases; a labour office asking about a
 * worker who lives outside its region is refused too (the representation is the caller's claim).
 */
export function assertCanReadWorkerCases(scope: CaseScope, districtCode: unknown): void {
  if (scope.kind === 'none') throw new ForbiddenError('Your institution may not see complaint cases.');
  if (scope.kind === 'region' && (typeof districtCode !== 'string' || !canSeeCaseOf(scope, districtCode))) {
    throw new ForbiddenError('This worker lives outside the region your office serves.');
  }
}

/** Licensing, sanctions and job orders are the ministry's statutory task (DESIGN section 4, writes). */
export function assertCanManageAgencies(principal: Principal): void {
  if (principal.institutionKind !== 'MINISTRY' || !hasScope(principal, 'agencies:write')) {
    throw new ForbiddenError('Only the ministry licenses and sanctions placement agencies.');
  }
}

/** Labour offices (for workers of their region, which labour enforces) and the ministry open cases. */
export function assertCanOpenCases(principal: Principal): void {
  const kind = principal.institutionKind;
  if ((kind !== 'LABOUR_OFFICE' && kind !== 'MINISTRY') || !hasScope(principal, 'cases:write')) {
    throw new ForbiddenError('Only a labour office or the ministry opens complaint cases.');
  }
}

/** Following a case up (notes, status, resolution) is the ministry's. */
export function assertCanUpdateCases(principal: Principal): void {
  if (principal.institutionKind !== 'MINISTRY' || !hasScope(principal, 'cases:write')) {
    throw new ForbiddenError('Only the ministry updates complaint cases.');
  }
}

export function assertCanReadStats(principal: Principal): void {
  if (!hasScope(principal, 'stats:read')) {
    throw new ForbiddenError('Your client may not read statistics.');
  }
}

/** The same error for a case that does not exist and one the caller may not see, on purpose. */
export function caseNotFound(): NotFoundError {
  return new NotFoundError('Case');
}
