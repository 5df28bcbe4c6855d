import type { ApiError } from '../api/errors.js';
import { formatDate } from '../i18n/format.js';
import { useT } from '../i18n/index.js';
import { RecordSection } from '../ui/section.js';
import type { RecordWorker } from './record.js';

/** What the ministry (cases), training providers and universities hold about the worker. */
export function CareSections({
  worker,
  errors,
}: {
  readonly worker: RecordWorker;
  readonly errors: readonly ApiError[];
}) {
  const { t, language } = useT();
  return (
    <>
      <RecordSection
        id="cases"
        title={t('workers.record.cases')}
        path={['worker', 'cases']}
        errors={errors}
        items={worker.cases}
      >
        <ul class="cards">
          {(worker.cases ?? []).map((item) => (
            <li key={item.id} class="card">
              <p class="card-title">
                {item.reference} · {t(`enums.CaseCategory.${item.category}`)}
              </p>
              <p>
                {t(`enums.CaseStatus.${item.status}`)} ·{' '}
                {t('cases.openedBy', {
                  date: formatDate(item.openedAt, language),
                  institution: item.openedBy.name,
                })}
              </p>
            </li>
          ))}
        </ul>
      </RecordSection>
      <RecordSection
        id="enrollments"
        title={t('workers.record.enrollments')}
        path={['worker', 'enrollments']}
        errors={errors}
        items={worker.enrollments}
      >
        <ul class="cards">
          {(worker.enrollments ?? []).map((enrollment) => (
            <li key={enrollment.id} class="card">
              <p class="card-title">
                {enrollment.course.title} · {enrollment.course.provider.name}
              </p>
              <p>
                {t(`enums.EnrollmentStatus.${enrollment.status}`)} ·{' '}
                {t('enrollments.enrolledAt', { date: formatDate(enrollment.enrolledAt, language) })}
                {enrollment.completedOn
                  ? ` · ${t('enrollments.completedOn', { date: formatDate(enrollment.completedOn, language) })}`
                  : ''}
              </p>
            </li>
          ))}
        </ul>
      </RecordSection>
      <RecordSection
        id="certifications"
        title={t('workers.record.certifications')}
        path={['worker', 'certifications']}
        errors={errors}
        items={worker.certifications}
      >
        <ul class="cards">
          {(worker.certifications ?? []).map((certification) => (
            <li key={certification.id} class="card">
              <p class="card-title">{certification.scheme}</p>
              <p>
                {certification.issuer} · {certification.number} ·{' '}
                {t('certifications.issuedOn', { date: formatDate(certification.issuedOn, language) })}
                {certification.validUntil
                  ? ` · ${t('certifications.validUntil', { date: formatDate(certification.validUntil, language) })}`
                  : ''}
              </p>
            </li>
          ))}
        </ul>
      </RecordSection>
      <RecordSection
        id="mentoring"
        title={t('workers.record.mentoring')}
        path={['worker', 'mentoringSessions']}
        errors={errors}
        items={worker.mentoringSessions}
      >
        <ul class="cards">
          {(worker.mentoringSessions ?? []).map((session) => (
            <li key={session.id} class="card">
              <p class="card-title">
                {formatDate(session.date, language)} · {session.program.title}
              </p>
              <p>
                {session.program.university.name} · {t(`enums.MentoringForm.${session.form}`)} ·{' '}
                {session.topics.map((topic) => t(`enums.MentoringTopic.${topic}`)).join(', ')}
              </p>
            </li>
          ))}
        </ul>
      </RecordSection>
    </>
  );
}
