import { useQuery } from '../api/use-query.js';
import type { Person } from '../auth/person.js';
import {
  MentoringParticipantsDocument,
  MentorProgramsDocument,
  MentorUniversitiesDocument,
  type MentorUniversitiesQuery,
} from '../graphql/__generated__/graphql.js';
import { formatDate, formatNumber } from '../i18n/format.js';
import { useT } from '../i18n/index.js';
import { Link } from '../router.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { Loading, PageTitle } from '../ui/page.js';
import { VillageName } from './region-name.js';

export type OwnUniversity = MentorUniversitiesQuery['universities'][number];
/** The labour service lists at most this many workers a page. */
export const PARTICIPANTS_SHOWN = 100;

/** The directory's universities run by the signed-in person's institution. */
export function useOwnUniversities(person: Person) {
  const result = useQuery(MentorUniversitiesDocument, {});
  const own = (result.data?.universities ?? []).filter(
    (university) => university.institution.id === person.institution.id,
  );
  return { ...result, own };
}

/**
 * `/mentoring`: the mentor's programmes (`mentoringPrograms` of her institution's universities)
 * and the returnees who consent to empowerment by her institution, each with her history.
 */
export function MentorHome({ person }: { readonly person: Person }) {
  const { t } = useT();
  const universities = useOwnUniversities(person);
  return (
    <>
      <PageTitle title={t('mentoring.title')}>{t('mentoring.title')}</PageTitle>
      <p class="lead">{t('mentoring.intro', { institution: person.institution.name })}</p>
      <p class="page-actions">
        <Link class="button-link" href="/mentoring/sessions/new">
          {t('mentoring.log.open')}
        </Link>
      </p>
      <ErrorNotice errors={universities.errors} />
      {universities.loading && !universities.data ? <Loading /> : null}
      {universities.data && universities.own.length === 0 ? (
        <p class="notice notice-info" role="status">
          {t('mentoring.noUniversity')}
        </p>
      ) : null}
      {universities.own.map((university) => (
        <Programmes key={university.id} university={university} />
      ))}
      <Participants />
    </>
  );
}

function Programmes({ university }: { readonly university: OwnUniversity }) {
  const { t, language } = useT();
  const programs = useQuery(MentorProgramsDocument, { universityId: university.id });
  const list = programs.data?.mentoringPrograms ?? [];
  const headingId = `programmes-${university.id}`;
  return (
    <section class="record-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('mentoring.programmesOf', { name: university.name })}</h2>
      <ErrorNotice errors={programs.errors} />
      {programs.loading && !programs.data ? <Loading /> : null}
      {programs.data && list.length === 0 ? <p class="empty">{t('mentoring.noProgrammes')}</p> : null}
      {list.length > 0 ? (
        <ul class="cards">
          {list.map((program) => (
            <li key={program.id} class="card">
              <p class="card-title">{program.title}</p>
              <p>
                {t(`mentoring.enums.EmpowermentType.${program.empowermentType}`)} ·{' '}
                {program.endDate
                  ? t('mentoring.period', {
                      from: formatDate(program.startDate, language),
                      to: formatDate(program.endDate, language),
                    })
                  : t('mentoring.since', { from: formatDate(program.startDate, language) })}{' '}
                · {t('mentoring.village')} <VillageName code={program.villageCode} />
              </p>
              {program.description ? <p class="hint">{program.description}</p> : null}
              <p>
                <Link
                  href={`/mentoring/sessions/new?program=${encodeURIComponent(program.id)}`}
                  aria-label={t('mentoring.log.forProgramme', { title: program.title })}
                >
                  {t('mentoring.log.open')}
                </Link>
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      <p class="hint">
        {t('mentoring.mentors', {
          names: university.mentors.map((mentor) => mentor.fullName).join(', ') || '–',
        })}
      </p>
    </section>
  );
}

function Participants() {
  const { t, language } = useT();
  const participants = useQuery(MentoringParticipantsDocument, { filter: null, first: PARTICIPANTS_SHOWN });
  const connection = participants.data?.workers;
  const workers = (connection?.edges ?? []).map((edge) => edge.node);
  return (
    <section class="record-section" aria-labelledby="participants-heading">
      <h2 id="participants-heading">{t('mentoring.participants.title')}</h2>
      <p class="hint">{t('mentoring.participants.explanation')}</p>
      <ErrorNotice errors={participants.errors} />
      {participants.loading && !participants.data ? <Loading /> : null}
      {connection && workers.length === 0 ? <p class="empty">{t('mentoring.participants.none')}</p> : null}
      {workers.length > 0 ? (
        <div class="table-scroll" role="region" aria-label={t('mentoring.participants.title')} tabIndex={0}>
          <table>
            <caption class="visually-hidden">
              {t('mentoring.participants.count', {
                count: connection?.totalCount ?? 0,
                formatted: formatNumber(connection?.totalCount ?? 0, language),
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('workers.field.fullName')}</th>
                <th scope="col">{t('workers.field.nik')}</th>
                <th scope="col">{t('workers.field.district')}</th>
                <th scope="col">{t('workers.field.status')}</th>
              </tr>
            </thead>
            <tbody>
              {workers.map((worker) => (
                <tr key={worker.id}>
                  <th scope="row">
                    <Link href={`/mentoring/participants/${encodeURIComponent(worker.id)}`}>
                      {worker.fullName}
                    </Link>
                  </th>
                  <td class="nik">{worker.nik}</td>
                  <td>{worker.district.name}</td>
                  <td>{t(`enums.WorkerStatus.${worker.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
