import type { Course } from './courses.js';
import type { CopySet } from './copy.js';
import type { Directory } from './directory.js';
import { DAY_MS, isoDay, isoInstant, KIND, seededUuid } from './random.js';

const JOINED = Date.parse('2021-12-01T02:00:00Z');

/** Writes the directory (institutions, agencies, job orders, providers, courses, universities). */
export function writeDirectory(
  copy: CopySet,
  directory: Directory,
  courses: ReadonlyMap<number, Course[]>,
): void {
  const joined = isoInstant(JOINED);
  const ministryId = directory.ministry.id;
  for (const institution of directory.institutions) {
    // The same ids in the gateway's registry and the ministry's directory: tokens name them.
    copy
      .to('gateway.institutions')
      .row([institution.id, institution.name, institution.kind, institution.regionCode, joined]);
    copy
      .to('ministry.institutions')
      .row([institution.id, institution.name, institution.kind, institution.regionCode]);
  }
  for (const [index, agency] of directory.agencies.entries()) {
    copy
      .to('ministry.placement_agencies')
      .row([
        agency.id,
        agency.name,
        agency.licenceNumber,
        agency.licenceStatus,
        isoDay(agency.validFrom),
        isoDay(agency.validUntil),
        agency.regionCode,
        isoInstant(agency.validFrom * DAY_MS),
        ministryId,
      ]);
    if (agency.licenceStatus !== 'ACTIVE') {
      const imposed = agency.validFrom + 700;
      copy
        .to('ministry.sanctions')
        .row([
          seededUuid(KIND.sanction, index),
          agency.id,
          agency.licenceStatus === 'SUSPENDED' ? 'SUSPENSION' : 'LICENCE_REVOCATION',
          'Repeated failure to settle unpaid-wage complaints of placed workers.',
          isoDay(imposed),
          agency.licenceStatus === 'SUSPENDED' ? isoDay(imposed + 365) : null,
          isoInstant(imposed * DAY_MS),
          ministryId,
        ]);
    }
  }
  for (const [index, order] of directory.jobOrders.entries()) {
    copy
      .to('ministry.job_orders')
      .row([
        order.id,
        order.agency.id,
        order.country,
        order.employerName,
        order.occupation,
        20 + (index % 180),
        order.permitNumber,
        isoDay(order.validFrom),
        isoDay(order.validUntil),
        index % 10 !== 0,
        isoInstant(order.validFrom * DAY_MS),
        ministryId,
      ]);
  }
  for (const provider of directory.providers) {
    copy
      .to('training.training_providers')
      .row([
        provider.id,
        provider.institution.id,
        provider.name,
        provider.kind,
        ['A', 'B', 'B', 'C'][provider.index % 4] ?? 'B',
        isoDay(20_000 + 30 * (provider.index % 40)),
        provider.district.code,
        joined,
      ]);
    for (const course of courses.get(provider.index) ?? []) {
      copy
        .to('training.courses')
        .row([
          course.id,
          provider.id,
          course.title,
          course.kind,
          course.skill,
          course.language,
          course.hours,
          isoDay(course.start),
          isoDay(course.end),
          course.capacity,
          isoInstant((course.start - 40) * DAY_MS),
        ]);
    }
  }
  for (const university of directory.universities) {
    copy
      .to('university.universities')
      .row([university.id, university.institution.id, university.name, university.district.code, joined]);
    for (const program of university.programs) {
      copy
        .to('university.mentoring_programs')
        .row([
          program.id,
          university.id,
          program.economic ? 'Purna PMI entrepreneurship mentoring' : 'Family resilience and reintegration',
          program.economic ? 'ECONOMIC' : 'SOCIAL',
          program.villageCode,
          isoDay(program.start),
          null,
          program.economic
            ? 'Business planning, simple bookkeeping, digital marketing and access to KUR-PMI for returnees.'
            : 'Psychosocial support, parenting and household budgeting for returnees and their families.',
          isoInstant(program.start * DAY_MS),
        ]);
    }
    university.mentorIds.forEach((mentorId, index) => {
      copy
        .to('university.mentors')
        .row([
          mentorId,
          university.id,
          `${MENTOR_NAMES[(index + university.index) % MENTOR_NAMES.length] ?? 'Dr. Mentor'}`,
          index % 2 === 0
            ? ['BUSINESS_PLAN', 'BOOKKEEPING', 'MARKETING', 'ACCESS_TO_FINANCE']
            : ['PSYCHOSOCIAL', 'PARENTING', 'FINANCIAL_LITERACY'],
          joined,
        ]);
    });
  }
}

const MENTOR_NAMES = [
  'Dr. Ir. Sri Wahyuni',
  'Dr. Ahmad Fauzi',
  'Rina Kusumawati, M.M.',
  'Dr. Budi Santoso',
  'Lailatul Fitriyah, M.Psi.',
  'Dr. Hendro Prasetyo',
  'Dr. Nur Hidayati',
  'Eko Wibisono, M.E.',
  'Dr. Siti Aminah',
  'Agus Salim, M.Si.',
];
