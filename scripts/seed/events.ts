import type { Directory } from './directory.js';
import { WORLD_DATE } from './people.js';
import { addDays, addMonths, type Random } from './random.js';
import type {
  WorldCase,
  WorldCertification,
  WorldConsent,
  WorldEnrollment,
  WorldPlacement,
  WorldSanction,
  WorldSession,
  WorldWorker,
} from '../../shared/demo/world.js';

const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+07:00`);

/** Consents given at the desk: to a training provider before departure, to a university after return. */
export function buildConsents(
  random: Random,
  directory: Directory,
  workers: readonly WorldWorker[],
  placements: readonly WorldPlacement[],
) {
  const placementOf = new Map(placements.map((placement) => [placement.workerId, placement]));
  const consents: WorldConsent[] = [];
  for (const worker of workers) {
    const registered = worker.registeredAt.toISOString().slice(0, 10);
    const placement = placementOf.get(worker.id);
    if (worker.status !== 'PROSPECTIVE' && random.chance(0.35)) {
      const grantedOn = addDays(registered, random.int(3, 30));
      if (grantedOn < WORLD_DATE) {
        consents.push({
          id: random.uuid(),
          workerId: worker.id,
          workerDistrictCode: worker.districtCode,
          granteeInstitutionId: random.pick(directory.trainingInstitutions).id,
          purpose: 'TRAINING',
          grantedAt: at(grantedOn),
          expiresAt: random.chance(0.2) ? at(addMonths(grantedOn, 12)) : null,
          revokedAt: random.chance(0.04) ? at(addDays(grantedOn, random.int(10, 60))) : null,
          recordedBy: worker.registeredBy,
        });
      }
    }
    if (worker.status === 'RETURNED' && placement?.actualReturnDate && random.chance(0.45)) {
      const grantedOn = addDays(placement.actualReturnDate, random.int(2, 20));
      if (grantedOn < WORLD_DATE) {
        consents.push({
          id: random.uuid(),
          workerId: worker.id,
          workerDistrictCode: worker.districtCode,
          granteeInstitutionId: random.pick(directory.universityInstitutions).id,
          purpose: 'EMPOWERMENT',
          grantedAt: at(grantedOn),
          expiresAt: null,
          revokedAt: random.chance(0.05) ? at(addDays(grantedOn, random.int(30, 90))) : null,
          recordedBy: worker.registeredBy,
        });
      }
    }
  }
  return consents;
}

// Complaint categories weighted after the national complaint figures (domain.md 3.5).
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
  ['DEATH_ABROAD', 1],
  ['MENTAL_HEALTH', 2],
] as const;
const SUMMARIES: Readonly<Record<string, string>> = {
  WANTS_REPATRIATION: 'Worker asks to be brought home before the end of the contract.',
  UNPAID_WAGES: 'Family reports that wages have not been paid for several months.',
  FAILED_DEPARTURE: 'Worker paid processing costs but was never placed.',
  ILLNESS_OR_ACCIDENT: 'Worker fell ill abroad and needs treatment arranged.',
  SOCIAL_SECURITY_CLAIM: 'Claim on BPJS Ketenagakerjaan coverage needs follow-up.',
};

/** Complaint cases about placements (more often about non-procedural ones), and sanctions on agencies. */
export function buildCases(
  random: Random,
  directory: Directory,
  workers: readonly WorldWorker[],
  placements: readonly WorldPlacement[],
) {
  const workerOf = new Map(workers.map((worker) => [worker.id, worker]));
  const cases: WorldCase[] = [];
  for (const placement of placements) {
    if (!placement.departureDate) continue;
    if (!random.chance(placement.channel === 'NON_PROCEDURAL' ? 0.3 : 0.05)) continue;
    const worker = workerOf.get(placement.workerId);
    if (!worker) continue;
    const openedOn = addDays(placement.departureDate, random.int(30, 400));
    if (openedOn >= WORLD_DATE) continue;
    const category = random.weighted(CATEGORIES);
    const byOffice = random.chance(0.6);
    const openedBy = byOffice ? worker.registeredBy : directory.ministry.id;
    const age = (Date.parse(WORLD_DATE) - Date.parse(openedOn)) / 86_400_000;
    const resolved = age > 120 && random.chance(0.7);
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
    const resolvedOn = resolved ? addDays(openedOn, random.int(20, 110)) : null;
    cases.push({
      id: random.uuid(),
      reference: `KP2MI-${openedOn.slice(0, 4)}-${String(cases.length + 1).padStart(6, '0')}`,
      workerId: worker.id,
      workerDistrictCode: worker.districtCode,
      placementId: placement.id,
      category,
      status,
      channel: random.weighted([
        ['WALK_IN', 40],
        ['CALL_CENTRE', 20],
        ['WHATSAPP', 20],
        ['E_PENGADUAN', 10],
        ['LETTER', 5],
        ['REFERRAL', 5],
      ] as const),
      countryCode: placement.destinationCountry,
      agencyId: placement.agencyId,
      summary: SUMMARIES[category] ?? 'Complaint recorded at the desk; details in the case notes.',
      openedAt: at(openedOn, 9),
      openedBy,
      notes: [
        {
          at: at(openedOn, 11),
          authorInstitutionId: openedBy,
          text: 'Complaint received and recorded; family contacted.',
        },
        ...(status !== 'OPEN'
          ? [
              {
                at: at(addDays(openedOn, 7), 14),
                authorInstitutionId: directory.ministry.id,
                text: 'Agency and labour attaché asked to respond within 7 days.',
              },
            ]
          : []),
      ],
      resolution: resolvedOn
        ? {
            outcome: random.pick(['SETTLED', 'REPATRIATED', 'COMPENSATED']),
            resolvedAt: at(resolvedOn, 15),
            summary: 'Resolved with the agency and the employer; worker informed.',
          }
        : null,
    });
  }
  const sanctions: WorldSanction[] = [];
  for (const agency of directory.agencies) {
    if (agency.licenceStatus === 'SUSPENDED' || agency.licenceStatus === 'REVOKED') {
      const imposedOn = random.dateBetween('2025-01-01', '2026-06-30');
      sanctions.push({
        id: random.uuid(),
        agencyId: agency.id,
        type: agency.licenceStatus === 'SUSPENDED' ? 'SUSPENSION' : 'LICENCE_REVOCATION',
        reason: 'Repeated failure to settle unpaid-wage complaints of placed workers.',
        imposedOn,
        effectiveUntil: agency.licenceStatus === 'SUSPENDED' ? addMonths(imposedOn, 12) : null,
        caseId: cases.find((item) => item.agencyId === agency.id)?.id ?? null,
      });
    }
  }
  return { cases, sanctions };
}

/** Enrolments and certificates for workers who consented to a training provider. */
export function buildTraining(random: Random, directory: Directory, consents: readonly WorldConsent[]) {
  const enrollments: WorldEnrollment[] = [];
  const certifications: WorldCertification[] = [];
  // Live enrolments per course: a provider enrols no one past a course's capacity, as the hub refuses to.
  const live = new Map<string, number>();
  for (const consent of consents) {
    if (consent.purpose !== 'TRAINING') continue;
    const provider = directory.providers.find((item) => item.institutionId === consent.granteeInstitutionId);
    if (!provider) continue;
    const granted = consent.grantedAt.toISOString().slice(0, 10);
    const options = directory.courses.filter(
      (course) =>
        course.providerId === provider.id &&
        course.startDate > granted &&
        course.startDate < WORLD_DATE &&
        (live.get(course.id) ?? 0) < course.capacity,
    );
    for (const course of options.slice(0, random.int(1, 2))) {
      const finished = course.endDate < WORLD_DATE;
      const status = finished
        ? random.weighted([
            ['COMPLETED', 85],
            ['FAILED', 8],
            ['WITHDRAWN', 7],
          ] as const)
        : 'IN_PROGRESS';
      // A withdrawal frees the place, as in the hub's own count (countLiveEnrollmentsOf).
      if (status !== 'WITHDRAWN') live.set(course.id, (live.get(course.id) ?? 0) + 1);
      const score =
        status === 'COMPLETED' ? random.int(65, 98) : status === 'FAILED' ? random.int(30, 59) : null;
      enrollments.push({
        id: random.uuid(),
        courseId: course.id,
        workerId: consent.workerId,
        workerDistrictCode: consent.workerDistrictCode,
        status,
        enrolledAt: at(addDays(course.startDate, -random.int(3, 20))),
        attendancePercent: status === 'WITHDRAWN' ? random.int(10, 40) : random.int(75, 100),
        score,
        completedOn: status === 'COMPLETED' ? course.endDate : null,
      });
      if (status === 'COMPLETED' && course.kind !== 'PRE_DEPARTURE' && random.chance(0.85)) {
        const issuedOn = addDays(course.endDate, random.int(5, 25));
        if (issuedOn < WORLD_DATE) {
          certifications.push({
            id: random.uuid(),
            workerId: consent.workerId,
            workerDistrictCode: consent.workerDistrictCode,
            providerId: provider.id,
            courseId: course.id,
            scheme:
              course.kind === 'LANGUAGE'
                ? `${course.title} (language proficiency)`
                : `${course.skill ?? course.title} (competency)`,
            issuer: 'LSP Pekerja Domestik Lintas Benua',
            number: `LSP-PDLB/${issuedOn.slice(0, 4)}/${String(certifications.length + 1).padStart(6, '0')}`,
            issuedOn,
            validUntil: addMonths(issuedOn, 36),
          });
        }
      }
    }
  }
  return { enrollments, certifications };
}

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

/** Mentoring sessions for returnees who consented to a university, in that university's programmes. */
export function buildMentoring(random: Random, directory: Directory, consents: readonly WorldConsent[]) {
  const sessions: WorldSession[] = [];
  for (const consent of consents) {
    if (consent.purpose !== 'EMPOWERMENT') continue;
    const university = directory.universities.find(
      (item) => item.institutionId === consent.granteeInstitutionId,
    );
    if (!university) continue;
    const program = random.pick(directory.programs.filter((item) => item.universityId === university.id));
    const mentors = directory.mentors.filter((mentor) => mentor.universityId === university.id);
    let day = addDays(consent.grantedAt.toISOString().slice(0, 10), random.int(5, 30));
    if (day < program.startDate) day = addDays(program.startDate, random.int(1, 30));
    const until = consent.revokedAt ? consent.revokedAt.toISOString().slice(0, 10) : WORLD_DATE;
    for (let index = random.int(1, 5); index > 0 && day < until; index -= 1) {
      const economic = program.empowermentType === 'ECONOMIC';
      const next = addDays(day, random.int(21, 45));
      sessions.push({
        id: random.uuid(),
        programId: program.id,
        mentorId: random.pick(mentors).id,
        participants: [{ workerId: consent.workerId, workerDistrictCode: consent.workerDistrictCode }],
        date: day,
        durationMinutes: random.pick([60, 90, 120]),
        mode: random.chance(0.8) ? 'IN_PERSON' : 'ONLINE',
        locationCode: program.villageCode,
        form: random.weighted([
          ['MENTORING', 50],
          ['GUIDANCE', 25],
          ['TRAINING', 15],
          ['COUNSELLING', 10],
        ] as const),
        topics: [random.pick(TOPICS), random.pick(TOPICS)].filter(
          (topic, position, all) => all.indexOf(topic) === position,
        ),
        businessStatus: economic ? random.pick(['IDEA', 'STARTED', 'OPERATING']) : null,
        revenueBand: economic ? random.pick(['NONE', 'UNDER_1M', 'FROM_1M_TO_5M']) : null,
        needs: economic ? ['Working capital', 'Packaging design'] : ['Family counselling'],
        referrals: economic && random.chance(0.3) ? ['BANK_KUR'] : [],
        actionPlan: economic
          ? 'Draft a simple cash book and price list before the next session.'
          : 'Agree a household budget with the family.',
        nextSessionDate: next < WORLD_DATE ? next : null,
        reMigrationIntent: random.weighted([
          ['NONE', 70],
          ['CONSIDERING', 25],
          ['RE_REGISTERED', 5],
        ] as const),
        notes: 'Participant engaged; follow up on agreed actions.',
        createdBy: consent.granteeInstitutionId,
      });
      day = next;
    }
  }
  return sessions;
}
