import type { Person } from './auth/person.js';
import { useT } from './i18n/index.js';
import { match, type Location } from './router.js';
import { periodOf, RegionStatsView, START_REGION } from './statistics/region-stats.js';
import { ErrorNotice } from './ui/error-notice.js';
import { homeOf, sectionOf } from './ui/navigation.js';
import { PageTitle } from './ui/page.js';
import { AccessReport } from './workers/access-report.js';
import { WorkerRecord } from './workers/record.js';
import { WorkerSearch } from './workers/search.js';
import { RegisterWorker } from './workers/register-worker.js';
import { navigate } from './router.js';
import { useEffect } from 'preact/hooks';
import { Accounts } from './admin/accounts.js';
import { AgencyDetail } from './agencies/agency-detail.js';
import { AgencyList } from './agencies/agency-list.js';
import { ServiceLog } from './audit/service-log.js';
import { AuditWorkerLog } from './audit/worker-log.js';
import { AuditWorkerSearch } from './audit/worker-search.js';
import { CaseDetail } from './cases/case-detail.js';
import { CaseList } from './cases/case-list.js';
import { CourseDetail } from './training/course-detail.js';
import { RegistrarHome } from './training/registrar-home.js';
import { LogSession } from './mentoring/log-session.js';
import { MentorHome } from './mentoring/mentor-home.js';
import { ParticipantHistory } from './mentoring/participant-history.js';

/** Which screen a path shows; a section outside the person's role is refused as the API would. */
export function Screens({ person, location }: { readonly person: Person; readonly location: Location }) {
  const { path, query } = location;
  const section = sectionOf(path);
  if (section && !section.roles.includes(person.role)) return <Refused />;
  if (path === '/') return <Welcome person={person} />;
  if (path === '/workers') return <WorkerSearch person={person} />;
  if (path === '/workers/new') return <RegisterWorker person={person} />;
  let params = match('/workers/:id', path);
  if (params?.['id'])
    return (
      <WorkerRecord id={params['id']} key={params['id']} canWrite={person.scopes.includes('workers:write')} />
    );
  params = match('/workers/:id/access', path);
  if (params?.['id']) return <AccessReport id={params['id']} key={params['id']} />;
  // A view per region and years: another period starts afresh rather than showing the last one's rows under its title.
  const period = periodOf(query);
  const periodKey = `${period.fromYear}-${period.toYear}`;
  if (path === '/statistics')
    return <RegionStatsView code={START_REGION} period={period} key={`nation ${periodKey}`} />;
  params = match('/statistics/:code', path);
  if (params?.['code'])
    return <RegionStatsView code={params['code']} period={period} key={`${params['code']} ${periodKey}`} />;
  if (path === '/cases') return <CaseList person={person} />;
  params = match('/cases/:id', path);
  if (params?.['id']) return <CaseDetail id={params['id']} person={person} key={params['id']} />;
  if (path === '/agencies') return <AgencyList />;
  params = match('/agencies/:id', path);
  if (params?.['id']) return <AgencyDetail id={params['id']} person={person} key={params['id']} />;
  if (path === '/accounts') return <Accounts person={person} />;
  if (path === '/audit') return <ServiceLog />;
  if (path === '/audit/workers') return <AuditWorkerSearch />;
  params = match('/audit/workers/:id', path);
  if (params?.['id']) return <AuditWorkerLog id={params['id']} key={params['id']} />;
  if (path === '/training') return <RegistrarHome person={person} />;
  params = match('/training/courses/:id', path);
  if (params?.['id']) return <CourseDetail id={params['id']} person={person} key={params['id']} />;
  if (path === '/mentoring') return <MentorHome person={person} />;
  if (path === '/mentoring/sessions/new')
    return <LogSession person={person} query={query} key={query.toString()} />;
  params = match('/mentoring/participants/:id', path);
  if (params?.['id']) return <ParticipantHistory id={params['id']} key={params['id']} />;
  return <NotFound />;
}

function Welcome({ person }: { readonly person: Person }) {
  const { t } = useT();
  const home = homeOf(person.role);
  useEffect(() => {
    if (home !== '/') navigate(home, { replace: true });
  }, [home]);
  return (
    <>
      <PageTitle title={t('welcome.title')}>{t('welcome.greeting', { name: person.displayName })}</PageTitle>
      <p>{t('welcome.laterPhase', { role: t(`roles.${person.role}`) })}</p>
    </>
  );
}

function Refused() {
  const { t } = useT();
  return (
    <>
      <PageTitle title={t('errors.title')}>{t('errors.title')}</PageTitle>
      <ErrorNotice errors={[{ code: 'FORBIDDEN', message: '', path: [], issues: [] }]} />
    </>
  );
}

function NotFound() {
  const { t } = useT();
  return (
    <>
      <PageTitle title={t('notFound.title')}>{t('notFound.title')}</PageTitle>
      <p>{t('notFound.text')}</p>
    </>
  );
}
