import type postgres from 'postgres';

// The physical floor's SQL: for each workload, the same data the hub returns fetched with one
// minimal statement per subgraph that takes part (what pgbench would run), in the order the data
// depends on. No tokens, no access rules, no access log, no GraphQL: what is left is PostgreSQL's
// work plus a minimal client's.

type Sql = postgres.Sql;
type Variables = Readonly<Record<string, unknown>>;

/** One subgraph's statement of a workload, with what it needs from the statements before it. */
export type FloorStep = (
  sql: Sql,
  variables: Variables,
  earlier: Readonly<Record<string, unknown>>,
) => Promise<unknown>;

/** A workload on the floor: stages in sequence, the subgraphs of one stage in parallel. */
export type FloorPlan = readonly (readonly (readonly [subgraph: string, step: FloorStep])[])[];

const text = (variables: Variables, name: string) => {
  const value = variables[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
};
const idsOf = (rows: unknown) =>
  Array.isArray(rows) ? rows.map((row) => String((row as { id: unknown }).id)) : [];

const lookupWorker: FloorStep = (sql, variables) => sql`
  select w.id, w.nik, w.full_name, w.status, w.district_code,
    (select coalesce(json_agg(json_build_object('id', d.id, 'type', d.type, 'status', d.status,
       'validUntil', d.valid_until)), '[]') from labour.documents d where d.worker_id = w.id) as documents,
    (select coalesce(json_agg(json_build_object('id', p.id, 'status', p.status,
       'destinationCountry', p.destination_country, 'departureDate', p.departure_date,
       'plannedDepartureDate', p.planned_departure_date, 'scheme', p.scheme, 'channel', p.channel,
       'agencyId', p.agency_id, 'jobOrderId', p.job_order_id)), '[]')
     from labour.placements p where p.worker_id = w.id) as placements
  from labour.workers w where w.id = ${text(variables, 'id')}`;

const workerCertificates: FloorStep = (sql, variables) => sql`
  select id, scheme, issued_on, valid_until from training.certifications
  where worker_id = ${text(variables, 'id')} order by issued_on desc`;

/** The registry facts compliance is checked on: agencies, job orders and sanctions of the placements. */
const registryFacts: FloorStep = (sql, _variables, earlier) => {
  const placements = ((earlier['labour'] as { placements?: unknown }[] | undefined)?.[0]?.placements ??
    []) as { agencyId: string | null; jobOrderId: string | null }[];
  const agencyIds = placements.map((placement) => placement.agencyId).filter((id) => id !== null);
  const jobOrderIds = placements.map((placement) => placement.jobOrderId).filter((id) => id !== null);
  return sql`
    select
      (select coalesce(json_agg(json_build_object('id', a.id, 'name', a.name, 'licenceNumber', a.licence_number,
         'licenceStatus', a.licence_status, 'licenceValidFrom', a.licence_valid_from,
         'licenceValidUntil', a.licence_valid_until)), '[]')
       from ministry.placement_agencies a where a.id = any(${agencyIds}::uuid[])) as agencies,
      (select coalesce(json_agg(json_build_object('id', j.id, 'agencyId', j.agency_id, 'countryCode', j.country_code,
         'permit', j.recruitment_permit_number, 'validFrom', j.valid_from, 'validUntil', j.valid_until,
         'verifiedByMission', j.verified_by_mission)), '[]')
       from ministry.job_orders j where j.id = any(${jobOrderIds}::uuid[])) as job_orders,
      (select coalesce(json_agg(json_build_object('agencyId', s.agency_id, 'type', s.type, 'reason', s.reason,
         'imposedOn', s.imposed_on, 'effectiveUntil', s.effective_until)), '[]')
       from ministry.sanctions s where s.agency_id = any(${agencyIds}::uuid[])) as sanctions`;
};

// The hub's page: ordered by name then id, the total as an uncorrelated subquery. (A window
// `count(*) over ()` with `order by id limit` let the planner walk the whole primary key at 1M
// workers, 1.4 s per request: no floor at all.)
const kecamatanWorkers: FloorStep = (sql, variables) => {
  const regionCode = text(variables, 'regionCode');
  return sql`
    select (select count(*) from labour.workers where district_code = ${regionCode}) as total,
      w.id, w.full_name, w.status from labour.workers w
    where w.district_code = ${regionCode}
    order by w.full_name, w.id limit ${Number(variables['first'] ?? 100)}`;
};

const casesOf: FloorStep = (sql, _variables, earlier) => sql`
  select worker_id, id, category, status from ministry.cases
  where worker_id = any(${idsOf(earlier['labour'])}::uuid[])`;

const trainingOf: FloorStep = (sql, _variables, earlier) => {
  const ids = idsOf(earlier['labour']);
  return sql`
    select
      (select coalesce(json_agg(json_build_object('workerId', e.worker_id, 'id', e.id, 'status', e.status,
         'courseId', e.course_id)), '[]') from training.enrollments e where e.worker_id = any(${ids}::uuid[])) as enrollments,
      (select coalesce(json_agg(json_build_object('workerId', c.worker_id, 'id', c.id, 'scheme', c.scheme,
         'issuedOn', c.issued_on)), '[]') from training.certifications c where c.worker_id = any(${ids}::uuid[])) as certifications`;
};

const mentoringOf: FloorStep = (sql, _variables, earlier) => sql`
  select sp.worker_id, s.id, s.date, s.form from university.session_participants sp
  join university.mentoring_sessions s on s.id = sp.session_id
  where sp.worker_id = any(${idsOf(earlier['labour'])}::uuid[])`;

/** The write: the session and its participants, placed in the kecamatan of each live consent. */
const logSession: FloorStep = (sql, variables) => {
  const input = (variables['input'] ?? {}) as Record<string, unknown>;
  const participants = ((input['participantIds'] as string[] | undefined) ?? []).map(String);
  return sql`
    with program as (
      select p.id, u.institution_id from university.mentoring_programs p
      join university.universities u on u.id = p.university_id where p.id = ${String(input['programId'])}
    ), session as (
      insert into university.mentoring_sessions
        (program_id, mentor_id, date, duration_minutes, mode, form, topics, created_by_institution_id)
      values (${String(input['programId'])}, ${String(input['mentorId'])}, ${String(input['date'])},
        ${Number(input['durationMinutes'])}, ${String(input['mode'])}, ${String(input['form'])},
        ${(input['topics'] as string[] | undefined) ?? []}, (select institution_id from program))
      returning id, date
    ), participant as (
      insert into university.session_participants (session_id, worker_id, worker_district_code)
      select distinct on (f.worker_id) session.id, f.worker_id, f.worker_district_code
      from session, program, university.consent_facts f
      where f.worker_id = any(${participants}::uuid[]) and f.grantee_institution_id = program.institution_id
        and f.purpose = 'EMPOWERMENT' and f.revoked_at is null and (f.expires_at is null or f.expires_at > now())
      returning session_id
    )
    select session.id, session.date, (select count(*) from participant) as participants from session`;
};

// (d): each subgraph's counts for the year by regency (the first five characters of a kecamatan
// code, `35.07`), the year taken in WIB for instants, as the subgraphs take it.
const yearStart = (sql: Sql, year: number) => sql`make_timestamptz(${year}, 1, 1, 0, 0, 0, 'Asia/Jakarta')`;

const labourYear: FloorStep = (sql, variables) => {
  const year = Number(variables['year']);
  return sql`
    select 'registered' as measure, left(w.district_code, 5) as regency, null as country, count(*)::int as count
    from labour.workers w
    where w.registered_at >= ${yearStart(sql, year)} and w.registered_at < ${yearStart(sql, year + 1)}
      and w.district_code like '35.%'
    group by 2
    union all
    select 'departed', left(w.district_code, 5), p.destination_country, count(*)::int
    from labour.placements p join labour.workers w on w.id = p.worker_id
    where p.departure_date >= make_date(${year}, 1, 1) and p.departure_date < make_date(${year + 1}, 1, 1)
      and p.status <> 'CANCELLED' and w.district_code like '35.%'
    group by 2, 3
    union all
    select 'returned', left(w.district_code, 5), null, count(*)::int
    from labour.placements p join labour.workers w on w.id = p.worker_id
    where p.actual_return_date >= make_date(${year}, 1, 1) and p.actual_return_date < make_date(${year + 1}, 1, 1)
      and p.status <> 'CANCELLED' and w.district_code like '35.%'
    group by 2`;
};

const ministryYear: FloorStep = (sql, variables) => {
  const year = Number(variables['year']);
  return sql`
    select 'region' as measure, r.code as regency, r.name as label, null::int as count
    from ministry.regions r where r.parent_code = '35'
    union all
    select 'casesOpened', left(c.worker_district_code, 5), null, count(*)::int from ministry.cases c
    where c.opened_at >= ${yearStart(sql, year)} and c.opened_at < ${yearStart(sql, year + 1)}
      and c.worker_district_code like '35.%'
    group by 2
    union all
    select 'casesResolved', left(c.worker_district_code, 5), null, count(*)::int from ministry.cases c
    where c.resolved_at >= ${yearStart(sql, year)} and c.resolved_at < ${yearStart(sql, year + 1)}
      and c.worker_district_code like '35.%'
    group by 2`;
};

const trainingYear: FloorStep = (sql, variables) => {
  const year = Number(variables['year']);
  return sql`
    select 'enrolled' as measure, left(e.worker_district_code, 5) as regency, count(distinct e.worker_id)::int as count
    from training.enrollments e
    where e.enrolled_at >= ${yearStart(sql, year)} and e.enrolled_at < ${yearStart(sql, year + 1)}
      and e.worker_district_code like '35.%'
    group by 2
    union all
    select 'certified', left(c.worker_district_code, 5), count(distinct c.worker_id)::int
    from training.certifications c
    where c.issued_on >= make_date(${year}, 1, 1) and c.issued_on < make_date(${year + 1}, 1, 1)
      and c.worker_district_code like '35.%'
    group by 2`;
};

const universityYear: FloorStep = (sql, variables) => {
  const year = Number(variables['year']);
  return sql`
    select left(sp.worker_district_code, 5) as regency, count(distinct sp.worker_id)::int as mentored,
      count(distinct s.id)::int as sessions
    from university.session_participants sp join university.mentoring_sessions s on s.id = sp.session_id
    where s.date >= make_date(${year}, 1, 1) and s.date < make_date(${year + 1}, 1, 1)
      and sp.worker_district_code like '35.%'
    group by 1`;
};

/** Workload id → the floor's statements, by the id's letter (`a-agency-lookup` → a). */
export const FLOOR_PLANS: Readonly<Record<string, FloorPlan>> = {
  a: [
    [
      ['labour', lookupWorker],
      ['training', workerCertificates],
    ],
    [['ministry', registryFacts]],
  ],
  b: [
    [['labour', kecamatanWorkers]],
    [
      ['ministry', casesOf],
      ['training', trainingOf],
      ['university', mentoringOf],
    ],
  ],
  c: [[['university', logSession]]],
  d: [
    [
      ['labour', labourYear],
      ['ministry', ministryYear],
      ['training', trainingYear],
      ['university', universityYear],
    ],
  ],
};

export function floorPlanOf(workload: string): FloorPlan {
  const plan = FLOOR_PLANS[workload.slice(0, 1)];
  if (!plan) throw new Error(`the floor has no statements for workload ${workload}`);
  return plan;
}

/** Runs a workload's statements; returns every subgraph's rows (the floor's answer). */
export async function runFloor(sql: Sql, plan: FloorPlan, variables: Variables) {
  const rows: Record<string, unknown> = {};
  for (const stage of plan) {
    const answers = await Promise.all(stage.map(([, step]) => step(sql, variables, rows)));
    stage.forEach(([subgraph], index) => {
      rows[subgraph] = answers[index];
    });
  }
  return rows;
}

/** Statements per request of a plan (one per subgraph step). */
export const statementsOf = (plan: FloorPlan) => plan.reduce((sum, stage) => sum + stage.length, 0);
