import type { CaseStatus, LicenceStatus } from '../graphql/__generated__/graphql.js';
import { useT } from '../i18n/index.js';

const CASE_TONE: Readonly<Record<CaseStatus, string>> = {
  OPEN: 'badge-warn',
  IN_PROGRESS: 'badge-info',
  REFERRED: 'badge-info',
  RESOLVED: 'badge-ok',
  CLOSED: 'badge-muted',
};

/** A case's status as a coloured word (the colour repeats the word, never replaces it). */
export function StatusBadge({ status }: { readonly status: CaseStatus }) {
  const { t } = useT();
  return <span class={`badge ${CASE_TONE[status]}`}>{t(`enums.CaseStatus.${status}`)}</span>;
}

const LICENCE_TONE: Readonly<Record<LicenceStatus, string>> = {
  ACTIVE: 'badge-ok',
  SUSPENDED: 'badge-warn',
  REVOKED: 'badge-bad',
  EXPIRED: 'badge-muted',
};

/** An agency's licence status (SIP3MI) as a coloured word. */
export function LicenceBadge({ status }: { readonly status: LicenceStatus }) {
  const { t } = useT();
  return <span class={`badge ${LICENCE_TONE[status]}`}>{t(`enums.LicenceStatus.${status}`)}</span>;
}
