import { useQuery } from '../api/use-query.js';
import type { Person } from '../auth/person.js';
import {
  ProviderCoursesDocument,
  RegistrarProvidersDocument,
  type RegistrarProvidersQuery,
} from '../graphql/__generated__/graphql.js';
import { formatDate, formatNumber } from '../i18n/format.js';
import { useT } from '../i18n/index.js';
import { Link } from '../router.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { Loading, PageTitle } from '../ui/page.js';
import { Done } from '../workers/form-kit.js';
import { PanelToggle, usePanels } from '../workers/panels.js';
import { CourseForm } from './course-form.js';

export type Provider = RegistrarProvidersQuery['trainingProviders'][number];

/**
 * `/training`: the registrar's own courses. Her providers are those of the directory run by her
 * institution (the one `/console/session` names); each provider's courses come from `courses`.
 */
export function RegistrarHome({ person }: { readonly person: Person }) {
  const { t } = useT();
  const providers = useQuery(RegistrarProvidersDocument, {});
  const own = (providers.data?.trainingProviders ?? []).filter(
    (provider) => provider.institution.id === person.institution.id,
  );
  return (
    <>
      <PageTitle title={t('training.title')}>{t('training.title')}</PageTitle>
      <p class="lead">{t('training.intro', { institution: person.institution.name })}</p>
      <ErrorNotice errors={providers.errors} />
      {providers.loading && !providers.data ? <Loading /> : null}
      {providers.data && own.length === 0 ? (
        <p class="notice notice-info" role="status">
          {t('training.noProvider')}
        </p>
      ) : null}
      {own.map((provider) => (
        <ProviderCourses key={provider.id} provider={provider} />
      ))}
    </>
  );
}

function ProviderCourses({ provider }: { readonly provider: Provider }) {
  const { t, language } = useT();
  const courses = useQuery(ProviderCoursesDocument, { providerId: provider.id });
  const panels = usePanels();
  const headingId = `provider-${provider.id}`;
  const list = courses.data?.courses ?? [];
  return (
    <section class="record-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{provider.name}</h2>
      <p class="hint">
        {t(`training.enums.TrainingProviderKind.${provider.kind}`)} ·{' '}
        {t(`training.enums.Accreditation.${provider.accreditation}`)}
        {provider.accreditationValidUntil
          ? ` · ${t('training.accreditedUntil', { date: formatDate(provider.accreditationValidUntil, language) })}`
          : ''}
      </p>
      <Done message={panels.done} />
      <ErrorNotice errors={courses.errors} />
      {courses.loading && !courses.data ? <Loading /> : null}
      {courses.data && list.length === 0 ? <p class="empty">{t('training.noCourses')}</p> : null}
      {list.length > 0 ? (
        <div
          class="table-scroll"
          role="region"
          aria-label={t('training.coursesOf', { name: provider.name })}
          tabIndex={0}
        >
          <table>
            <thead>
              <tr>
                <th scope="col">{t('training.course.title')}</th>
                <th scope="col">{t('training.course.kind')}</th>
                <th scope="col">{t('training.course.dates')}</th>
                <th scope="col" class="num">
                  {t('training.course.hours')}
                </th>
                <th scope="col" class="num">
                  {t('training.course.places')}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((course) => (
                <tr key={course.id}>
                  <th scope="row">
                    <Link href={`/training/courses/${encodeURIComponent(course.id)}`}>{course.title}</Link>
                  </th>
                  <td>
                    {t(`training.enums.CourseKind.${course.kind}`)}
                    {course.skill ? <span class="sub">{course.skill}</span> : null}
                  </td>
                  <td class="nowrap">
                    {t('training.course.period', {
                      from: formatDate(course.startDate, language),
                      to: formatDate(course.endDate, language),
                    })}
                  </td>
                  <td class="num">{formatNumber(course.hours, language)}</td>
                  <td class="num">
                    {t('training.course.taken', {
                      taken: formatNumber(course.enrolledCount, language),
                      capacity: formatNumber(course.capacity, language),
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <div class="section-actions">
        <PanelToggle
          panels={panels}
          panelKey={`create-course-${provider.id}`}
          label={t('training.create.open')}
          ariaLabel={t('training.create.openAt', { name: provider.name })}
        />
      </div>
      {panels.open === `create-course-${provider.id}` ? (
        <CourseForm
          providerId={provider.id}
          onCancel={panels.close}
          onDone={() => {
            panels.finish(t('training.create.done'), courses.reload);
          }}
        />
      ) : null}
    </section>
  );
}
