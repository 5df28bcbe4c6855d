import type { Principal } from '../../shared/auth/principal.js';
import { ForbiddenError, NotFoundError } from '../../shared/errors.js';
import { isWithinRegion } from '../../shared/reference/regions.js';

/**
 * Which workers a principal may see at all (DESIGN section 4, rows). Every query that touches
 * workers, or rows that hang off a worker, filters by this scope inside SQL, so lists, counts,
 * search by NIK and `_entities` with a guessed id all obey it.
 */
export type WorkerScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'region'; readonly regionCode: string }
  | { readonly kind: 'consent'; readonly institutionId: string; readonly purpose: 'TRAINING' | 'EMPOWERMENT' }
  | { readonly kind: 'none' };

export function workerScopeOf(principal: Principal): WorkerScope {
  switch (principal.institutionKind) {
    case 'MINISTRY':
      return { kind: 'all' };
    case 'LABOUR_OFFICE':
      return principal.regionCode ? { kind: 'region', regionCode: principal.regionCode } : { kind: 'none' };
    case 'TRAINING_PROVIDER':
      return { kind: 'consent', institutionId: principal.institutionId, purpose: 'TRAINING' };
    case 'UNIVERSITY':
      return { kind: 'consent', institutionId: principal.institutionId, purpose: 'EMPOWERMENT' };
  }
}

/**
 * Documents, placements and consents are for statutory institutions only (DESIGN section 4): a
 * training provider or university that may see the worker still sees none of these records.
 */
export function recordScopeOf(scope: WorkerScope): WorkerScope {
  return scope.kind === 'consent' ? { kind: 'none' } : scope;
}

/** Only the labour office of the worker's region writes worker records (DESIGN section 4, writes). */
export function assertCanWriteInRegion(principal: Principal, districtCode: string): void {
  if (principal.institutionKind !== 'LABOUR_OFFICE') {
    throw new ForbiddenError('Only a district labour office records worker data.');
  }
  if (!principal.regionCode || !isWithinRegion(districtCode, principal.regionCode)) {
    throw new ForbiddenError('This worker lives outside the region your office serves.');
  }
}

/** The error for a worker that does not exist and for one the caller may not see: the same, on purpose. */
export function workerNotFound(): NotFoundError {
  return new NotFoundError('Worker');
}
