import type { Person } from '../auth/person.js';
import type { LicenceStatus, SanctionType } from '../graphql/__generated__/graphql.js';

export const LICENCE_STATUSES: readonly LicenceStatus[] = ['ACTIVE', 'SUSPENDED', 'REVOKED', 'EXPIRED'];

/** What an officer may set by hand: a licence expires by its validity date, never by a decision. */
export const SETTABLE_LICENCE_STATUSES: readonly LicenceStatus[] = ['ACTIVE', 'SUSPENDED', 'REVOKED'];

export const SANCTION_TYPES: readonly SanctionType[] = [
  'WRITTEN_WARNING',
  'SUSPENSION',
  'LICENCE_REVOCATION',
  'FINE',
  'DEPOSIT_CLAIM',
];

export function isLicenceStatus(value: string | null): value is LicenceStatus {
  return value !== null && (LICENCE_STATUSES as readonly string[]).includes(value);
}

/** Licensing and sanctions are the ministry's (`agencies:write`); the API decides again. */
export function canManageAgencies(person: Person): boolean {
  return person.institution.kind === 'MINISTRY' && person.scopes.includes('agencies:write');
}

/** A revocation is final: it has no end date (the API refuses one). */
export function sanctionHasEnd(type: SanctionType | ''): boolean {
  return type !== 'LICENCE_REVOCATION';
}

/**
 * The update the licence form sends: only what changed (the API refuses an update that changes
 * nothing, and a field left out stays as it is). Null when nothing changed.
 */
export function licenceUpdate(
  current: { readonly licenceStatus: LicenceStatus; readonly licenceValidUntil: string },
  wanted: { readonly licenceStatus: LicenceStatus | ''; readonly licenceValidUntil: string },
): { licenceStatus?: LicenceStatus; licenceValidUntil?: string } | null {
  const update: { licenceStatus?: LicenceStatus; licenceValidUntil?: string } = {};
  if (wanted.licenceStatus !== '' && wanted.licenceStatus !== current.licenceStatus) {
    update.licenceStatus = wanted.licenceStatus;
  }
  if (wanted.licenceValidUntil !== '' && wanted.licenceValidUntil !== current.licenceValidUntil) {
    update.licenceValidUntil = wanted.licenceValidUntil;
  }
  return Object.keys(update).length > 0 ? update : null;
}
