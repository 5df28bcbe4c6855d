import type { CopySet } from './copy.js';
import type { University } from './directory.js';
import { at, type Consent, type JourneyContext } from './journey-context.js';
import { isoDay, KIND, seededUuid, type Random } from './random.js';
import { WORLD_DAY, type Person } from './worker.js';

const TOPICS = [
  'FINANCIAL_LITERACY',
  'BUSINESS_PLAN',
  'BOOKKEEPING',
  'MARKETING',
  'LEGALITY_PERMITS',
  'ACCESS_TO_FINANCE',
  'PSYCHOSOCIAL',
  'PARENTING',
];

/** Sessions for a returnee who consented to a university, in one of its programmes. */
export function writeMentoring(
  copy: CopySet,
  random: Random,
  person: Person,
  university: University,
  consent: Consent,
  context: JourneyContext,
): void {
  const program = random.pick(university.programs);
  let day = Math.max(consent.granted + random.int(5, 30), program.start + random.int(1, 30));
  for (let left = random.int(1, 4); left > 0 && day < WORLD_DAY; left -= 1) {
    const next = day + random.int(21, 45);
    const index = (context.counters.sessions += 1);
    const id = seededUuid(KIND.session, index);
    const topics = [...new Set([random.pick(TOPICS), random.pick(TOPICS)])];
    const economic = program.economic;
    copy.to('university.mentoring_sessions').row([
      id,
      program.id,
      random.pick(university.mentorIds),
      isoDay(day),
      random.pick([60, 90, 120]),
      ...(random.chance(0.8) ? ['IN_PERSON', program.villageCode] : ['ONLINE', null]),
      random.weighted([
        ['MENTORING', 50],
        ['GUIDANCE', 25],
        ['TRAINING', 15],
        ['COUNSELLING', 10],
      ] as const),
      topics,
      economic ? random.pick(['IDEA', 'STARTED', 'OPERATING']) : null,
      economic ? random.pick(['NONE', 'UNDER_1M', 'FROM_1M_TO_5M']) : null,
      economic ? ['Working capital', 'Packaging design'] : ['Family counselling'],
      economic && random.chance(0.3) ? ['BANK_KUR'] : [],
      economic
        ? 'Draft a simple cash book and price list before the next session.'
        : 'Agree a household budget with the family.',
      next < WORLD_DAY ? isoDay(next) : null,
      random.weighted([
        ['NONE', 70],
        ['CONSIDERING', 25],
        ['RE_REGISTERED', 5],
      ] as const),
      'Participant engaged; follow up on agreed actions.',
      at(day, 16),
      university.institution.id,
    ]);
    copy.to('university.session_participants').row([id, person.id, person.district.code]);
    day = next;
  }
}
