import { hasScope, type Principal } from '../../shared/auth/principal.js';
import { ForbiddenError, NotFoundError } from '../../shared/errors.js';
import type { ConsentPurpose, TrainingProviderRow } from './db/schema.js';

/**
 * Which enrolments or certifications a principal may see (DESIGN section 4). Every query that
 * returns them filters by a scope inside SQL, so lists, `_entities` and lookups by a guessed id
 * all obey it, and a hidden record is indistinguishable from a missing one.
 */
export type RecordScope =
  | { readonly kind: 'all' }
  /** Records whose worker lived in the region when they were made (district snapshot). */
  | { readonly kind: 'region'; readonly regionCode: string }
  /** Records of the institution's own providers, while the worker's TRAINING consent is active. */
  | { readonly kind: 'own'; readonly institutionId: string }
  /** Every record of the worker, while the worker's consent for this purpose is active. */
  | { readonly kind: 'consent'; readonly institutionId: string; readonly purpose: ConsentPurpose }
  | { readonly kind: 'none' };

function statutoryScope(principal: Principal): RecordScope | null {
  if (principal.institutionKind === 'MINISTRY') return { kind: 'all' };
  if (principal.institutionKind === 'LABOUR_OFFICE') {
    return principal.regionCode ? { kind: 'region', regionCode: principal.regionCode } : { kind: 'none' };
  }
  return null;
}

export function enrollmentScopeOf(principal: Principal): RecordScope {
  const statutory = statutoryScope(principal);
  if (statutory) return statutory;
  return principal.institutionKind === 'TRAINING_PROVIDER'
    ? { kind: 'own', institutionId: principal.institutionId }
    : { kind: 'none' };
}

export function certificationScopeOf(principal: Principal): RecordScope {
  const statutory = statutoryScope(principal);
  if (statutory) return statutory;
  return principal.institutionKind === 'TRAINING_PROVIDER'
    ? { kind: 'own', institutionId: principal.institutionId }
    : { kind: 'consent', institutionId: principal.institutionId, purpose: 'EMPOWERMENT' };
}

/** Universities never see enrolments (DESIGN section 4, fields): the field answers FORBIDDEN. */
export function assertMaySeeEnrollments(principal: Principal): void {
  if (principal.institutionKind === 'UNIVERSITY') {
    throw new ForbiddenError('Universities may not see training enrolments.');
  }
}

/** Only a provider's own institution sees who is enrolled in its course. */
export function assertOwnsProvider(principal: Principal, provider: TrainingProviderRow): void {
  if (provider.institutionId !== principal.institutionId) {
    throw new ForbiddenError('Only the institution that runs this course may see its enrolments.');
  }
}

export function isOwnProvider(principal: Principal, provider: TrainingProviderRow | null): boolean {
  return provider !== null && provider.institutionId === principal.institutionId;
}

/** Courses, enrolments, completions and certificates are written by training providers only. */
export function assertCanWriteTraining(principal: Principal): void {
  if (principal.institutionKind !== 'TRAINING_PROVIDER' || !hasScope(principal, 'training:write')) {
    throw new ForbiddenError('Only a training provider client with training:write records training.');
  }
}

/** A worker without an active TRAINING consent for the caller and an unknown worker: the same, on purpose. */
export function workerNotFound(): NotFoundError {
  return new NotFoundError('Worker');
}
