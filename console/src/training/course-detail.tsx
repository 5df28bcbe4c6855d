import { useQuery } from '../api/use-query.js';
import type { Person } from '../auth/person.js';
import { RegistrarCourseDocument, type RegistrarCourseQuery } from '../graphql/__generated__/graphql.js';
import { formatDate, formatNumber } from '../i18n/format.js';
import { useT } from '../i18n/index.js';
import { Link } from '../router.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { Loading, PageTitle } from '../ui/page.js';
import { Facts, RecordSection } from '../ui/section.js';
import { Done } from '../workers/form-kit.js';
import { PanelToggle, usePanels } from '../workers/panels.js';
import { CertificateForm, EnrolForm, OutcomeForm } from './enrollment-forms.js';

type CourseDetail = NonNullable<RegistrarCourseQuery['course']>;
export type EnrollmentRow = NonNullable<CourseDetail['enrollments']>[number];

/**
 * `/training/courses/<id>`: one of the registrar's courses, its enrolments with their results and
 * certificates; she enrols a consenting worker, records each one's completion and issues the
 * certificate. After each write the course is read again.
 */
export function CourseDetail({ id, person }: { readonly id: string; readonly person: Person }) {
  const { t, language } = useT();
  const result = useQuery(RegistrarCourseDocument, { id });
  const panels = usePanels();
  if (result.loading && !result.data) return <Loading />;
  const course = result.data?.course;
  // Another institution's course is in the public directory, but not the registrar's to run.
  if (!course || course.provider.institution.id !== person.institution.id) {
    return (
      <>
        <PageTitle title={t('training.course.heading')}>{t('training.course.heading')}</PageTitle>
        <ErrorNotice errors={result.errors.length > 0 ? result.errors : [notFound]} />
        <p>
          <Link href="/training">{t('training.back')}</Link>
        </p>
      </>
    );
  }
  const enrollments = course.enrollments ?? [];
  const finish = (message: string) => {
    panels.finish(message, result.reload);
  };
  return (
    <>
      <p class="breadcrumb">
        <Link href="/training">{t('training.back')}</Link>
      </p>
      <PageTitle title={course.title}>{course.title}</PageTitle>
      <p class="lead">
        {course.provider.name} · {t(`training.enums.CourseKind.${course.kind}`)}
      </p>
      <RecordSection id="course" title={t('training.course.heading')} path={['course', 'id']} errors={[]}>
        <Facts
          rows={[
            [
              t('training.course.dates'),
              t('training.course.period', {
                from: formatDate(course.startDate, language),
                to: formatDate(course.endDate, language),
              }),
            ],
            [t('training.course.hours'), formatNumber(course.hours, language)],
            [t('training.course.skill'), course.skill],
            [
              t('training.course.languageShown'),
              course.language ? languageName(course.language, language) : null,
            ],
            [
              t('training.course.places'),
              t('training.course.taken', {
                taken: formatNumber(course.enrolledCount, language),
                capacity: formatNumber(course.capacity, language),
              }),
            ],
          ]}
        />
      </RecordSection>
      <RecordSection
        id="enrollments"
        title={t('training.enrollments.title')}
        path={['course', 'enrollments']}
        errors={result.errors}
      >
        <Done message={panels.done} />
        {enrollments.length === 0 ? <p class="empty">{t('training.enrollments.none')}</p> : null}
        {enrollments.length > 0 ? (
          <ul class="cards">
            {enrollments.map((enrollment) => (
              <EnrollmentCard
                key={enrollment.id}
                enrollment={enrollment}
                courseId={course.id}
                courseStart={course.startDate}
                panels={panels}
                onFinish={finish}
              />
            ))}
          </ul>
        ) : null}
        <div class="section-actions">
          <PanelToggle panels={panels} panelKey="enrol" label={t('training.enrol.open')} />
        </div>
        {panels.open === 'enrol' ? (
          <EnrolForm
            courseId={course.id}
            enrolled={enrollments.map((enrollment) => enrollment.worker.id)}
            onCancel={panels.close}
            onDone={(name) => finish(t('training.enrol.done', { name }))}
          />
        ) : null}
      </RecordSection>
    </>
  );
}

/** A language by its ISO 639-1 code, named in the console's language: "Tionghoa (zh)". */
function languageName(code: string, language: 'id' | 'en'): string {
  try {
    const name = new Intl.DisplayNames([language === 'id' ? 'id-ID' : 'en-GB'], { type: 'language' }).of(
      code,
    );
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

const notFound = { code: 'NOT_FOUND', message: '', path: [], issues: [] };

function EnrollmentCard({
  enrollment,
  courseId,
  courseStart,
  panels,
  onFinish,
}: {
  readonly enrollment: EnrollmentRow;
  readonly courseId: string;
  readonly courseStart: string;
  readonly panels: ReturnType<typeof usePanels>;
  readonly onFinish: (message: string) => void;
}) {
  const { t, language } = useT();
  const { worker } = enrollment;
  const certificates = (worker.certifications ?? []).filter((item) => item.course?.id === courseId);
  const outcomeKey = `outcome-${enrollment.id}`;
  const certificateKey = `certificate-${enrollment.id}`;
  return (
    <li class="card">
      <p class="card-title">
        {worker.fullName} · <span class="nik">{worker.nik}</span> · {worker.district.name}
      </p>
      <Facts
        rows={[
          [t('training.enrollments.status'), t(`enums.EnrollmentStatus.${enrollment.status}`)],
          [t('training.enrollments.enrolledAt'), formatDate(enrollment.enrolledAt, language)],
          [
            t('training.enrollments.attendance'),
            enrollment.attendancePercent == null
              ? null
              : `${formatNumber(enrollment.attendancePercent, language)} %`,
          ],
          [
            t('training.enrollments.score'),
            enrollment.score == null ? null : formatNumber(enrollment.score, language),
          ],
          [t('training.enrollments.completedOn'), formatDate(enrollment.completedOn, language)],
          [
            t('training.enrollments.certificates'),
            certificates.length > 0
              ? certificates
                  .map(
                    (item) =>
                      `${item.scheme} · ${item.number} · ${t('certifications.issuedOn', { date: formatDate(item.issuedOn, language) })}`,
                  )
                  .join('; ')
              : null,
          ],
        ]}
      />
      <div class="section-actions">
        {enrollment.status !== 'COMPLETED' && enrollment.status !== 'WITHDRAWN' ? (
          <PanelToggle
            panels={panels}
            panelKey={outcomeKey}
            quiet
            label={t('training.outcome.open')}
            ariaLabel={t('training.outcome.openFor', { name: worker.fullName })}
          />
        ) : null}
        {enrollment.status !== 'WITHDRAWN' ? (
          <PanelToggle
            panels={panels}
            panelKey={certificateKey}
            quiet
            label={t('training.certificate.open')}
            ariaLabel={t('training.certificate.openFor', { name: worker.fullName })}
          />
        ) : null}
      </div>
      {panels.open === outcomeKey ? (
        <OutcomeForm
          enrollment={enrollment}
          courseStart={courseStart}
          onCancel={panels.close}
          onDone={() => onFinish(t('training.outcome.done', { name: worker.fullName }))}
        />
      ) : null}
      {panels.open === certificateKey ? (
        <CertificateForm
          workerId={worker.id}
          workerName={worker.fullName}
          courseId={courseId}
          onCancel={panels.close}
          onDone={() => onFinish(t('training.certificate.done', { name: worker.fullName }))}
        />
      ) : null}
    </li>
  );
}
