import type { CopySet } from './copy.js';
import { at, type JourneyContext } from './journey-context.js';
import { isoDay, KIND, seededUuid, type Random } from './random.js';
import { WORLD_DAY, type Person, type Placement } from './worker.js';

const CATEGORIES = [
  ['WANTS_REPATRIATION', 30],
  ['UNPAID_WAGES', 16],
  ['FAILED_DEPARTURE', 8],
  ['ILLNESS_OR_ACCIDENT', 8],
  ['SOCIAL_SECURITY_CLAIM', 6],
  ['WORK_NOT_AS_CONTRACTED', 6],
  ['DEPORTATION', 5],
  ['EARLY_DISMISSAL', 5],
  ['EXCESSIVE_DEDUCTIONS', 5],
  ['JOB_FRAUD', 4],
  ['VIOLENCE_OR_HARASSMENT', 4],
  ['LOST_CONTACT', 4],
  ['DOCUMENT_CONFISCATION', 3],
  ['UNDOCUMENTED_OR_OVERSTAY', 3],
  ['PREGNANCY_OR_CHILD', 2],
  ['TRAFFICKING', 2],
  ['MENTAL_HEALTH', 2],
  ['DEATH_ABROAD', 1],
] as const;

/** A complaint about a placement abroad: more often about non-procedural ones (domain.md 3.5). */
export function writeCase(
  copy: CopySet,
  random: Random,
  person: Person,
  placement: Placement,
  context: JourneyContext,
): void {
  if (placement.departure === null) return;
  if (!random.chance(placement.channel === 'NON_PROCEDURAL' ? 0.25 : 0.04)) return;
  const opened = placement.departure + random.int(30, 400);
  if (opened >= WORLD_DAY) return;
  const index = context.counters.cases;
  context.counters.cases += 1;
  context.facts.caseIndex[person.index] = index;
  context.facts.caseOpened[person.index] = opened;
  const id = seededUuid(KIND.case, index);
  const ministryId = context.directory.ministry.id;
  const openedBy = random.chance(0.6) ? person.office.id : ministryId;
  const resolved = WORLD_DAY - opened > 120 && random.chance(0.7);
  const status = resolved
    ? random.weighted([
        ['RESOLVED', 60],
        ['CLOSED', 40],
      ] as const)
    : random.weighted([
        ['OPEN', 40],
        ['IN_PROGRESS', 45],
        ['REFERRED', 15],
      ] as const);
  const resolvedDay = resolved ? Math.min(opened + random.int(20, 110), WORLD_DAY - 1) : null;
  const openedAt = at(opened, 9);
  copy.to('ministry.cases').row([
    id,
    `KP2MI-${isoDay(opened).slice(0, 4)}-${String(index + 1).padStart(6, '0')}`,
    person.id,
    person.district.code,
    placement.id,
    random.weighted(CATEGORIES),
    status,
    random.weighted([
      ['WALK_IN', 40],
      ['CALL_CENTRE', 20],
      ['WHATSAPP', 20],
      ['E_PENGADUAN', 10],
      ['LETTER', 5],
      ['REFERRAL', 5],
    ] as const),
    placement.country,
    placement.agencyId,
    'Complaint recorded at the desk; details in the case notes.',
    openedAt,
    openedBy,
    resolvedDay === null ? null : random.pick(['SETTLED', 'REPATRIATED', 'COMPENSATED']),
    resolvedDay === null ? null : at(resolvedDay, 15),
    resolvedDay === null ? null : 'Resolved with the agency and the employer; worker informed.',
    resolvedDay === null ? openedAt : at(resolvedDay, 15),
  ]);
  copy
    .to('ministry.case_notes')
    .row([
      seededUuid(KIND.caseNote, index * 2),
      id,
      at(opened, 11),
      openedBy,
      'Complaint received and recorded; family contacted.',
    ]);
  if (status !== 'OPEN') {
    copy
      .to('ministry.case_notes')
      .row([
        seededUuid(KIND.caseNote, index * 2 + 1),
        id,
        at(Math.min(opened + 7, WORLD_DAY - 1), 14),
        ministryId,
        'Agency and labour attaché asked to respond within 7 days.',
      ]);
  }
}
