import { hasScope, type Principal } from '../../shared/auth/principal.js';
import { ForbiddenError, NotFoundError } from '../../shared/errors.js';
import type { UniversityRow } from './db/schema.js';

/**
 * Which mentoring sessions a principal may see at all (DESIGN section 4). Universities, programmes
 * and mentors are directory data open to every member; sessions concern workers, so every query
 * that returns sessions filters by this scope inside SQL, `_entities` included.
 */
export type SessionScope =
  /** The ministry: a summary of every session (statutory task). */
  | { readonly kind: 'all' }
  /** A labour office: summaries of sessions with a participant of its region (district snapshot). */
  | { readonly kind: 'region'; readonly regionCode: string }
  /** A university: its own programmes' sessions, in full. */
  | { readonly kind: 'own'; readonly institutionId: string }
  /** Training providers, and other universities' sessions for everyone else: nothing. */
  | { readonly kind: 'none' };

export function sessionScopeOf(principal: Principal): SessionScope {
  switch (principal.institutionKind) {
    case 'MINISTRY':
      return { kind: 'all' };
    case 'LABOUR_OFFICE':
      return principal.regionCode ? { kind: 'region', regionCode: principal.regionCode } : { kind: 'none' };
    case 'UNIVERSITY':
      return { kind: 'own', institutionId: principal.institutionId };
    case 'TRAINING_PROVIDER':
      return { kind: 'none' };
  }
}

/**
 * Notes, revenue band, needs and plans are for the programme's own university; every other
 * institution that may see a session gets its summary (DESIGN section 4, mentoring sessions).
 */
export function seesFullSession(principal: Principal, ownerInstitutionId: string): boolean {
  return principal.institutionKind === 'UNIVERSITY' && principal.institutionId === ownerInstitutionId;
}

/** Training providers never see mentoring history; the field says so instead of pretending it is empty. */
export function assertMayReadMentoringHistory(principal: Principal): void {
  if (principal.institutionKind === 'TRAINING_PROVIDER') {
    throw new ForbiddenError('Training providers do not see mentoring sessions.');
  }
}

/** Universities, programmes, mentors and sessions are written by a university client with `mentoring:write`. */
export function assertCanWriteMentoring(principal: Principal): void {
  if (principal.institutionKind !== 'UNIVERSITY') {
    throw new ForbiddenError('Only a university partner records mentoring programmes and sessions.');
  }
  if (!hasScope(principal, 'mentoring:write')) {
    throw new ForbiddenError('This client may not write mentoring records (scope mentoring:write).');
  }
}

/**
 * A university the caller writes to must belong to its institution. Another institution's
 * university is reported exactly like a missing one.
 */
export function ownUniversity(principal: Principal, university: UniversityRow | null): UniversityRow {
  if (!university || university.institutionId !== principal.institutionId)
    throw new NotFoundError('University');
  return university;
}
