import type { PlacementAgencyRow, SanctionType, StoredLicenceStatus } from './db/schema.js';

export type PresentedLicenceStatus = StoredLicenceStatus | 'EXPIRED';

/** The status the registry shows: an ACTIVE licence past its validity date reads as EXPIRED. */
export function presentedLicenceStatus(
  agency: Pick<PlacementAgencyRow, 'licenceStatus' | 'licenceValidUntil'>,
  today: string,
): PresentedLicenceStatus {
  if (agency.licenceStatus === 'ACTIVE' && agency.licenceValidUntil < today) return 'EXPIRED';
  return agency.licenceStatus;
}

/** The licence status a sanction brings with it, if any (Permen P2MI 4/2025). */
export function licenceStatusAfter(sanction: SanctionType): StoredLicenceStatus | null {
  switch (sanction) {
    case 'SUSPENSION':
      return 'SUSPENDED';
    case 'LICENCE_REVOCATION':
      return 'REVOKED';
    case 'WRITTEN_WARNING':
    case 'FINE':
    case 'DEPOSIT_CLAIM':
      return null;
  }
}
