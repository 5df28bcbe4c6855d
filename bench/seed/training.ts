import type { CopySet } from './copy.js';
import { firstCourseAfter } from './courses.js';
import type { Provider } from './directory.js';
import { at, type Consent, type JourneyContext } from './journey-context.js';
import { isoDay, KIND, seededUuid, type Random } from './random.js';
import { WORLD_DAY, type Person } from './worker.js';

/** Enrolments in the consented provider's courses, and the certificates completed ones earn. */
export function writeTraining(
  copy: CopySet,
  random: Random,
  person: Person,
  provider: Provider,
  consent: Consent,
  consentNumber: number,
  context: JourneyContext,
): void {
  if (!random.chance(0.6)) return;
  const courses = context.courses.get(provider.index) ?? [];
  const first = firstCourseAfter(courses, consent.granted) + random.int(0, 2);
  for (let offset = 0; offset < (random.chance(0.2) ? 2 : 1); offset += 1) {
    const course = courses[first + offset * 3];
    if (!course || course.start >= WORLD_DAY) return;
    const finished = course.end < WORLD_DAY;
    const status = finished
      ? random.weighted([
          ['COMPLETED', 85],
          ['FAILED', 8],
          ['WITHDRAWN', 7],
        ] as const)
      : 'IN_PROGRESS';
    const enrolled = Math.max(consent.granted, course.start - random.int(3, 20));
    // An expired consent no longer lets the provider enrol the worker.
    if (consent.expires !== null && enrolled >= consent.expires) return;
    copy
      .to('training.enrollments')
      .row([
        seededUuid(KIND.enrollment, person.index * 4 + consentNumber * 2 + offset),
        course.id,
        person.id,
        person.district.code,
        status,
        at(enrolled, 11),
        status === 'WITHDRAWN' ? random.int(10, 40) : random.int(75, 100),
        status === 'COMPLETED' ? random.int(65, 98) : status === 'FAILED' ? random.int(30, 59) : null,
        status === 'COMPLETED' ? isoDay(course.end) : null,
        at(finished ? course.end : enrolled, 15),
      ]);
    if (status !== 'COMPLETED' || course.kind === 'PRE_DEPARTURE' || !random.chance(0.85)) continue;
    const issued = Math.min(course.end + random.int(5, 25), WORLD_DAY - 1);
    const number = (context.counters.certificates += 1);
    copy
      .to('training.certifications')
      .row([
        seededUuid(KIND.certification, person.index * 4 + consentNumber * 2 + offset),
        person.id,
        person.district.code,
        provider.id,
        course.id,
        course.kind === 'LANGUAGE'
          ? `${course.title} (language proficiency)`
          : `${course.skill ?? course.title} (competency)`,
        'LSP Pekerja Migran Indonesia',
        `LSP-PMI/${isoDay(issued).slice(0, 4)}/${String(number).padStart(7, '0')}`,
        isoDay(issued),
        isoDay(issued + 3 * 365),
        at(issued, 11),
      ]);
  }
}
