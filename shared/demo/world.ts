// The demo world's shape, shared by the generator (scripts/seed) and every service's seeder.
import type { InstitutionKind, Scope } from '../auth/principal.js';

// The demo world in domain terms. Each service's seeder turns its own part into rows; no service
// ever sees another's part except through the ids that travel in entities.

export interface WorldInstitution {
  readonly id: string;
  readonly name: string;
  readonly kind: InstitutionKind;
  readonly regionCode: string | null;
}

export interface DemoClientSpec {
  readonly clientId: string;
  readonly label: string;
  readonly institutionId: string;
  readonly scopes: readonly Scope[];
}

export interface WorldWorker {
  readonly id: string;
  readonly nik: string;
  readonly fullName: string;
  readonly sex: 'FEMALE' | 'MALE';
  readonly birthDate: string;
  readonly birthPlace: string;
  readonly maritalStatus: 'SINGLE' | 'MARRIED' | 'DIVORCED' | 'WIDOWED';
  readonly education:
    | 'NONE'
    | 'PRIMARY'
    | 'JUNIOR_SECONDARY'
    | 'SENIOR_SECONDARY'
    | 'VOCATIONAL_SECONDARY'
    | 'DIPLOMA'
    | 'BACHELOR';
  readonly phone: string | null;
  readonly address: string;
  readonly villageCode: string;
  readonly districtCode: string;
  readonly status:
    | 'PROSPECTIVE'
    | 'REGISTERED'
    | 'VERIFIED'
    | 'DEPARTED'
    | 'ABROAD'
    | 'RETURNED'
    | 'WITHDRAWN'
    | 'NON_PROCEDURAL';
  readonly registeredAt: Date;
  readonly registeredBy: string;
}

export interface WorldPlacement {
  readonly id: string;
  readonly workerId: string;
  readonly agencyId: string | null;
  readonly jobOrderId: string | null;
  readonly scheme: 'PRIVATE_AGENCY' | 'GOVERNMENT' | 'EMPLOYER_OWN' | 'INDEPENDENT';
  readonly channel: 'PROCEDURAL' | 'NON_PROCEDURAL';
  readonly destinationCountry: string;
  readonly employerName: string | null;
  readonly occupation: string;
  readonly sector: string;
  readonly contractMonths: number | null;
  readonly monthlyWage: number | null;
  readonly wageCurrency: string | null;
  readonly status: 'PLANNED' | 'DEPARTED' | 'ABROAD' | 'RETURNED' | 'CANCELLED';
  readonly plannedDepartureDate: string | null;
  readonly departureDate: string | null;
  readonly arrivalDate: string | null;
  readonly expectedReturnDate: string | null;
  readonly actualReturnDate: string | null;
  readonly returnReason: string | null;
  readonly createdAt: Date;
  readonly createdBy: string;
}

export interface WorldDocument {
  readonly id: string;
  readonly workerId: string;
  readonly placementId: string | null;
  readonly type: string;
  readonly number: string | null;
  readonly issuer: string;
  readonly issuedOn: string | null;
  readonly validUntil: string | null;
  readonly status: 'SUBMITTED' | 'VERIFIED' | 'REJECTED';
  readonly verifiedAt: Date | null;
  readonly rejectionReason: string | null;
  readonly recordedAt: Date;
  readonly recordedBy: string;
}

export interface WorldConsent {
  readonly id: string;
  readonly workerId: string;
  readonly workerDistrictCode: string;
  readonly granteeInstitutionId: string;
  readonly purpose: 'TRAINING' | 'EMPOWERMENT';
  readonly grantedAt: Date;
  readonly expiresAt: Date | null;
  readonly revokedAt: Date | null;
  readonly recordedBy: string;
}

export interface WorldAgency {
  readonly id: string;
  readonly name: string;
  readonly licenceNumber: string;
  // EXPIRED is never stored: it is read off the validity date.
  readonly licenceStatus: 'ACTIVE' | 'SUSPENDED' | 'REVOKED';
  readonly licenceValidFrom: string;
  readonly licenceValidUntil: string;
  readonly headOfficeRegionCode: string;
}

export interface WorldJobOrder {
  readonly id: string;
  readonly agencyId: string;
  readonly countryCode: string;
  readonly employerName: string;
  readonly occupation: string;
  readonly quota: number;
  readonly recruitmentPermitNumber: string;
  readonly validFrom: string;
  readonly validUntil: string;
  readonly verifiedByMission: boolean;
}

export interface WorldSanction {
  readonly id: string;
  readonly agencyId: string;
  readonly type: 'WRITTEN_WARNING' | 'SUSPENSION' | 'LICENCE_REVOCATION' | 'FINE' | 'DEPOSIT_CLAIM';
  readonly reason: string;
  readonly imposedOn: string;
  readonly effectiveUntil: string | null;
  readonly caseId: string | null;
}

export interface WorldCase {
  readonly id: string;
  readonly reference: string;
  readonly workerId: string;
  readonly workerDistrictCode: string;
  readonly placementId: string | null;
  readonly category: string;
  readonly status: 'OPEN' | 'IN_PROGRESS' | 'REFERRED' | 'RESOLVED' | 'CLOSED';
  readonly channel: string;
  readonly countryCode: string | null;
  readonly agencyId: string | null;
  readonly summary: string;
  readonly openedAt: Date;
  readonly openedBy: string;
  readonly notes: readonly {
    readonly at: Date;
    readonly authorInstitutionId: string;
    readonly text: string;
  }[];
  readonly resolution: {
    readonly outcome: string;
    readonly resolvedAt: Date;
    readonly summary: string;
  } | null;
}

export interface WorldProvider {
  readonly id: string;
  readonly institutionId: string;
  readonly name: string;
  readonly kind: 'LPK' | 'BLK' | 'BLKLN';
  readonly accreditation: 'A' | 'B' | 'C' | 'NOT_ACCREDITED';
  readonly accreditationValidUntil: string | null;
  readonly regionCode: string;
}

export interface WorldCourse {
  readonly id: string;
  readonly providerId: string;
  readonly title: string;
  readonly kind: 'LANGUAGE' | 'SKILL' | 'PRE_DEPARTURE' | 'ENTREPRENEURSHIP';
  readonly skill: string | null;
  readonly language: string | null;
  readonly hours: number;
  readonly startDate: string;
  readonly endDate: string;
  readonly capacity: number;
}

export interface WorldEnrollment {
  readonly id: string;
  readonly courseId: string;
  readonly workerId: string;
  readonly workerDistrictCode: string;
  readonly status: 'ENROLLED' | 'IN_PROGRESS' | 'COMPLETED' | 'FAILED' | 'WITHDRAWN';
  readonly enrolledAt: Date;
  readonly attendancePercent: number | null;
  readonly score: number | null;
  readonly completedOn: string | null;
}

export interface WorldCertification {
  readonly id: string;
  readonly workerId: string;
  readonly workerDistrictCode: string;
  readonly providerId: string;
  readonly courseId: string | null;
  readonly scheme: string;
  readonly issuer: string;
  readonly number: string;
  readonly issuedOn: string;
  readonly validUntil: string | null;
}

export interface WorldUniversity {
  readonly id: string;
  readonly institutionId: string;
  readonly name: string;
  readonly regionCode: string;
}

export interface WorldProgram {
  readonly id: string;
  readonly universityId: string;
  readonly title: string;
  readonly empowermentType: 'SOCIAL' | 'ECONOMIC';
  readonly villageCode: string;
  readonly startDate: string;
  readonly endDate: string | null;
  readonly description: string;
}

export interface WorldMentor {
  readonly id: string;
  readonly universityId: string;
  readonly fullName: string;
  readonly expertise: readonly string[];
}

export interface WorldSession {
  readonly id: string;
  readonly programId: string;
  readonly mentorId: string;
  readonly participants: readonly { readonly workerId: string; readonly workerDistrictCode: string }[];
  readonly date: string;
  readonly durationMinutes: number;
  readonly mode: 'IN_PERSON' | 'ONLINE';
  readonly locationCode: string | null;
  readonly form: 'GUIDANCE' | 'MENTORING' | 'TRAINING' | 'COUNSELLING';
  readonly topics: readonly string[];
  readonly businessStatus: string | null;
  readonly revenueBand: string | null;
  readonly needs: readonly string[];
  readonly referrals: readonly string[];
  readonly actionPlan: string | null;
  readonly nextSessionDate: string | null;
  readonly reMigrationIntent: string | null;
  readonly notes: string | null;
  readonly createdBy: string;
}

export interface World {
  /** A returnee with a placement, a case, training and mentoring: the README's first query. */
  readonly showcaseWorkerId: string | null;
  readonly institutions: readonly WorldInstitution[];
  readonly clients: readonly DemoClientSpec[];
  readonly workers: readonly WorldWorker[];
  readonly placements: readonly WorldPlacement[];
  readonly documents: readonly WorldDocument[];
  readonly consents: readonly WorldConsent[];
  readonly agencies: readonly WorldAgency[];
  readonly jobOrders: readonly WorldJobOrder[];
  readonly sanctions: readonly WorldSanction[];
  readonly cases: readonly WorldCase[];
  readonly providers: readonly WorldProvider[];
  readonly courses: readonly WorldCourse[];
  readonly enrollments: readonly WorldEnrollment[];
  readonly certifications: readonly WorldCertification[];
  readonly universities: readonly WorldUniversity[];
  readonly programs: readonly WorldProgram[];
  readonly mentors: readonly WorldMentor[];
  readonly sessions: readonly WorldSession[];
}
