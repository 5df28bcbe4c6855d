/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What an access did with the data. */
export type AccessAction =
  /** A search by a protected key, such as the NIK, whether or not it found anyone; the key is kept only as a keyed hash. */
  | 'LOOKUP'
  /** The data was read. */
  | 'READ'
  /** A write the hub refused that concerned this record, such as registering a NIK that is already registered. */
  | 'REFUSED'
  /** An earlier answer holding this data was sent again for a retried request (`Idempotency-Key`). */
  | 'REPLAY'
  /** The data was created or changed. */
  | 'WRITE';

/** The complaint categories of the national taxonomy (BP2MI/KP2MI complaint channel). */
export type CaseCategory =
  /** Meninggal dunia di negara tujuan. */
  | 'DEATH_ABROAD'
  /** Deportasi. */
  | 'DEPORTATION'
  /** Dalam tahanan / proses hukum. */
  | 'DETAINED'
  /** Penahanan paspor/dokumen. */
  | 'DOCUMENT_CONFISCATION'
  /** PHK sebelum masa kontrak berakhir. */
  | 'EARLY_DISMISSAL'
  /** Potongan gaji melebihi ketentuan / overcharging. */
  | 'EXCESSIVE_DEDUCTIONS'
  /** Gagal berangkat. */
  | 'FAILED_DEPARTURE'
  /** Rekrut ilegal. */
  | 'ILLEGAL_RECRUITMENT'
  /** PMI sakit / kecelakaan. */
  | 'ILLNESS_OR_ACCIDENT'
  /** Penipuan peluang kerja. */
  | 'JOB_FRAUD'
  /** Putus hubungan komunikasi / hilang kontak. */
  | 'LOST_CONTACT'
  /** Depresi / sakit jiwa. */
  | 'MENTAL_HEALTH'
  /** Tidak dipulangkan setelah kontrak selesai. */
  | 'NOT_REPATRIATED_AFTER_CONTRACT'
  /** Lainnya: none of the above. */
  | 'OTHER'
  /** Hamil / memiliki anak. */
  | 'PREGNANCY_OR_CHILD'
  /** Kabur dari rumah majikan. */
  | 'RAN_AWAY_FROM_EMPLOYER'
  /** Jaminan sosial. */
  | 'SOCIAL_SECURITY_CLAIM'
  /** Tindak pidana perdagangan orang (TPPO). */
  | 'TRAFFICKING'
  /** PMI tidak berdokumen / overstay. */
  | 'UNDOCUMENTED_OR_OVERSTAY'
  /** Gaji tidak dibayar. */
  | 'UNPAID_WAGES'
  /** Tindak kekerasan dari majikan / pelecehan seksual. */
  | 'VIOLENCE_OR_HARASSMENT'
  /** PMI ingin dipulangkan. */
  | 'WANTS_REPATRIATION'
  /** Pekerjaan tidak sesuai perjanjian kerja. */
  | 'WORK_NOT_AS_CONTRACTED';

/** Where a complaint case stands in its handling. */
export type CaseStatus =
  /** Closed for good; nothing more is added. */
  | 'CLOSED'
  /** Being handled by the ministry. */
  | 'IN_PROGRESS'
  /** Opened, not yet taken up. */
  | 'OPEN'
  /** Handed to another body (for example the mission abroad or the police); comes back IN_PROGRESS when that body is done. */
  | 'REFERRED'
  /** Resolved with an outcome through `resolveCase`; may then be CLOSED. */
  | 'RESOLVED';

/** What the legality check of a placement can find. */
export type ComplianceFindingCode =
  /** The placement goes through a private agency, but none is recorded. */
  | 'AGENCY_MISSING'
  /** The agency's licence (SIP3MI) is not active or not valid on the check date. */
  | 'AGENCY_NOT_LICENSED'
  /** The agency is under a sanction on the check date; a suspension or revocation is a VIOLATION, others a WARNING. */
  | 'AGENCY_SANCTIONED'
  /** The recorded agency is not in the ministry's licensing registry. */
  | 'AGENCY_UNKNOWN'
  /** Statutory documents are missing, unverified or expired on the check date. */
  | 'DOCUMENTS_INCOMPLETE'
  /** The placement goes through an agency, but no job order (SIP2MI) is recorded. */
  | 'JOB_ORDER_MISSING'
  /** The job order is not valid on the check date. */
  | 'JOB_ORDER_NOT_VALID'
  /** The job order has not been verified by the Indonesian mission abroad (WARNING). */
  | 'JOB_ORDER_NOT_VERIFIED'
  /** The job order belongs to another agency than the one on the placement. */
  | 'JOB_ORDER_OTHER_AGENCY'
  /** The job order is for another destination country than the placement. */
  | 'JOB_ORDER_OTHER_COUNTRY'
  /** The recorded job order is not in the ministry's registry. */
  | 'JOB_ORDER_UNKNOWN'
  /** The worker left outside the legal placement process (non-prosedural). */
  | 'NON_PROCEDURAL_CHANNEL';

/** Purpose of a consent (tujuan persetujuan): what the grantee institution may use the worker's data for. */
export type ConsentPurpose =
  /** Empowerment and mentoring of returnees by a university partner. */
  | 'EMPOWERMENT'
  /** Pre-departure training and certification by a training provider (LPK, BLK). */
  | 'TRAINING';

/** Verification state of a recorded document. */
export type DocumentStatus =
  /** Verified, but past its validity date. */
  | 'EXPIRED'
  /** Refused by an officer; see `rejectionReason`. */
  | 'REJECTED'
  /** Recorded at the desk, not yet checked by an officer. */
  | 'SUBMITTED'
  /** Checked and valid. */
  | 'VERIFIED';

/** The statutory document checklist (UU 18/2017 Art. 13) and the documents used around it. */
export type DocumentType =
  /** Akta kelahiran. */
  | 'BIRTH_CERTIFICATE'
  /** Work-competency certificate (Art. 13c). */
  | 'COMPETENCY_CERTIFICATE'
  /** Ijazah. */
  | 'DIPLOMA'
  /** District recommendation / ID CPMI. */
  | 'DISTRICT_RECOMMENDATION'
  /** Employment agreement between employer and worker (Art. 13h). */
  | 'EMPLOYMENT_AGREEMENT'
  /** Electronic migrant-worker card (E-KPMI). */
  | 'E_KPMI'
  /** Kartu Keluarga (KK). */
  | 'FAMILY_CARD'
  /** Permission from spouse, parent or guardian, acknowledged by the village head (Art. 13b). */
  | 'FAMILY_PERMISSION'
  /** Health certificate from medical and psychological examination (Art. 13d); only fit or unfit is recorded. */
  | 'HEALTH_CERTIFICATE'
  /** Marital-status letter (Art. 13a). */
  | 'MARITAL_STATUS_LETTER'
  /** KTP-el, the electronic identity card. */
  | 'NATIONAL_ID'
  /** Passport (Art. 13e). */
  | 'PASSPORT'
  /** Placement agreement between the P3MI and the worker (Art. 13g). */
  | 'PLACEMENT_AGREEMENT'
  /** Police clearance (SKCK); only issue and validity are recorded. */
  | 'POLICE_CLEARANCE'
  /** Pre-departure orientation certificate (OPP). */
  | 'PRE_DEPARTURE_ORIENTATION'
  /** BPJS Ketenagakerjaan membership. */
  | 'SOCIAL_SECURITY'
  /** Work visa (Art. 13f). */
  | 'WORK_VISA';

/** Highest completed level of education (pendidikan terakhir). */
export type EducationLevel =
  /** Sarjana (S1). */
  | 'BACHELOR'
  /** Diploma (D1-D4). */
  | 'DIPLOMA'
  /** Sekolah Menengah Pertama (SMP). */
  | 'JUNIOR_SECONDARY'
  /** No completed schooling (tidak/belum sekolah). */
  | 'NONE'
  /** Magister or doktor (S2/S3). */
  | 'POSTGRADUATE'
  /** Sekolah Dasar (SD). */
  | 'PRIMARY'
  /** Sekolah Menengah Atas (SMA). */
  | 'SENIOR_SECONDARY'
  /** Sekolah Menengah Kejuruan (SMK). */
  | 'VOCATIONAL_SECONDARY';

/** Where an enrolment stands. */
export type EnrollmentStatus =
  /** Finished and passed (lulus); final. */
  | 'COMPLETED'
  /** Has a place; the course has not started for the worker yet. */
  | 'ENROLLED'
  /** Finished without passing (tidak lulus); the worker may sit a remedial round. */
  | 'FAILED'
  /** Attending the course. */
  | 'IN_PROGRESS'
  /** Left the course; final, and the place is freed. */
  | 'WITHDRAWN';

/** How serious a compliance finding is. */
export type FindingSeverity =
  /** The placement is not legal as recorded. */
  | 'VIOLATION'
  /** Legal, but an officer should look at it. */
  | 'WARNING';

/** Status of a P3MI licence (SIP3MI). */
export type LicenceStatus =
  /** Licensed to recruit and place workers. */
  | 'ACTIVE'
  /** Past its validity date; set by the date, not by hand. */
  | 'EXPIRED'
  /** Revoked (pencabutan izin) by a sanction. */
  | 'REVOKED'
  /** Temporarily suspended by a sanction. */
  | 'SUSPENDED';

/** Marital status (status perkawinan) as recorded on the KTP-el and Kartu Keluarga. */
export type MaritalStatus =
  /** Cerai hidup. */
  | 'DIVORCED'
  /** Kawin. */
  | 'MARRIED'
  /** Belum kawin. */
  | 'SINGLE'
  /** Cerai mati. */
  | 'WIDOWED';

/** Forms of empowerment (Permen P2MI 33/2025). */
export type MentoringForm =
  /** Konseling. */
  | 'COUNSELLING'
  /** Bimbingan. */
  | 'GUIDANCE'
  /** Pendampingan. */
  | 'MENTORING'
  /** Pelatihan. */
  | 'TRAINING';

/** Topics of mentoring for returnees and their families. */
export type MentoringTopic =
  /** Akses permodalan, e.g. KUR-PMI micro-credit. */
  | 'ACCESS_TO_FINANCE'
  /** Pembukuan sederhana: simple bookkeeping and cost calculation. */
  | 'BOOKKEEPING'
  /** Rencana usaha. */
  | 'BUSINESS_PLAN'
  /** Koperasi and village enterprises (BUMDes). */
  | 'COOPERATIVE'
  /** Literasi keuangan: household and remittance budgeting, saving, avoiding illegal loans and scams. */
  | 'FINANCIAL_LITERACY'
  /** Legalitas usaha: NIB, food-production permit, halal certification. */
  | 'LEGALITY_PERMITS'
  /** Pemasaran, including packaging and digital marketing. */
  | 'MARKETING'
  /** Parenting and children's education. */
  | 'PARENTING'
  /** Psychosocial adjustment after return. */
  | 'PSYCHOSOCIAL'
  /** Work skills, including languages. */
  | 'SKILLS';

/** Occupations of placements; the first ten are the zero-placement-cost occupations of Perban BP2MI 9/2020. */
export type Occupation =
  | 'BABYSITTER'
  | 'CAREWORKER'
  | 'CHILD_CAREGIVER'
  | 'CLEANER'
  | 'CONSTRUCTION_WORKER'
  | 'COOK'
  | 'ELDERLY_CAREGIVER'
  | 'FACTORY_OPERATOR'
  | 'FAMILY_DRIVER'
  | 'FISHING_CREW'
  | 'GARDENER'
  | 'GENERAL_WORKER'
  | 'HOSPITALITY_WORKER'
  | 'HOUSEKEEPER'
  | 'MERCHANT_CREW'
  | 'NURSE'
  | 'OTHER'
  | 'PLANTATION_WORKER';

/** Whether a departure followed the legal placement process (prosedural) or not (non-prosedural). */
export type PlacementChannel =
  /** Outside the legal placement process (non-prosedural), e.g. on a tourist visa. */
  | 'NON_PROCEDURAL'
  /** Through the legal placement process (prosedural). */
  | 'PROCEDURAL';

/** Placement scheme (skema penempatan, UU 18/2017): who organises the placement abroad. */
export type PlacementScheme =
  /** A company posting its own employees (UKPS). */
  | 'EMPLOYER_OWN'
  /** Government-to-government (G-to-G). */
  | 'GOVERNMENT'
  /** Independent (perseorangan), only to legal-entity employers. */
  | 'INDEPENDENT'
  /** Through a licensed placement agency (P3MI). */
  | 'PRIVATE_AGENCY';

/** Where a placement stands. */
export type PlacementStatus =
  /** The worker has reported arrival and works abroad. */
  | 'ABROAD'
  /** Called off before departure. */
  | 'CANCELLED'
  /** The worker has departed. */
  | 'DEPARTED'
  /** Recorded, not yet departed. */
  | 'PLANNED'
  /** The worker has come home. */
  | 'RETURNED';

/** Administrative level of a Kemendagri region. */
export type RegionLevel =
  /** Kecamatan. */
  | 'DISTRICT'
  /** Provinsi, e.g. `35`. */
  | 'PROVINCE'
  /** Kabupaten or kota. */
  | 'REGENCY'
  /** Desa or kelurahan. */
  | 'VILLAGE';

/** Why a worker came home from a placement. */
export type ReturnReason =
  /** The contract ended as agreed. */
  | 'CONTRACT_COMPLETED'
  /** Died abroad; the body was brought home. */
  | 'DECEASED'
  /** Expelled by the destination country (deportasi). */
  | 'DEPORTED'
  /** Came home because of illness or accident. */
  | 'ILLNESS'
  | 'OTHER'
  /** Brought home by the government or the agency (repatriasi), e.g. after a case. */
  | 'REPATRIATED'
  /** The employment ended before the contract did. */
  | 'TERMINATED_EARLY';

/** Economic sector of a placement, as in the KP2MI placement statistics. */
export type Sector =
  /** Agriculture and plantations. */
  | 'AGRICULTURE'
  | 'CONSTRUCTION'
  /** Household work for an individual employer (sektor domestik). */
  | 'DOMESTIC'
  /** Fishing vessels (awak kapal perikanan). */
  | 'FISHERIES'
  | 'HEALTH_CARE'
  | 'HOSPITALITY'
  | 'MANUFACTURING'
  /** Merchant shipping (awak kapal niaga). */
  | 'MARITIME'
  | 'OTHER';

/** Sex (jenis kelamin) as recorded on the KTP-el. */
export type Sex =
  /** Perempuan. */
  | 'FEMALE'
  /** Laki-laki. */
  | 'MALE';

/** Narrows the `workers` list; all given conditions must hold. */
export type WorkerFilter = {
  /** Workers with a placement to this country (ISO 3166-1 alpha-2). */
  destinationCountry?: string | null | undefined;
  /** Part of the worker's name, case-insensitive. */
  nameContains?: string | null | undefined;
  /** Kemendagri code; matches workers whose kecamatan lies inside it (`35.07` or `35.07.11`). */
  regionCode?: string | null | undefined;
  /** Only workers in this lifecycle status. */
  status?: WorkerStatus | null | undefined;
};

/** Lifecycle of a worker record, from first contact at the desk to return. */
export type WorkerStatus =
  /** Has reported arrival and works abroad. */
  | 'ABROAD'
  /** Has departed for a placement. */
  | 'DEPARTED'
  /** Known to have left outside the legal process (non-prosedural). */
  | 'NON_PROCEDURAL'
  /** Has asked for information; not yet registered (calon PMI peminat). */
  | 'PROSPECTIVE'
  /** Registered as calon PMI at the LTSA desk. */
  | 'REGISTERED'
  /** Has come home (purna PMI). */
  | 'RETURNED'
  /** Identity and registration documents verified by the labour office. */
  | 'VERIFIED'
  /** Withdrew before departure. */
  | 'WITHDRAWN';

export type RegionStatsViewQueryVariables = Exact<{
  parentCode: string;
  year: number;
}>;


export type RegionStatsViewQuery = { region: { code: string, name: string, level: RegionLevel, parent: { code: string, name: string, level: RegionLevel, parent: { code: string, name: string, level: RegionLevel } | null } | null } | null, regionStats: Array<{ regionCode: string, casesPerThousandDepartures: number | null, region: { code: string, name: string, level: RegionLevel }, departed: { value: number | null, suppressed: boolean }, returned: { value: number | null, suppressed: boolean }, casesOpened: { value: number | null, suppressed: boolean }, certified: { value: number | null, suppressed: boolean }, mentored: { value: number | null, suppressed: boolean } }> };

export type CountFragment = { value: number | null, suppressed: boolean };

export type SearchRegionsQueryVariables = Exact<{
  parentCode: string;
}>;


export type SearchRegionsQuery = { regions: Array<{ code: string, name: string, level: RegionLevel }> };

export type WorkerAccessLogQueryVariables = Exact<{
  id: string;
}>;


export type WorkerAccessLogQuery = { worker: { id: string, fullName: string, nik: string, district: { name: string }, accessLog: Array<{ at: string, actingSubject: string | null, purpose: string | null, caseReference: string | null, service: string, action: AccessAction, entityType: string, fields: Array<string>, requestId: string, institution: { id: string, name: string } }> | null } | null };

export type WorkerByNikQueryVariables = Exact<{
  nik: string;
}>;


export type WorkerByNikQuery = { workerByNik: { id: string, fullName: string, nik: string, status: WorkerStatus, district: { code: string, name: string } } | null };

export type WorkerRecordQueryVariables = Exact<{
  id: string;
}>;


export type WorkerRecordQuery = { worker: { id: string, nik: string, fullName: string, sex: Sex, birthDate: string | null, birthPlace: string | null, maritalStatus: MaritalStatus | null, education: EducationLevel | null, phone: string | null, address: string | null, villageCode: string | null, status: WorkerStatus, registeredAt: string, district: { code: string, name: string }, registeredBy: { name: string }, documents: Array<{ id: string, type: DocumentType, number: string | null, issuer: string, issuedOn: string | null, validUntil: string | null, status: DocumentStatus, rejectionReason: string | null }> | null, placements: Array<{ id: string, scheme: PlacementScheme, channel: PlacementChannel, destinationCountry: string, employerName: string | null, occupation: Occupation, sector: Sector, monthlyWage: number | null, wageCurrency: string | null, status: PlacementStatus, plannedDepartureDate: string | null, departureDate: string | null, expectedReturnDate: string | null, actualReturnDate: string | null, returnReason: ReturnReason | null, agency: { name: string, licenceNumber: string, licenceStatus: LicenceStatus } | null, compliance: { compliant: boolean, checkedOn: string, findings: Array<{ code: ComplianceFindingCode, severity: FindingSeverity }> } }> | null, consents: Array<{ id: string, purpose: ConsentPurpose, grantedAt: string, expiresAt: string | null, revokedAt: string | null, active: boolean, grantee: { name: string } }> | null, cases: Array<{ id: string, reference: string, category: CaseCategory, status: CaseStatus, openedAt: string, openedBy: { name: string } }> | null, enrollments: Array<{ id: string, status: EnrollmentStatus, enrolledAt: string, completedOn: string | null, score: number | null, course: { title: string, provider: { name: string } } }> | null, certifications: Array<{ id: string, scheme: string, issuer: string, number: string, issuedOn: string, validUntil: string | null }> | null, mentoringSessions: Array<{ id: string, date: string, form: MentoringForm, topics: Array<MentoringTopic>, program: { title: string, university: { name: string } } }> | null } | null };

export type WorkerSearchQueryVariables = Exact<{
  filter?: WorkerFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type WorkerSearchQuery = { workers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, fullName: string, nik: string, status: WorkerStatus, district: { code: string, name: string } } }> } };

export type WorkerRowFragment = { id: string, fullName: string, nik: string, status: WorkerStatus, district: { code: string, name: string } };

export const CountFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Count"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatCount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]} as unknown as DocumentNode<CountFragment, unknown>;
export const WorkerRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkerRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Worker"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"nik"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"district"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<WorkerRowFragment, unknown>;
export const RegionStatsViewDocument = {"__meta__":{"operationName":"RegionStatsView","hash":"d2f56c5c5a1c5532d0908aeed0c4c793783e0168926f3e031d6b8d37178f790e"}} as unknown as DocumentNode<RegionStatsViewQuery, RegionStatsViewQueryVariables>;
export const SearchRegionsDocument = {"__meta__":{"operationName":"SearchRegions","hash":"1efdf7ebdef04a12b96cbb803027976f67930f218c328830d9b0037f31a13989"}} as unknown as DocumentNode<SearchRegionsQuery, SearchRegionsQueryVariables>;
export const WorkerAccessLogDocument = {"__meta__":{"operationName":"WorkerAccessLog","hash":"e7e056133b6a5354de0efac12a7039ee471c152d08d1a32a8146d828bc754bfd"}} as unknown as DocumentNode<WorkerAccessLogQuery, WorkerAccessLogQueryVariables>;
export const WorkerByNikDocument = {"__meta__":{"operationName":"WorkerByNik","hash":"1243257371bf30fc77d1807a065f966eda4bd51ca1e9e4c846929a3a4706449a"}} as unknown as DocumentNode<WorkerByNikQuery, WorkerByNikQueryVariables>;
export const WorkerRecordDocument = {"__meta__":{"operationName":"WorkerRecord","hash":"876d436c9dd6772809e68909efc0a649615f6c5bf28212ab02276c63f78999b6"}} as unknown as DocumentNode<WorkerRecordQuery, WorkerRecordQueryVariables>;
export const WorkerSearchDocument = {"__meta__":{"operationName":"WorkerSearch","hash":"7b5cdc64a4511997872f3230d9efbed1b27b9c70ffe16433a2f8fd886c9ef3fc"}} as unknown as DocumentNode<WorkerSearchQuery, WorkerSearchQueryVariables>;