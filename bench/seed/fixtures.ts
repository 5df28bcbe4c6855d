import { connect } from './database.js';

export interface BenchFixtures {
  readonly labourOffice: { readonly institutionId: string; readonly regionCode: string };
  readonly kecamatanCode: string;
  readonly worker: { readonly id: string; readonly nik: string };
  readonly ministryInstitutionId: string;
  readonly university: {
    readonly institutionId: string;
    readonly programId: string;
    readonly workerId: string;
  };
  readonly trainingProviderInstitutionId: string;
  readonly year: number;
}

/** Kabupaten Malang: the Migran Center pilot, and one of the biggest senders. */
const PILOT_REGENCY = '35.07';

function found<T>(row: T | undefined, what: string): T {
  if (row === undefined)
    throw new Error(`The seeded database has no ${what}; was it seeded with bench:seed?`);
  return row;
}

/** Ids the workloads use, found by SQL in a seeded database. */
export async function benchFixtures(databaseUrl: string): Promise<BenchFixtures> {
  const sql = connect(databaseUrl);
  try {
    const [office] = await sql<{ institutionId: string; regionCode: string }[]>`
      select id::text as "institutionId", region_code as "regionCode" from ministry.institutions
      where kind = 'LABOUR_OFFICE' and region_code = ${PILOT_REGENCY}`;
    const labourOffice = found(office, `labour office for ${PILOT_REGENCY}`);
    const [kecamatan] = await sql<{ code: string }[]>`
      select district_code as code from labour.workers where district_code like ${`${PILOT_REGENCY}.%`}
      group by district_code order by count(*) desc, district_code limit 1`;
    // Driven from the cases (a few per hundred workers), so the search stays short at any size.
    const [worker] = await sql<{ id: string; nik: string }[]>`
      select w.id::text as id, w.nik from ministry.cases c join labour.workers w on w.id = c.worker_id
      where c.worker_district_code like ${`${PILOT_REGENCY}.%`}
        and exists (select 1 from labour.placements p where p.worker_id = w.id)
        and (select count(*) from labour.documents d where d.worker_id = w.id) >= 2
      order by c.reference limit 1`;
    const [ministry] = await sql<{ id: string }[]>`
      select id::text as id from ministry.institutions where kind = 'MINISTRY' order by name limit 1`;
    const university = await mentoringFixture(sql);
    const [provider] = await sql<{ id: string }[]>`
      select p.institution_id::text as id from training.training_providers p
      order by (p.region_code like ${`${PILOT_REGENCY}.%`}) desc, p.name limit 1`;
    const [year] = await sql<{ year: number }[]>`
      select extract(year from opened_at)::int as year from ministry.cases
      group by 1 order by count(*) desc, 1 desc limit 1`;
    return {
      labourOffice,
      kecamatanCode: found(kecamatan, 'worker in the pilot regency').code,
      worker: found(worker, 'worker with documents, a placement and a case'),
      ministryInstitutionId: found(ministry, 'ministry').id,
      university: found(university, 'worker with an empowerment consent'),
      trainingProviderInstitutionId: found(provider, 'training provider').id,
      year: found(year, 'case').year,
    };
  } finally {
    await sql.end();
  }
}

/** A worker with a live empowerment consent, preferably one already mentored in the programme named. */
async function mentoringFixture(sql: ReturnType<typeof connect>) {
  const live = sql`f.purpose = 'EMPOWERMENT' and f.revoked_at is null and (f.expires_at is null or f.expires_at > now())`;
  const [mentored] = await sql<{ institutionId: string; programId: string; workerId: string }[]>`
    select u.institution_id::text as "institutionId", s.program_id::text as "programId", sp.worker_id::text as "workerId"
    from university.session_participants sp
    join university.mentoring_sessions s on s.id = sp.session_id
    join university.mentoring_programs p on p.id = s.program_id
    join university.universities u on u.id = p.university_id
    join university.consent_facts f on f.worker_id = sp.worker_id and f.grantee_institution_id = u.institution_id
    where ${live}
    order by s.id limit 1`;
  if (mentored) return mentored;
  const [consenting] = await sql<{ institutionId: string; programId: string; workerId: string }[]>`
    select u.institution_id::text as "institutionId", p.id::text as "programId", f.worker_id::text as "workerId"
    from university.consent_facts f
    join university.universities u on u.institution_id = f.grantee_institution_id
    join university.mentoring_programs p on p.university_id = u.id
    where ${live}
    order by f.consent_id, p.id limit 1`;
  return consenting;
}
