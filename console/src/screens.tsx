import type { Person } from './auth/person.js';
import { useT } from './i18n/index.js';
import { match, type Location } from './router.js';
import { defaultYear, RegionStatsView, START_REGION } from './statistics/region-stats.js';
import { ErrorNotice } from './ui/error-notice.js';
import { homeOf, sectionOf } from './ui/navigation.js';
import { PageTitle } from './ui/page.js';
import { AccessReport } from './workers/access-report.js';
import { WorkerRecord } from './workers/record.js';
import { WorkerSearch } from './workers/search.js';
import { navigate } from './router.js';
import { useEffect } from 'preact/hooks';

/** Which screen a path shows; a section outside the person's role is refused as the API would. */
export function Screens({ person, location }: { readonly person: Person; readonly location: Location }) {
  const { path, query } = location;
  const section = sectionOf(path);
  if (section && !section.roles.includes(person.role)) return <Refused />;
  if (path === '/') return <Welcome person={person} />;
  if (path === '/workers') return <WorkerSearch person={person} />;
  let params = match('/workers/:id', path);
  if (params?.['id']) return <WorkerRecord id={params['id']} key={params['id']} />;
  params = match('/workers/:id/access', path);
  if (params?.['id']) return <AccessReport id={params['id']} key={params['id']} />;
  const year = Number(query.get('year')) || defaultYear();
  if (path === '/statistics') return <RegionStatsView code={START_REGION} year={year} />;
  params = match('/statistics/:code', path);
  if (params?.['code']) return <RegionStatsView code={params['code']} year={year} key={params['code']} />;
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
