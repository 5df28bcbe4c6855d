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

/**
 * Which events of an access log to list. Every filter is optional; `from` and `to` bound the
 * instant of the event (ISO 8601, `to` exclusive).
 */
export type AccessEventFilter = {
  /** Only events of this kind. */
  action?: AccessAction | null | undefined;
  /** Only events at or after this instant. */
  from?: string | null | undefined;
  /** Only events of this institution's clients. */
  institutionId?: string | null | undefined;
  /** Only events before this instant. */
  to?: string | null | undefined;
};

/** Accreditation grade (akreditasi) of a training provider; A is the highest. */
export type Accreditation =
  /** Akreditasi A. */
  | 'A'
  /** Akreditasi B. */
  | 'B'
  /** Akreditasi C. */
  | 'C'
  /** Belum terakreditasi: not accredited. */
  | 'NOT_ACCREDITED';

/** State of a returnee's business (usaha). */
export type BusinessStatus =
  /** An idea, not yet started. */
  | 'IDEA'
  /** No business and no plan for one. */
  | 'NONE'
  /** Running. */
  | 'OPERATING'
  /** Started recently, not yet steady. */
  | 'STARTED'
  /** Stopped. */
  | 'STOPPED';

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

/** Narrows the `cases` list; all given conditions must hold. */
export type CaseFilter = {
  /** Only cases concerning this agency (P3MI), by hub ID. */
  agencyId?: string | null | undefined;
  /** Only cases of this category. */
  category?: CaseCategory | null | undefined;
  /** Cases about workers whose kecamatan lies inside this region. */
  regionCode?: string | null | undefined;
  /** Only cases in this status. */
  status?: CaseStatus | null | undefined;
};

/** Result of a resolved complaint case. */
export type CaseOutcome =
  /** The worker received the wages, insurance or compensation owed. */
  | 'COMPENSATED'
  /** Handed to the police or prosecutors. */
  | 'REFERRED_TO_LAW_ENFORCEMENT'
  /** The worker was brought home. */
  | 'REPATRIATED'
  /** Settled between the parties, for example by mediation. */
  | 'SETTLED'
  /** Handling ended without a resolution. */
  | 'UNRESOLVED'
  /** The complainant withdrew the complaint. */
  | 'WITHDRAWN_BY_COMPLAINANT';

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

/** How the complaint reached the hub. */
export type ComplaintChannel =
  /** By telephone to the call centre. */
  | 'CALL_CENTRE'
  /** By email. */
  | 'EMAIL'
  /** Through the ministry's online complaint portal (e-Pengaduan). */
  | 'E_PENGADUAN'
  /** By letter (surat). */
  | 'LETTER'
  /** Referred by another institution. */
  | 'REFERRAL'
  /** Through social media. */
  | 'SOCIAL_MEDIA'
  /** In person at a desk (datang langsung). */
  | 'WALK_IN'
  /** By WhatsApp. */
  | 'WHATSAPP';

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

/** Kinds of placement checklist item. */
export type ComplianceItem =
  /** The placement agency's licence (SIP3MI). */
  | 'AGENCY_LICENCE'
  /** A statutory document (UU 18/2017 Art. 13), named by `documentType`. */
  | 'DOCUMENT'
  /** The job order and its recruitment permit (SIP2MI). */
  | 'JOB_ORDER';

/** Purpose of a consent (tujuan persetujuan): what the grantee institution may use the worker's data for. */
export type ConsentPurpose =
  /** Empowerment and mentoring of returnees by a university partner. */
  | 'EMPOWERMENT'
  /** Pre-departure training and certification by a training provider (LPK, BLK). */
  | 'TRAINING';

/** What a course teaches. */
export type CourseKind =
  /** Entrepreneurship (kewirausahaan), mostly for returnees. */
  | 'ENTREPRENEURSHIP'
  /** A language of the destination (pelatihan bahasa). */
  | 'LANGUAGE'
  /** Preparation for departure and for life and work abroad. */
  | 'PRE_DEPARTURE'
  /** A job skill such as housekeeping or elderly care (pelatihan keterampilan). */
  | 'SKILL';

/** A new course at one of your institution's providers. */
export type CreateCourseInput = {
  /** Number of places (kuota peserta), 1-1,000. */
  capacity: number;
  /** Last day of the course, ISO 8601; not before `startDate`. */
  endDate: string;
  /** Lesson hours (jam pelajaran), 1-2,000. */
  hours: number;
  /** What the course teaches. */
  kind: CourseKind;
  /** ISO 639-1 code of the language taught (`zh`, `ja`, `ko`); required for a LANGUAGE course. */
  language?: string | null | undefined;
  /** Hub ID of the provider, which your institution must run. */
  providerId: string;
  /** The skill taught, e.g. `Housekeeping`. */
  skill?: string | null | undefined;
  /** First day of the course, ISO 8601. */
  startDate: string;
  /** Title of the course. */
  title: string;
};

/** A planned placement (one episode abroad) for a worker. */
export type CreatePlacementInput = {
  /** Hub ID of the placement agency (P3MI); required for PRIVATE_AGENCY unless the channel is NON_PROCEDURAL. */
  agencyId?: string | null | undefined;
  /** PROCEDURAL (default) or NON_PROCEDURAL. */
  channel?: PlacementChannel | null | undefined;
  /** Contract length in months, 1-120. */
  contractMonths?: number | null | undefined;
  /** ISO 3166-1 alpha-2 code of the destination country; not `ID`. */
  destinationCountry: string;
  /** Name of the employer (pemberi kerja) abroad, if known. */
  employerName?: string | null | undefined;
  /** Expected return date, ISO 8601; not before `plannedDepartureDate`. */
  expectedReturnDate?: string | null | undefined;
  /** Hub ID of the job order the worker is recruited against, if any. */
  jobOrderId?: string | null | undefined;
  /** Agreed monthly wage in whole units of `wageCurrency`; give both or neither. */
  monthlyWage?: number | null | undefined;
  /** The job the worker goes to do (jabatan). */
  occupation: Occupation;
  /** Planned departure date, ISO 8601. */
  plannedDepartureDate?: string | null | undefined;
  /** Who organises the placement (skema penempatan). */
  scheme: PlacementScheme;
  /** Economic sector of the job. */
  sector: Sector;
  /** ISO 4217 currency of the wage, e.g. `HKD` or `TWD`; give both or neither. */
  wageCurrency?: string | null | undefined;
  /** Hub ID of the worker to be placed. */
  workerId: string;
};

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

/** Kinds of empowerment of returnees and their families (Permen P2MI 33/2025). */
export type EmpowermentType =
  /** Pemberdayaan ekonomi: entrepreneurship, business mentoring, access to finance, cooperatives. */
  | 'ECONOMIC'
  /** Pemberdayaan sosial: reintegration, psychosocial support, family and parenting. */
  | 'SOCIAL';

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

/** Which institution's record a checklist fact came from; each fact is entered once, where it arises. */
export type EvidenceSource =
  /** A document recorded and verified at the LTSA desk (labour subgraph). */
  | 'LABOUR_DESK'
  /** The ministry's registry of agency licences and job orders (ministry subgraph). */
  | 'MINISTRY_REGISTRY'
  /** A competency certificate issued through the hub by a training provider (training subgraph). */
  | 'TRAINING_CERTIFICATION';

/** How serious a compliance finding is. */
export type FindingSeverity =
  /** The placement is not legal as recorded. */
  | 'VIOLATION'
  /** Legal, but an officer should look at it. */
  | 'WARNING';

/** A worker's consent, given at the desk, to share their data with one institution for one purpose. */
export type GrantConsentInput = {
  /** When the consent lapses by itself, if it should; must be in the future. */
  expiresAt?: string | null | undefined;
  /** Hub ID of the institution (training provider or university) the worker allows to see their data. */
  granteeInstitutionId: string;
  /** What the grantee may use the data for. */
  purpose: ConsentPurpose;
  /** Hub ID of the worker giving the consent. */
  workerId: string;
};

/** An administrative sanction to impose on a placement agency. */
export type ImposeSanctionInput = {
  /** Hub ID of the agency (P3MI) to sanction. */
  agencyId: string;
  /** Hub ID of the complaint case that led to the sanction, if any. */
  caseId?: string | null | undefined;
  /** Last day of a temporary sanction, ISO 8601; left out for a revocation. */
  effectiveUntil?: string | null | undefined;
  /** Date the sanction takes effect, ISO 8601; not in the future. */
  imposedOn: string;
  /** Why the sanction is imposed, as stated in the decision. */
  reason: string;
  /** Kind of sanction. */
  type: SanctionType;
};

/** Kinds of hub member institution. */
export type InstitutionKind =
  /** District labour office (Dinas Tenaga Kerja, Disnaker) running an LTSA desk. */
  | 'LABOUR_OFFICE'
  /** Kemenko PM or KP2MI. */
  | 'MINISTRY'
  /** Training provider (LPK, BLK, BLKLN). */
  | 'TRAINING_PROVIDER'
  /** University partner. */
  | 'UNIVERSITY';

/** A competency certificate for a worker with an active TRAINING consent for your institution. */
export type IssueCertificationInput = {
  /** Hub ID of your course that prepared for it, if any; the worker must be enrolled in it. */
  courseId?: string | null | undefined;
  /** Date of issue, ISO 8601; not in the future. */
  issuedOn: string;
  /** Issuing body (LSP). */
  issuer: string;
  /** Certificate number, unique per issuer. */
  number: string;
  /** Certification scheme, e.g. `Housekeeping (Hong Kong)`. */
  scheme: string;
  /** Last day the certificate is valid, ISO 8601; not before `issuedOn`. */
  validUntil?: string | null | undefined;
  /** Hub ID of the certified worker. */
  workerId: string;
};

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

/** A mentoring session of one of your programmes. */
export type LogMentoringSessionInput = {
  /** What the participants and mentor agreed to do next (rencana tindak lanjut). */
  actionPlan?: string | null | undefined;
  /** State of the participants' business. */
  businessStatus?: BusinessStatus | null | undefined;
  /** Day of the session, ISO 8601; within the programme's dates and not in the future. */
  date: string;
  /** Length of the session in minutes, 5-600. */
  durationMinutes: number;
  /** Form of empowerment (bentuk pemberdayaan). */
  form: MentoringForm;
  /** Kemendagri code of the village where it took place; required in person, left out online. */
  locationCode?: string | null | undefined;
  /** Hub ID of a mentor of the programme's university. */
  mentorId: string;
  /** In person or online. */
  mode: SessionMode;
  /** Needs identified (kebutuhan), at most 20 short texts. */
  needs?: Array<string> | null | undefined;
  /** Planned day of the next session, ISO 8601; after `date`. */
  nextSessionDate?: string | null | undefined;
  /** Mentor's notes; keep them minimal, never health or criminal details. */
  notes?: string | null | undefined;
  /** Hub IDs of the workers who took part, 1-50; each needs an active EMPOWERMENT consent for your institution. */
  participantIds: Array<string>;
  /** Hub ID of the programme, which your university must run. */
  programId: string;
  /** Whether the participants intend to work abroad again. */
  reMigrationIntent?: ReMigrationIntent | null | undefined;
  /** Where the participants were referred for further help, none repeated. */
  referrals?: Array<Referral> | null | undefined;
  /** Monthly business revenue band; personal financial data. */
  revenueBand?: RevenueBand | null | undefined;
  /** Topics covered, 1-10, none repeated. */
  topics: Array<MentoringTopic>;
};

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

/** Whether a returnee intends to work abroad again (re-migration). */
export type ReMigrationIntent =
  /** Considering going abroad again. */
  | 'CONSIDERING'
  /** No intention to go abroad again. */
  | 'NONE'
  /** Has registered again as calon PMI. */
  | 'RE_REGISTERED';

/** A document presented at the LTSA desk. */
export type RecordDocumentInput = {
  /** Date of issue, ISO 8601; not in the future. */
  issuedOn?: string | null | undefined;
  /** Who issued it, e.g. `Kantor Imigrasi Kelas I Malang`. */
  issuer: string;
  /** Document number; a passport number has 6-9 letters and digits. */
  number?: string | null | undefined;
  /** For placement documents (visa, agreements). */
  placementId?: string | null | undefined;
  /** Which document of the checklist this is. */
  type: DocumentType;
  /** Last day of validity, ISO 8601; not before `issuedOn`. */
  validUntil?: string | null | undefined;
  /** Hub ID of the worker the document belongs to. */
  workerId: string;
};

/** Where a participant was referred for further help (rujukan). */
export type Referral =
  /** Bank, for KUR-PMI micro-credit. */
  | 'BANK_KUR'
  /** Dinas Koperasi dan UMKM. */
  | 'COOPERATIVES_SME_OFFICE'
  /** Health service (puskesmas, hospital, Dinas Kesehatan). */
  | 'HEALTH_SERVICE'
  /** Labour office (Disnaker), e.g. for re-registration or a complaint. */
  | 'LABOUR_OFFICE'
  | 'OTHER'
  /** Dinas Sosial. */
  | 'SOCIAL_OFFICE';

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

/** A new worker as registered at the LTSA desk; personal data is checked before anything is written. */
export type RegisterWorkerInput = {
  /** Street address (alamat), at most 300 characters. */
  address: string;
  /** Date of birth (tanggal lahir), ISO 8601; the worker must be at least 18 years old (UU 18/2017 Art. 5). */
  birthDate: string;
  /** Place of birth (tempat lahir). */
  birthPlace: string;
  /** Highest completed education (pendidikan terakhir). */
  education: EducationLevel;
  /** Full name as on the KTP-el. */
  fullName: string;
  /** Marital status (status perkawinan). */
  maritalStatus: MaritalStatus;
  /** NIK (Nomor Induk Kependudukan), 16 digits, as on the KTP-el; must be unique in the hub. */
  nik: string;
  /**
   * Set to true when the NIK was first issued in another regency than the domicile's (the person moved; a NIK
   * is for life). Without it, a NIK whose digits 1-4 are not the domicile's regency is refused as a likely typo.
   * The statement is recorded in the access log.
   */
  nikIssuedElsewhere?: boolean | null | undefined;
  /** Mobile phone number (nomor HP), e.g. `081234567890` or `+85291234567`. */
  phone?: string | null | undefined;
  /** Sex (jenis kelamin) as on the KTP-el. */
  sex: Sex;
  /** PROSPECTIVE for an enquiry, REGISTERED (default) for a completed registration. */
  status?: WorkerStatus | null | undefined;
  /** Kemendagri code of the village of domicile (`35.07.11.2008`); it must lie in your office's region. */
  villageCode: string;
};

/** The resolution that closes a case's handling. */
export type ResolveCaseInput = {
  /** The result of the case. */
  outcome: CaseOutcome;
  /** What was done and agreed, for the record, at most 2,000 characters; personal data. */
  summary: string;
};

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

/** Monthly revenue in rupiah. */
export type RevenueBand =
  /** Rp1 million to Rp5 million a month. */
  | 'FROM_1M_TO_5M'
  /** Rp5 million to Rp10 million a month. */
  | 'FROM_5M_TO_10M'
  /** No revenue. */
  | 'NONE'
  /** Over Rp10 million a month. */
  | 'OVER_10M'
  /** Under Rp1 million a month. */
  | 'UNDER_1M';

/** Kinds of administrative sanction on a P3MI (sanksi administratif, Permen P2MI 4/2025). */
export type SanctionType =
  /** Cashing of the guarantee deposit (Permen P2MI 31/2025 Art. 23). */
  | 'DEPOSIT_CLAIM'
  /** Denda administratif. */
  | 'FINE'
  /** Revocation of the licence (pencabutan izin); the licence reads REVOKED. */
  | 'LICENCE_REVOCATION'
  /** Temporary stop of business activity (penghentian sementara kegiatan usaha); the licence reads SUSPENDED. */
  | 'SUSPENSION'
  /** Teguran tertulis. */
  | 'WRITTEN_WARNING';

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

/** How a session was held. */
export type SessionMode =
  /** Face to face (tatap muka). */
  | 'IN_PERSON'
  /** Online (daring). */
  | 'ONLINE';

/** Sex (jenis kelamin) as recorded on the KTP-el. */
export type Sex =
  /** Perempuan. */
  | 'FEMALE'
  /** Laki-laki. */
  | 'MALE';

/** Kinds of training provider. */
export type TrainingProviderKind =
  /** Balai Latihan Kerja (public). */
  | 'BLK'
  /** Balai Latihan Kerja Luar Negeri (run by a placement agency). */
  | 'BLKLN'
  /** Lembaga Pelatihan Kerja (private). */
  | 'LPK';

/** Changes to an agency's licence; fields left out stay as they are, and at least one must be given. */
export type UpdateAgencyLicenceInput = {
  /** New status: ACTIVE, SUSPENDED or REVOKED (a licence expires by its validity date, never by hand). */
  licenceStatus?: LicenceStatus | null | undefined;
  /** New last day of validity, ISO 8601. */
  licenceValidUntil?: string | null | undefined;
};

/** Progress on an enrolment; fields left out stay as they are, and at least one must be given. */
export type UpdateEnrollmentInput = {
  /** Share of lessons attended, 0-100; null clears it. */
  attendancePercent?: number | null | undefined;
  /** Day the worker completed or failed the course, ISO 8601; not in the future. */
  completedOn?: string | null | undefined;
  /** Final assessment score, 0-100; null clears it. */
  score?: number | null | undefined;
  /** New status; COMPLETED and WITHDRAWN are final. */
  status?: EnrollmentStatus | null | undefined;
};

/**
 * Which of a worker's access events to list and summarise. Every filter is optional; filters of
 * different kinds all apply, several values of one kind match any of them. A period is given either
 * as Asia/Jakarta (WIB) days or as instants, not both.
 */
export type WorkerAccessLogFilter = {
  /** Only events of these kinds. */
  actions?: Array<AccessAction> | null | undefined;
  /** Leave out reads of the access log itself (`isReportRead`); the console leaves them out by default. */
  excludeReportReads?: boolean | null | undefined;
  /** Only events at or after this instant. */
  from?: string | null | undefined;
  /** Only events on or after this day, from 00:00 WIB (Asia/Jakarta). */
  fromDate?: string | null | undefined;
  /** Only events of these institutions' clients (at most 20). */
  institutionIds?: Array<string> | null | undefined;
  /** Only events whose stated purpose contains this text (case-insensitive). */
  purpose?: string | null | undefined;
  /** Only events recorded by these services: `labour`, `ministry`, `training`, `university`. */
  services?: Array<string> | null | undefined;
  /** Only events before this instant. */
  to?: string | null | undefined;
  /** Only events on or before this day, until 24:00 WIB (Asia/Jakarta). */
  toDate?: string | null | undefined;
};

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

export type AgencyListQueryVariables = Exact<{
  status?: LicenceStatus | null | undefined;
}>;


export type AgencyListQuery = { placementAgencies: Array<{ id: string, name: string, licenceNumber: string, licenceStatus: LicenceStatus, licenceValidUntil: string, headOfficeRegion: { name: string } }> };

export type AgencyDetailQueryVariables = Exact<{
  id: string;
}>;


export type AgencyDetailQuery = { placementAgency: { id: string, name: string, licenceNumber: string, licenceStatus: LicenceStatus, licenceValidFrom: string, licenceValidUntil: string, headOfficeRegion: { code: string, name: string }, sanctions: Array<{ id: string, type: SanctionType, reason: string, imposedOn: string, effectiveUntil: string | null, case: { id: string, reference: string } | null }>, jobOrders: Array<{ id: string, countryCode: string, employerName: string, occupation: Occupation, quota: number, recruitmentPermitNumber: string, validFrom: string, validUntil: string, verifiedByMission: boolean }> } | null, cases: { totalCount: number, edges: Array<{ node: { id: string, reference: string, category: CaseCategory, status: CaseStatus } }> } };

export type UpdateAgencyLicenceMutationVariables = Exact<{
  id: string;
  input: UpdateAgencyLicenceInput;
}>;


export type UpdateAgencyLicenceMutation = { updateAgencyLicence: { id: string, licenceStatus: LicenceStatus, licenceValidUntil: string } };

export type ImposeSanctionMutationVariables = Exact<{
  input: ImposeSanctionInput;
}>;


export type ImposeSanctionMutation = { imposeSanction: { id: string } };

export type AuditLogStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditLogStatusQuery = { labourAccessLogStatus: { service: string, events: number, headPosition: number | null, headAt: string | null, intact: boolean, brokenAt: number | null, reason: string | null, checkedAt: string }, ministryAccessLogStatus: { service: string, events: number, headPosition: number | null, headAt: string | null, intact: boolean, brokenAt: number | null, reason: string | null, checkedAt: string }, trainingAccessLogStatus: { service: string, events: number, headPosition: number | null, headAt: string | null, intact: boolean, brokenAt: number | null, reason: string | null, checkedAt: string }, universityAccessLogStatus: { service: string, events: number, headPosition: number | null, headAt: string | null, intact: boolean, brokenAt: number | null, reason: string | null, checkedAt: string } };

export type ChainStatusFragment = { service: string, events: number, headPosition: number | null, headAt: string | null, intact: boolean, brokenAt: number | null, reason: string | null, checkedAt: string };

export type AuditServiceEventsQueryVariables = Exact<{
  filter?: AccessEventFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  labour: boolean;
  ministry: boolean;
  training: boolean;
  university: boolean;
}>;


export type AuditServiceEventsQuery = { labourAccessEvents?: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, events: Array<{ position: number, at: string, clientId: string, actingSubject: string | null, purpose: string | null, caseReference: string | null, service: string, action: AccessAction, entityType: string, entityId: string, workerId: string | null, fields: Array<string>, requestId: string, clientRequestId: string | null, institution: { id: string, name: string } }> }, ministryAccessEvents?: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, events: Array<{ position: number, at: string, clientId: string, actingSubject: string | null, purpose: string | null, caseReference: string | null, service: string, action: AccessAction, entityType: string, entityId: string, workerId: string | null, fields: Array<string>, requestId: string, clientRequestId: string | null, institution: { id: string, name: string } }> }, trainingAccessEvents?: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, events: Array<{ position: number, at: string, clientId: string, actingSubject: string | null, purpose: string | null, caseReference: string | null, service: string, action: AccessAction, entityType: string, entityId: string, workerId: string | null, fields: Array<string>, requestId: string, clientRequestId: string | null, institution: { id: string, name: string } }> }, universityAccessEvents?: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, events: Array<{ position: number, at: string, clientId: string, actingSubject: string | null, purpose: string | null, caseReference: string | null, service: string, action: AccessAction, entityType: string, entityId: string, workerId: string | null, fields: Array<string>, requestId: string, clientRequestId: string | null, institution: { id: string, name: string } }> } };

export type AuditPageFragment = { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, events: Array<{ position: number, at: string, clientId: string, actingSubject: string | null, purpose: string | null, caseReference: string | null, service: string, action: AccessAction, entityType: string, entityId: string, workerId: string | null, fields: Array<string>, requestId: string, clientRequestId: string | null, institution: { id: string, name: string } }> };

export type AuditInstitutionsQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditInstitutionsQuery = { institutions: Array<{ id: string, name: string, kind: InstitutionKind }> };

export type AuditWorkerSearchQueryVariables = Exact<{
  filter?: WorkerFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AuditWorkerSearchQuery = { workers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, fullName: string, nik: string, status: WorkerStatus, district: { name: string } } }> } };

export type AuditWorkerLogQueryVariables = Exact<{
  id: string;
}>;


export type AuditWorkerLogQuery = { worker: { id: string, fullName: string, nik: string, district: { name: string }, accessLog: { totalCount: number, events: Array<{ at: string, clientId: string, actingSubject: string | null, purpose: string | null, caseReference: string | null, service: string, action: AccessAction, entityType: string, entityId: string, fields: Array<string>, requestId: string, clientRequestId: string | null, institution: { id: string, name: string } }> } | null } | null };

export type CaseDetailQueryVariables = Exact<{
  id: string;
}>;


export type CaseDetailQuery = { case: { id: string, reference: string, category: CaseCategory, status: CaseStatus, channel: ComplaintChannel, countryCode: string | null, summary: string | null, openedAt: string, openedBy: { name: string }, agency: { id: string, name: string, licenceNumber: string, licenceStatus: LicenceStatus } | null, notes: Array<{ at: string, text: string, author: { name: string } }> | null, resolution: { outcome: CaseOutcome, resolvedAt: string, summary: string } | null, placement: { id: string, destinationCountry: string, occupation: Occupation, status: PlacementStatus, employerName: string | null, plannedDepartureDate: string | null, departureDate: string | null, agency: { id: string, name: string, licenceStatus: LicenceStatus } | null, compliance: { compliant: boolean, checkedOn: string, findings: Array<{ code: ComplianceFindingCode, severity: FindingSeverity, message: string }>, evidence: Array<{ item: ComplianceItem, documentType: DocumentType | null, satisfied: boolean, source: EvidenceSource | null, reference: string | null }> } } | null, worker: { id: string, fullName: string, nik: string, district: { name: string }, placements: Array<{ id: string, destinationCountry: string, occupation: Occupation, status: PlacementStatus, employerName: string | null, plannedDepartureDate: string | null, departureDate: string | null, agency: { id: string, name: string, licenceStatus: LicenceStatus } | null, compliance: { compliant: boolean, checkedOn: string, findings: Array<{ code: ComplianceFindingCode, severity: FindingSeverity, message: string }>, evidence: Array<{ item: ComplianceItem, documentType: DocumentType | null, satisfied: boolean, source: EvidenceSource | null, reference: string | null }> } }> | null } } | null };

export type CasePlacementFragment = { id: string, destinationCountry: string, occupation: Occupation, status: PlacementStatus, employerName: string | null, plannedDepartureDate: string | null, departureDate: string | null, agency: { id: string, name: string, licenceStatus: LicenceStatus } | null, compliance: { compliant: boolean, checkedOn: string, findings: Array<{ code: ComplianceFindingCode, severity: FindingSeverity, message: string }>, evidence: Array<{ item: ComplianceItem, documentType: DocumentType | null, satisfied: boolean, source: EvidenceSource | null, reference: string | null }> } };

export type AddCaseNoteMutationVariables = Exact<{
  caseId: string;
  text: string;
}>;


export type AddCaseNoteMutation = { addCaseNote: { id: string, status: CaseStatus } };

export type ChangeCaseStatusMutationVariables = Exact<{
  caseId: string;
  status: CaseStatus;
}>;


export type ChangeCaseStatusMutation = { changeCaseStatus: { id: string, status: CaseStatus } };

export type ResolveCaseMutationVariables = Exact<{
  caseId: string;
  input: ResolveCaseInput;
}>;


export type ResolveCaseMutation = { resolveCase: { id: string, status: CaseStatus } };

export type CaseListQueryVariables = Exact<{
  filter?: CaseFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  regionCode: string;
  withRegion: boolean;
}>;


export type CaseListQuery = { cases: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, reference: string, category: CaseCategory, status: CaseStatus, openedAt: string, openedBy: { name: string }, worker: { id: string, fullName: string, district: { name: string } }, agency: { id: string, name: string } | null } }> }, region?: { code: string, name: string } | null };

export type CaseFilterOptionsQueryVariables = Exact<{
  officeRegion: string;
  withOfficeRegion: boolean;
}>;


export type CaseFilterOptionsQuery = { placementAgencies: Array<{ id: string, name: string }>, regions?: Array<{ code: string, name: string, level: RegionLevel }> };

export type MentorUniversitiesQueryVariables = Exact<{ [key: string]: never; }>;


export type MentorUniversitiesQuery = { universities: Array<{ id: string, name: string, regionCode: string, institution: { id: string }, mentors: Array<{ id: string, fullName: string, expertise: Array<MentoringTopic> }> }> };

export type MentorProgramsQueryVariables = Exact<{
  universityId: string;
}>;


export type MentorProgramsQuery = { mentoringPrograms: Array<{ id: string, title: string, empowermentType: EmpowermentType, villageCode: string, startDate: string, endDate: string | null, description: string | null }> };

export type MentoringParticipantsQueryVariables = Exact<{
  filter?: WorkerFilter | null | undefined;
  first?: number | null | undefined;
}>;


export type MentoringParticipantsQuery = { workers: { totalCount: number, edges: Array<{ node: { id: string, fullName: string, nik: string, status: WorkerStatus, district: { name: string } } }> } };

export type VillageNameQueryVariables = Exact<{
  code: string;
}>;


export type VillageNameQuery = { region: { code: string, name: string, parent: { name: string } | null } | null };

export type ParticipantHistoryQueryVariables = Exact<{
  id: string;
}>;


export type ParticipantHistoryQuery = { worker: { id: string, fullName: string, nik: string, district: { name: string }, mentoringSessions: Array<{ id: string, date: string, durationMinutes: number | null, mode: SessionMode | null, locationCode: string | null, form: MentoringForm, topics: Array<MentoringTopic>, businessStatus: BusinessStatus | null, revenueBand: RevenueBand | null, needs: Array<string> | null, referrals: Array<Referral> | null, actionPlan: string | null, nextSessionDate: string | null, reMigrationIntent: ReMigrationIntent | null, notes: string | null, mentor: { fullName: string } | null, program: { id: string, title: string, university: { name: string } } }> | null } | null };

export type LogMentoringSessionMutationVariables = Exact<{
  input: LogMentoringSessionInput;
}>;


export type LogMentoringSessionMutation = { logMentoringSession: { id: string, date: string } };

export type RegionStatsViewQueryVariables = Exact<{
  parentCode: string;
  fromYear: number;
  toYear: number;
}>;


export type RegionStatsViewQuery = { region: { code: string, name: string, level: RegionLevel, parent: { code: string, name: string, level: RegionLevel, parent: { code: string, name: string, level: RegionLevel } | null } | null } | null, regionStatsTable: { total: { regionCode: string, hasData: boolean, casesPerThousandDepartures: number | null, region: { code: string, name: string, level: RegionLevel } | null, departed: { value: number | null, suppressed: boolean }, returned: { value: number | null, suppressed: boolean }, casesOpened: { value: number | null, suppressed: boolean }, certified: { value: number | null, suppressed: boolean }, mentored: { value: number | null, suppressed: boolean } }, rows: Array<{ regionCode: string, hasData: boolean, casesPerThousandDepartures: number | null, region: { code: string, name: string, level: RegionLevel } | null, departed: { value: number | null, suppressed: boolean }, returned: { value: number | null, suppressed: boolean }, casesOpened: { value: number | null, suppressed: boolean }, certified: { value: number | null, suppressed: boolean }, mentored: { value: number | null, suppressed: boolean } }> } };

export type NationalStatsViewQueryVariables = Exact<{
  fromYear: number;
  toYear: number;
}>;


export type NationalStatsViewQuery = { regionStatsTable: { total: { regionCode: string, hasData: boolean, casesPerThousandDepartures: number | null, region: { code: string, name: string, level: RegionLevel } | null, departed: { value: number | null, suppressed: boolean }, returned: { value: number | null, suppressed: boolean }, casesOpened: { value: number | null, suppressed: boolean }, certified: { value: number | null, suppressed: boolean }, mentored: { value: number | null, suppressed: boolean } }, rows: Array<{ regionCode: string, hasData: boolean, casesPerThousandDepartures: number | null, region: { code: string, name: string, level: RegionLevel } | null, departed: { value: number | null, suppressed: boolean }, returned: { value: number | null, suppressed: boolean }, casesOpened: { value: number | null, suppressed: boolean }, certified: { value: number | null, suppressed: boolean }, mentored: { value: number | null, suppressed: boolean } }> } };

export type RegionStatsTablePartsFragment = { total: { regionCode: string, hasData: boolean, casesPerThousandDepartures: number | null, region: { code: string, name: string, level: RegionLevel } | null, departed: { value: number | null, suppressed: boolean }, returned: { value: number | null, suppressed: boolean }, casesOpened: { value: number | null, suppressed: boolean }, certified: { value: number | null, suppressed: boolean }, mentored: { value: number | null, suppressed: boolean } }, rows: Array<{ regionCode: string, hasData: boolean, casesPerThousandDepartures: number | null, region: { code: string, name: string, level: RegionLevel } | null, departed: { value: number | null, suppressed: boolean }, returned: { value: number | null, suppressed: boolean }, casesOpened: { value: number | null, suppressed: boolean }, certified: { value: number | null, suppressed: boolean }, mentored: { value: number | null, suppressed: boolean } }> };

export type RegionStatsRowFragment = { regionCode: string, hasData: boolean, casesPerThousandDepartures: number | null, region: { code: string, name: string, level: RegionLevel } | null, departed: { value: number | null, suppressed: boolean }, returned: { value: number | null, suppressed: boolean }, casesOpened: { value: number | null, suppressed: boolean }, certified: { value: number | null, suppressed: boolean }, mentored: { value: number | null, suppressed: boolean } };

export type CountFragment = { value: number | null, suppressed: boolean };

export type RegistrarCourseQueryVariables = Exact<{
  id: string;
}>;


export type RegistrarCourseQuery = { course: { id: string, title: string, kind: CourseKind, skill: string | null, language: string | null, hours: number, startDate: string, endDate: string, capacity: number, enrolledCount: number, provider: { id: string, name: string, institution: { id: string } }, enrollments: Array<{ id: string, status: EnrollmentStatus, enrolledAt: string, attendancePercent: number | null, score: number | null, completedOn: string | null, worker: { id: string, fullName: string, nik: string, district: { name: string }, certifications: Array<{ id: string, scheme: string, issuer: string, number: string, issuedOn: string, validUntil: string | null, course: { id: string } | null }> | null } }> | null } | null };

export type ConsentingTraineesQueryVariables = Exact<{
  filter?: WorkerFilter | null | undefined;
  first?: number | null | undefined;
}>;


export type ConsentingTraineesQuery = { workers: { totalCount: number, edges: Array<{ node: { id: string, fullName: string, nik: string, district: { name: string } } }> } };

export type EnrollWorkerMutationVariables = Exact<{
  courseId: string;
  workerId: string;
}>;


export type EnrollWorkerMutation = { enrollWorker: { id: string, status: EnrollmentStatus } };

export type UpdateEnrollmentMutationVariables = Exact<{
  id: string;
  input: UpdateEnrollmentInput;
}>;


export type UpdateEnrollmentMutation = { updateEnrollment: { id: string, status: EnrollmentStatus, attendancePercent: number | null, score: number | null, completedOn: string | null } };

export type IssueCertificationMutationVariables = Exact<{
  input: IssueCertificationInput;
}>;


export type IssueCertificationMutation = { issueCertification: { id: string, scheme: string, number: string } };

export type RegistrarProvidersQueryVariables = Exact<{ [key: string]: never; }>;


export type RegistrarProvidersQuery = { trainingProviders: Array<{ id: string, name: string, kind: TrainingProviderKind, accreditation: Accreditation, accreditationValidUntil: string | null, regionCode: string, institution: { id: string } }> };

export type ProviderCoursesQueryVariables = Exact<{
  providerId: string;
}>;


export type ProviderCoursesQuery = { courses: Array<{ id: string, title: string, kind: CourseKind, skill: string | null, language: string | null, hours: number, startDate: string, endDate: string, capacity: number, enrolledCount: number }> };

export type CreateCourseMutationVariables = Exact<{
  input: CreateCourseInput;
}>;


export type CreateCourseMutation = { createCourse: { id: string, title: string } };

export type CourseRowFragment = { id: string, title: string, kind: CourseKind, skill: string | null, language: string | null, hours: number, startDate: string, endDate: string, capacity: number, enrolledCount: number };

export type ConsentGranteesQueryVariables = Exact<{
  kind?: InstitutionKind | null | undefined;
}>;


export type ConsentGranteesQuery = { institutions: Array<{ id: string, name: string, kind: InstitutionKind }> };

export type GrantConsentMutationVariables = Exact<{
  input: GrantConsentInput;
}>;


export type GrantConsentMutation = { grantConsent: { id: string, active: boolean } };

export type RevokeConsentMutationVariables = Exact<{
  id: string;
}>;


export type RevokeConsentMutation = { revokeConsent: { id: string, active: boolean, revokedAt: string | null } };

export type RecordDocumentMutationVariables = Exact<{
  input: RecordDocumentInput;
}>;


export type RecordDocumentMutation = { recordDocument: { id: string, status: DocumentStatus } };

export type VerifyDocumentMutationVariables = Exact<{
  id: string;
}>;


export type VerifyDocumentMutation = { verifyDocument: { id: string, status: DocumentStatus } };

export type RejectDocumentMutationVariables = Exact<{
  id: string;
  reason: string;
}>;


export type RejectDocumentMutation = { rejectDocument: { id: string, status: DocumentStatus, rejectionReason: string | null } };

export type PlacementAgencyChoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type PlacementAgencyChoicesQuery = { placementAgencies: Array<{ id: string, name: string, licenceNumber: string, licenceStatus: LicenceStatus }> };

export type AgencyJobOrdersQueryVariables = Exact<{
  agencyId: string;
}>;


export type AgencyJobOrdersQuery = { jobOrders: Array<{ id: string, countryCode: string, employerName: string, occupation: Occupation, quota: number, recruitmentPermitNumber: string, validUntil: string }> };

export type CreatePlacementMutationVariables = Exact<{
  input: CreatePlacementInput;
}>;


export type CreatePlacementMutation = { createPlacement: { id: string, status: PlacementStatus } };

export type RecordDepartureMutationVariables = Exact<{
  placementId: string;
  departedOn: string;
}>;


export type RecordDepartureMutation = { recordDeparture: { id: string, status: PlacementStatus, departureDate: string | null } };

export type RecordArrivalMutationVariables = Exact<{
  placementId: string;
  arrivedOn: string;
}>;


export type RecordArrivalMutation = { recordArrival: { id: string, status: PlacementStatus, arrivalDate: string | null } };

export type RecordReturnMutationVariables = Exact<{
  placementId: string;
  returnedOn: string;
  reason: ReturnReason;
}>;


export type RecordReturnMutation = { recordReturn: { id: string, status: PlacementStatus, actualReturnDate: string | null, returnReason: ReturnReason | null } };

export type RegisterWorkerMutationVariables = Exact<{
  input: RegisterWorkerInput;
}>;


export type RegisterWorkerMutation = { registerWorker: { id: string, fullName: string, status: WorkerStatus } };

export type SearchRegionsQueryVariables = Exact<{
  parentCode: string;
}>;


export type SearchRegionsQuery = { regions: Array<{ code: string, name: string, level: RegionLevel }> };

export type WorkerAccessHeaderQueryVariables = Exact<{
  id: string;
}>;


export type WorkerAccessHeaderQuery = { worker: { id: string, fullName: string, nik: string, district: { name: string } } | null };

export type WorkerAccessLogQueryVariables = Exact<{
  id: string;
  filter?: WorkerAccessLogFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type WorkerAccessLogQuery = { worker: { id: string, accessLog: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, summary: Array<{ total: number, firstAt: string, lastAt: string, institution: { id: string, name: string }, actions: Array<{ action: AccessAction, count: number }> }>, events: Array<{ at: string, actingSubject: string | null, purpose: string | null, caseReference: string | null, service: string, action: AccessAction, entityType: string, fields: Array<string>, requestId: string, isReportRead: boolean, institution: { id: string, name: string } }> } | null } | null };

export type WorkerByNikQueryVariables = Exact<{
  nik: string;
}>;


export type WorkerByNikQuery = { workerByNik: { id: string, fullName: string, nik: string, status: WorkerStatus, district: { code: string, name: string } } | null };

export type WorkerRecordQueryVariables = Exact<{
  id: string;
}>;


export type WorkerRecordQuery = { worker: { id: string, nik: string, fullName: string, sex: Sex, birthDate: string | null, birthPlace: string | null, maritalStatus: MaritalStatus | null, education: EducationLevel | null, phone: string | null, address: string | null, villageCode: string | null, status: WorkerStatus, registeredAt: string, district: { code: string, name: string }, registeredBy: { name: string }, documents: Array<{ id: string, type: DocumentType, number: string | null, issuer: string, issuedOn: string | null, validUntil: string | null, status: DocumentStatus, rejectionReason: string | null }> | null, placements: Array<{ id: string, scheme: PlacementScheme, channel: PlacementChannel, destinationCountry: string, employerName: string | null, occupation: Occupation, sector: Sector, monthlyWage: number | null, wageCurrency: string | null, status: PlacementStatus, plannedDepartureDate: string | null, departureDate: string | null, arrivalDate: string | null, contractMonths: number | null, expectedReturnDate: string | null, actualReturnDate: string | null, returnReason: ReturnReason | null, agency: { name: string, licenceNumber: string, licenceStatus: LicenceStatus } | null, compliance: { compliant: boolean, checkedOn: string, findings: Array<{ code: ComplianceFindingCode, severity: FindingSeverity }> } }> | null, consents: Array<{ id: string, purpose: ConsentPurpose, grantedAt: string, expiresAt: string | null, revokedAt: string | null, active: boolean, grantee: { name: string } }> | null, cases: Array<{ id: string, reference: string, category: CaseCategory, status: CaseStatus, openedAt: string, openedBy: { name: string } }> | null, enrollments: Array<{ id: string, status: EnrollmentStatus, enrolledAt: string, completedOn: string | null, score: number | null, course: { title: string, provider: { name: string } } }> | null, certifications: Array<{ id: string, scheme: string, issuer: string, number: string, issuedOn: string, validUntil: string | null }> | null, mentoringSessions: Array<{ id: string, date: string, form: MentoringForm, topics: Array<MentoringTopic>, program: { title: string, university: { name: string } } }> | null } | null };

export type WorkerSearchQueryVariables = Exact<{
  filter?: WorkerFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type WorkerSearchQuery = { workers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, fullName: string, nik: string, status: WorkerStatus, district: { code: string, name: string } } }> } };

export type WorkerRowFragment = { id: string, fullName: string, nik: string, status: WorkerStatus, district: { code: string, name: string } };

export type ChangeWorkerStatusMutationVariables = Exact<{
  id: string;
  status: WorkerStatus;
  reason?: string | null | undefined;
}>;


export type ChangeWorkerStatusMutation = { changeWorkerStatus: { id: string, status: WorkerStatus } };

export const ChainStatusFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChainStatus"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccessLogStatus"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"headPosition"}},{"kind":"Field","name":{"kind":"Name","value":"headAt"}},{"kind":"Field","name":{"kind":"Name","value":"intact"}},{"kind":"Field","name":{"kind":"Name","value":"brokenAt"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"checkedAt"}}]}}]} as unknown as DocumentNode<ChainStatusFragment, unknown>;
export const AuditPageFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AuditPage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuditEventPage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"institution"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"actingSubject"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"caseReference"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"entityType"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"workerId"}},{"kind":"Field","name":{"kind":"Name","value":"fields"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"clientRequestId"}}]}}]}}]} as unknown as DocumentNode<AuditPageFragment, unknown>;
export const CasePlacementFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CasePlacement"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Placement"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"destinationCountry"}},{"kind":"Field","name":{"kind":"Name","value":"occupation"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"employerName"}},{"kind":"Field","name":{"kind":"Name","value":"plannedDepartureDate"}},{"kind":"Field","name":{"kind":"Name","value":"departureDate"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"licenceStatus"}}]}},{"kind":"Field","name":{"kind":"Name","value":"compliance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"compliant"}},{"kind":"Field","name":{"kind":"Name","value":"checkedOn"}},{"kind":"Field","name":{"kind":"Name","value":"findings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"evidence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"item"}},{"kind":"Field","name":{"kind":"Name","value":"documentType"}},{"kind":"Field","name":{"kind":"Name","value":"satisfied"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}}]}}]}}]}}]} as unknown as DocumentNode<CasePlacementFragment, unknown>;
export const CountFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Count"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatCount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]} as unknown as DocumentNode<CountFragment, unknown>;
export const RegionStatsRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RegionStatsRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RegionStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"hasData"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"departed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"returned"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"casesOpened"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"casesPerThousandDepartures"}},{"kind":"Field","name":{"kind":"Name","value":"certified"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mentored"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Count"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Count"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatCount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]} as unknown as DocumentNode<RegionStatsRowFragment, unknown>;
export const RegionStatsTablePartsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RegionStatsTableParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RegionStatsTable"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RegionStatsRow"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RegionStatsRow"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Count"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatCount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RegionStatsRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RegionStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"hasData"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"departed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"returned"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"casesOpened"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"casesPerThousandDepartures"}},{"kind":"Field","name":{"kind":"Name","value":"certified"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mentored"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Count"}}]}}]}}]} as unknown as DocumentNode<RegionStatsTablePartsFragment, unknown>;
export const CourseRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CourseRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Course"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"skill"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"hours"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"}},{"kind":"Field","name":{"kind":"Name","value":"enrolledCount"}}]}}]} as unknown as DocumentNode<CourseRowFragment, unknown>;
export const WorkerRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkerRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Worker"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"nik"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"district"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<WorkerRowFragment, unknown>;
export const AgencyListDocument = {"__meta__":{"operationName":"AgencyList","hash":"673d6348b256688771236a4dd359d2812dad7c4746b47fa14101b365c5687f1d"}} as unknown as DocumentNode<AgencyListQuery, AgencyListQueryVariables>;
export const AgencyDetailDocument = {"__meta__":{"operationName":"AgencyDetail","hash":"8127523f56a3d4740eeffc5bb28d066dec21f4b3a9a689e183a1f071d0332c69"}} as unknown as DocumentNode<AgencyDetailQuery, AgencyDetailQueryVariables>;
export const UpdateAgencyLicenceDocument = {"__meta__":{"operationName":"UpdateAgencyLicence","hash":"5da3d9117edb27a1a101162f5b55c5609b5de27efe5908f494ac3a5225459f1d"}} as unknown as DocumentNode<UpdateAgencyLicenceMutation, UpdateAgencyLicenceMutationVariables>;
export const ImposeSanctionDocument = {"__meta__":{"operationName":"ImposeSanction","hash":"7786379fa788ec4ef56632207804c150ef98a8b1f83e025bc1367845383530ba"}} as unknown as DocumentNode<ImposeSanctionMutation, ImposeSanctionMutationVariables>;
export const AuditLogStatusDocument = {"__meta__":{"operationName":"AuditLogStatus","hash":"44f4ec327e50dc9a91b7c0d10e49ef2948040fbbbcf3f419ebf1c8734d2db685"}} as unknown as DocumentNode<AuditLogStatusQuery, AuditLogStatusQueryVariables>;
export const AuditServiceEventsDocument = {"__meta__":{"operationName":"AuditServiceEvents","hash":"696f566fcac04bb7530f793e68186fbe75c8f41edbbea78806577d509d30bb38"}} as unknown as DocumentNode<AuditServiceEventsQuery, AuditServiceEventsQueryVariables>;
export const AuditInstitutionsDocument = {"__meta__":{"operationName":"AuditInstitutions","hash":"a4e9072c27389734731e949461a885820f2325331abc9c5ed87c11b20083a13d"}} as unknown as DocumentNode<AuditInstitutionsQuery, AuditInstitutionsQueryVariables>;
export const AuditWorkerSearchDocument = {"__meta__":{"operationName":"AuditWorkerSearch","hash":"26346fe6c3344bb14598c578450040a8dc17928d6eb1559f7fb38cab6c7d0db8"}} as unknown as DocumentNode<AuditWorkerSearchQuery, AuditWorkerSearchQueryVariables>;
export const AuditWorkerLogDocument = {"__meta__":{"operationName":"AuditWorkerLog","hash":"a69d95343789d94b08228349c35775808242883cdfcfcdd17945bceef5cd9db2"}} as unknown as DocumentNode<AuditWorkerLogQuery, AuditWorkerLogQueryVariables>;
export const CaseDetailDocument = {"__meta__":{"operationName":"CaseDetail","hash":"6de65e456dc6a0f07354a3605b858f8c39ebf91a1a5d5ebc45995c0d0bd4e5b8"}} as unknown as DocumentNode<CaseDetailQuery, CaseDetailQueryVariables>;
export const AddCaseNoteDocument = {"__meta__":{"operationName":"AddCaseNote","hash":"5988eb80fab54951d6326462bf8faf27954b8d911519124efae254f82acf8511"}} as unknown as DocumentNode<AddCaseNoteMutation, AddCaseNoteMutationVariables>;
export const ChangeCaseStatusDocument = {"__meta__":{"operationName":"ChangeCaseStatus","hash":"abaa64944be105a3631c95caaa8aa7b020bbcde6d7a13bd2f42b3374e6751295"}} as unknown as DocumentNode<ChangeCaseStatusMutation, ChangeCaseStatusMutationVariables>;
export const ResolveCaseDocument = {"__meta__":{"operationName":"ResolveCase","hash":"205fc1c13f119c3494137e22154a659c5863eb86bb9a509581c93130493a8e63"}} as unknown as DocumentNode<ResolveCaseMutation, ResolveCaseMutationVariables>;
export const CaseListDocument = {"__meta__":{"operationName":"CaseList","hash":"4e6e2aac38c73ed6011aae9941304de18485ba0fdda882281666aef6133a2b66"}} as unknown as DocumentNode<CaseListQuery, CaseListQueryVariables>;
export const CaseFilterOptionsDocument = {"__meta__":{"operationName":"CaseFilterOptions","hash":"0c2ab824f312063e2d99973e6e5816cc1cf697cadfe9f0d46da1fb16de763022"}} as unknown as DocumentNode<CaseFilterOptionsQuery, CaseFilterOptionsQueryVariables>;
export const MentorUniversitiesDocument = {"__meta__":{"operationName":"MentorUniversities","hash":"e033946c6ba2b5bfd1e29f82fa1d54267ca00dede0d136c1bc171f606bd1c5e5"}} as unknown as DocumentNode<MentorUniversitiesQuery, MentorUniversitiesQueryVariables>;
export const MentorProgramsDocument = {"__meta__":{"operationName":"MentorPrograms","hash":"fd015987d8fdebe6af3bf5a0f7bdf655d9936f00697b219c32440e847fd1f755"}} as unknown as DocumentNode<MentorProgramsQuery, MentorProgramsQueryVariables>;
export const MentoringParticipantsDocument = {"__meta__":{"operationName":"MentoringParticipants","hash":"c4258f630cf992e03c46ce1e3da5dfa38096844fc528a0052b55acbef493a568"}} as unknown as DocumentNode<MentoringParticipantsQuery, MentoringParticipantsQueryVariables>;
export const VillageNameDocument = {"__meta__":{"operationName":"VillageName","hash":"da54ec8391b3ab202f223d6a0f3d4eb1c880df0c17c9479284161da095d0ab85"}} as unknown as DocumentNode<VillageNameQuery, VillageNameQueryVariables>;
export const ParticipantHistoryDocument = {"__meta__":{"operationName":"ParticipantHistory","hash":"147fb97bd500d01f099d20f8ac99f0bb81c2306909f5552fd7a34ea3833b0f96"}} as unknown as DocumentNode<ParticipantHistoryQuery, ParticipantHistoryQueryVariables>;
export const LogMentoringSessionDocument = {"__meta__":{"operationName":"LogMentoringSession","hash":"66aa216debf9417e6ff50e983d3ccc68332d2ce8575996085671dac52d3a017e"}} as unknown as DocumentNode<LogMentoringSessionMutation, LogMentoringSessionMutationVariables>;
export const RegionStatsViewDocument = {"__meta__":{"operationName":"RegionStatsView","hash":"b3eea7a0f9728f68c8a3318a59d25e290daaaab4c34b7bf9ff2dceca570fd717"}} as unknown as DocumentNode<RegionStatsViewQuery, RegionStatsViewQueryVariables>;
export const NationalStatsViewDocument = {"__meta__":{"operationName":"NationalStatsView","hash":"9441ee9112dd891f661d4ec0df0aea2aadf6e912113702bcfec72193362cb94e"}} as unknown as DocumentNode<NationalStatsViewQuery, NationalStatsViewQueryVariables>;
export const RegistrarCourseDocument = {"__meta__":{"operationName":"RegistrarCourse","hash":"adc75f461671a0cde3e80da80ea7537fd599a990403b524007701d04b4b63ce9"}} as unknown as DocumentNode<RegistrarCourseQuery, RegistrarCourseQueryVariables>;
export const ConsentingTraineesDocument = {"__meta__":{"operationName":"ConsentingTrainees","hash":"d218d0ffe278ea3a109ad82c9067367d7b6d4b59bda098fe147e34c7181fb1aa"}} as unknown as DocumentNode<ConsentingTraineesQuery, ConsentingTraineesQueryVariables>;
export const EnrollWorkerDocument = {"__meta__":{"operationName":"EnrollWorker","hash":"eec3937f369cfbe29d5829f39c4515df531c6613d3c163fd524a96311b12ec2d"}} as unknown as DocumentNode<EnrollWorkerMutation, EnrollWorkerMutationVariables>;
export const UpdateEnrollmentDocument = {"__meta__":{"operationName":"UpdateEnrollment","hash":"9fdb919c42ccfa2f96d5cfeff2b2c949edc98823deab8da4a0cd51ace422100d"}} as unknown as DocumentNode<UpdateEnrollmentMutation, UpdateEnrollmentMutationVariables>;
export const IssueCertificationDocument = {"__meta__":{"operationName":"IssueCertification","hash":"39981cb82a450d77c65d40fbe5ec326990b450252f322345ad899c58ad8e2fc1"}} as unknown as DocumentNode<IssueCertificationMutation, IssueCertificationMutationVariables>;
export const RegistrarProvidersDocument = {"__meta__":{"operationName":"RegistrarProviders","hash":"0d656818228c76b0cd9c87f831f2326abdfb015d6686c1cbb3c744b7cdf71c17"}} as unknown as DocumentNode<RegistrarProvidersQuery, RegistrarProvidersQueryVariables>;
export const ProviderCoursesDocument = {"__meta__":{"operationName":"ProviderCourses","hash":"eb68912be5452a0488ce7554f54779c061d1cdcf076dfbfd1fd073d1ee2eac82"}} as unknown as DocumentNode<ProviderCoursesQuery, ProviderCoursesQueryVariables>;
export const CreateCourseDocument = {"__meta__":{"operationName":"CreateCourse","hash":"651689b58456f0ae33f0cc35e7e251c13fd295d0d016098b7f85b4a6a7b5351d"}} as unknown as DocumentNode<CreateCourseMutation, CreateCourseMutationVariables>;
export const ConsentGranteesDocument = {"__meta__":{"operationName":"ConsentGrantees","hash":"8dc2c3b1ae6da41d1a2b05cc3ebb3dc5f79a71c2c18169c24041522076126976"}} as unknown as DocumentNode<ConsentGranteesQuery, ConsentGranteesQueryVariables>;
export const GrantConsentDocument = {"__meta__":{"operationName":"GrantConsent","hash":"9456653dc721ef0d7d75563765003353344e357f05c472651b671119c0dc914f"}} as unknown as DocumentNode<GrantConsentMutation, GrantConsentMutationVariables>;
export const RevokeConsentDocument = {"__meta__":{"operationName":"RevokeConsent","hash":"f37cabae29a21470b15287d2eb559f7718930d71c5b08b01f733f037b962b9dc"}} as unknown as DocumentNode<RevokeConsentMutation, RevokeConsentMutationVariables>;
export const RecordDocumentDocument = {"__meta__":{"operationName":"RecordDocument","hash":"6d486cb3ef948edd2312f0462e16b53fcdbcb9d1696e021888d64e6aef2d308f"}} as unknown as DocumentNode<RecordDocumentMutation, RecordDocumentMutationVariables>;
export const VerifyDocumentDocument = {"__meta__":{"operationName":"VerifyDocument","hash":"f103666c3279bdf9c1e7b6cba1c2926a776c406b5ab18aab442c7644fa19b1fe"}} as unknown as DocumentNode<VerifyDocumentMutation, VerifyDocumentMutationVariables>;
export const RejectDocumentDocument = {"__meta__":{"operationName":"RejectDocument","hash":"f815295d905f39ea1eb8494c23dd0f40274b73e8ee64b20fd3c909728a1123fb"}} as unknown as DocumentNode<RejectDocumentMutation, RejectDocumentMutationVariables>;
export const PlacementAgencyChoicesDocument = {"__meta__":{"operationName":"PlacementAgencyChoices","hash":"c9a47d156215923aa0b375ef67da6b0e42b44ea89b6d2032394cd1a28a2f6682"}} as unknown as DocumentNode<PlacementAgencyChoicesQuery, PlacementAgencyChoicesQueryVariables>;
export const AgencyJobOrdersDocument = {"__meta__":{"operationName":"AgencyJobOrders","hash":"7634296dbf2aae0d96155eb3e721bd3fa0fe2bb55a1f8f700862e67e5d752948"}} as unknown as DocumentNode<AgencyJobOrdersQuery, AgencyJobOrdersQueryVariables>;
export const CreatePlacementDocument = {"__meta__":{"operationName":"CreatePlacement","hash":"4d175f2d45b7b9104996ddc22325c522549e7b082e4ee773c8c342cfca359517"}} as unknown as DocumentNode<CreatePlacementMutation, CreatePlacementMutationVariables>;
export const RecordDepartureDocument = {"__meta__":{"operationName":"RecordDeparture","hash":"8e52043aa2bd6e66f353b70e9e76ad2da9c8d7787d4f17213f756ba0f2cac51e"}} as unknown as DocumentNode<RecordDepartureMutation, RecordDepartureMutationVariables>;
export const RecordArrivalDocument = {"__meta__":{"operationName":"RecordArrival","hash":"60b555772757cdf48e6cbc265a6aa3c179a32d603a82ebea446162eee8baf54d"}} as unknown as DocumentNode<RecordArrivalMutation, RecordArrivalMutationVariables>;
export const RecordReturnDocument = {"__meta__":{"operationName":"RecordReturn","hash":"1797c14df893de493e060abde899c5e975a60f51ece99619210a2ebf417f045e"}} as unknown as DocumentNode<RecordReturnMutation, RecordReturnMutationVariables>;
export const RegisterWorkerDocument = {"__meta__":{"operationName":"RegisterWorker","hash":"15b28727570b2ddb0c883e5381fb7fbf965794f01598670c1b685a4aded18c44"}} as unknown as DocumentNode<RegisterWorkerMutation, RegisterWorkerMutationVariables>;
export const SearchRegionsDocument = {"__meta__":{"operationName":"SearchRegions","hash":"1efdf7ebdef04a12b96cbb803027976f67930f218c328830d9b0037f31a13989"}} as unknown as DocumentNode<SearchRegionsQuery, SearchRegionsQueryVariables>;
export const WorkerAccessHeaderDocument = {"__meta__":{"operationName":"WorkerAccessHeader","hash":"1d2d5c6c0bfbdcfb029278cdfd9b27f1a0d9281d879ed7bb33c739934dbef069"}} as unknown as DocumentNode<WorkerAccessHeaderQuery, WorkerAccessHeaderQueryVariables>;
export const WorkerAccessLogDocument = {"__meta__":{"operationName":"WorkerAccessLog","hash":"6669659e6516d1dbd0e9c3fe98db71a0dde4f0c5a1766289246389fa03320df5"}} as unknown as DocumentNode<WorkerAccessLogQuery, WorkerAccessLogQueryVariables>;
export const WorkerByNikDocument = {"__meta__":{"operationName":"WorkerByNik","hash":"1243257371bf30fc77d1807a065f966eda4bd51ca1e9e4c846929a3a4706449a"}} as unknown as DocumentNode<WorkerByNikQuery, WorkerByNikQueryVariables>;
export const WorkerRecordDocument = {"__meta__":{"operationName":"WorkerRecord","hash":"bf8e9e46eb542d7993118aa258866953482783b86f61329ddb3bc6b083c3f91d"}} as unknown as DocumentNode<WorkerRecordQuery, WorkerRecordQueryVariables>;
export const WorkerSearchDocument = {"__meta__":{"operationName":"WorkerSearch","hash":"7b5cdc64a4511997872f3230d9efbed1b27b9c70ffe16433a2f8fd886c9ef3fc"}} as unknown as DocumentNode<WorkerSearchQuery, WorkerSearchQueryVariables>;
export const ChangeWorkerStatusDocument = {"__meta__":{"operationName":"ChangeWorkerStatus","hash":"51b300518f1aa70ff2142664340bb2a8000a6d6976a54d2e373e91ab905dfa5b"}} as unknown as DocumentNode<ChangeWorkerStatusMutation, ChangeWorkerStatusMutationVariables>;