import type postgres from 'postgres';

/**
 * Cross-table and cross-subgraph facts every seeded database must satisfy, each as a query that
 * counts violations. The bulk load runs without foreign-key triggers, so these are the proof that
 * every reference resolves; they also cover references no constraint could express (one
 * subgraph naming another's rows). Kept beside the seed so a change to it is checked with it.
 */
export const CONSISTENCY_CHECKS: Readonly<Record<string, string>> = {
  'documents name existing workers': `select count(*) from labour.documents d left join labour.workers w on w.id = d.worker_id where w.id is null`,
  "placement documents name the worker's own placement": `select count(*) from labour.documents d join labour.placements p on p.id = d.placement_id where p.worker_id <> d.worker_id`,
  'documents on a placement name an existing one': `select count(*) from labour.documents d left join labour.placements p on p.id = d.placement_id where d.placement_id is not null and p.id is null`,
  'placements name existing workers': `select count(*) from labour.placements p left join labour.workers w on w.id = p.worker_id where w.id is null`,
  'placements name registered agencies and job orders of that agency': `select count(*) from labour.placements p left join ministry.job_orders j on j.id = p.job_order_id where p.job_order_id is not null and (j.id is null or j.agency_id <> p.agency_id)`,
  'workers were registered by the labour office of their regency': `select count(*) from labour.workers w left join ministry.institutions i on i.id = w.registered_by where i.id is null or i.kind <> 'LABOUR_OFFICE' or w.district_code not like i.region_code || '.%'`,
  'village codes lie in the kecamatan': `select count(*) from labour.workers where village_code not like district_code || '.%'`,
  "every worker's kecamatan and village are in the ministry's region table": `select count(*) from labour.workers w left join ministry.regions d on d.code = w.district_code left join ministry.regions v on v.code = w.village_code where d.code is null or v.code is null or d.level <> 'DISTRICT' or v.level <> 'VILLAGE' or v.parent_code <> w.district_code or d.parent_code <> left(w.district_code, 5)`,
  'programmes run in reference villages, providers sit in known kecamatan': `select (select count(*) from university.mentoring_programs p left join ministry.regions r on r.code = p.village_code where r.code is null or r.level <> 'VILLAGE' or r.name like '%(generated)') + (select count(*) from training.training_providers t left join ministry.regions r on r.code = t.region_code where r.code is null)`,
  'consents name existing workers and member institutions': `select count(*) from labour.consents c left join labour.workers w on w.id = c.worker_id left join ministry.institutions i on i.id = c.grantee_institution_id where w.id is null or i.id is null or i.kind <> case c.purpose when 'TRAINING' then 'TRAINING_PROVIDER'::ministry.institution_kind else 'UNIVERSITY'::ministry.institution_kind end`,
  'training holds every consent as labour recorded it': `select count(*) from labour.consents c full join training.consent_facts f on f.consent_id = c.id left join labour.workers w on w.id = c.worker_id where f.consent_id is null or c.id is null or f.worker_id <> c.worker_id or f.purpose::text <> c.purpose::text or f.grantee_institution_id <> c.grantee_institution_id or f.worker_district_code <> w.district_code or f.granted_at <> c.granted_at or f.revoked_at is distinct from c.revoked_at or f.expires_at is distinct from c.expires_at`,
  'university holds every consent as labour recorded it': `select count(*) from labour.consents c full join university.consent_facts f on f.consent_id = c.id left join labour.workers w on w.id = c.worker_id where f.consent_id is null or c.id is null or f.worker_id <> c.worker_id or f.purpose::text <> c.purpose::text or f.grantee_institution_id <> c.grantee_institution_id or f.worker_district_code <> w.district_code or f.granted_at <> c.granted_at or f.revoked_at is distinct from c.revoked_at`,
  'cases name existing workers, their kecamatan and their placement': `select count(*) from ministry.cases c left join labour.workers w on w.id = c.worker_id left join labour.placements p on p.id = c.placement_id where w.id is null or c.worker_district_code <> w.district_code or p.worker_id is distinct from c.worker_id`,
  'case notes name existing cases': `select count(*) from ministry.case_notes n left join ministry.cases c on c.id = n.case_id where c.id is null`,
  'enrolments need a live training consent for the course provider': `select count(*) from training.enrollments e join training.courses c on c.id = e.course_id join training.training_providers p on p.id = c.provider_id left join labour.workers w on w.id = e.worker_id where w.id is null or e.worker_district_code <> w.district_code or not exists (select 1 from training.consent_facts f where f.worker_id = e.worker_id and f.grantee_institution_id = p.institution_id and f.purpose = 'TRAINING' and f.revoked_at is null and f.granted_at <= e.enrolled_at and (f.expires_at is null or f.expires_at > e.enrolled_at))`,
  'certificates follow a completed enrolment in the same course': `select count(*) from training.certifications t left join training.enrollments e on e.course_id = t.course_id and e.worker_id = t.worker_id and e.status = 'COMPLETED' join training.courses c on c.id = t.course_id where e.id is null or c.provider_id <> t.provider_id`,
  'mentoring participants consented to the programme university': `select count(*) from university.session_participants sp join university.mentoring_sessions s on s.id = sp.session_id join university.mentoring_programs p on p.id = s.program_id join university.universities u on u.id = p.university_id join university.mentors m on m.id = s.mentor_id where m.university_id <> u.id or s.created_by_institution_id <> u.institution_id or not exists (select 1 from university.consent_facts f where f.worker_id = sp.worker_id and f.grantee_institution_id = u.institution_id and f.purpose = 'EMPOWERMENT' and f.revoked_at is null)`,
  'the gateway registry and the ministry directory list the same institutions': `select count(*) from gateway.institutions g full join ministry.institutions m on m.id = g.id where g.id is null or m.id is null or g.name <> m.name or g.kind::text <> m.kind::text or g.region_code is distinct from m.region_code`,
  'one labour office per regency and city of Jawa Timur': `select abs(38 - count(distinct region_code)) + abs(38 - count(*)) from ministry.institutions where kind = 'LABOUR_OFFICE'`,
  'access events name existing workers and member institutions': `select count(*) from (select worker_id, institution_id from labour.access_events union all select worker_id, institution_id from ministry.access_events union all select worker_id, institution_id from training.access_events union all select worker_id, institution_id from university.access_events) e left join labour.workers w on w.id = e.worker_id left join ministry.institutions i on i.id = e.institution_id where w.id is null or i.id is null`,
  'access events follow the registration of their worker': `select count(*) from (select worker_id, at from labour.access_events union all select worker_id, at from ministry.access_events union all select worker_id, at from training.access_events union all select worker_id, at from university.access_events) e join labour.workers w on w.id = e.worker_id where e.at < w.registered_at`,
  'case access events name existing cases of that worker': `select count(*) from ministry.access_events e left join ministry.cases c on c.id::text = e.entity_id where c.worker_id is distinct from e.worker_id`,
};

/** Runs every check; returns the ones that found violations, with how many. */
export async function consistencyViolations(sql: postgres.Sql): Promise<Record<string, number>> {
  const violations: Record<string, number> = {};
  for (const [name, query] of Object.entries(CONSISTENCY_CHECKS)) {
    const [row] = await sql.unsafe<{ count: string }[]>(`select (${query})::bigint as count`);
    const count = Number(row?.count ?? 0);
    if (count > 0) violations[name] = count;
  }
  return violations;
}
