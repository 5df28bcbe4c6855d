import { useState } from 'preact/hooks';
import { useQuery } from '../api/use-query.js';
import {
  ParticipantHistoryDocument,
  type ParticipantHistoryQuery,
} from '../graphql/__generated__/graphql.js';
import { formatDate, formatNumber } from '../i18n/format.js';
import { useT } from '../i18n/index.js';
import { Link } from '../router.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { Loading, PageTitle } from '../ui/page.js';
import { Facts, RecordSection } from '../ui/section.js';
import { Done } from '../workers/form-kit.js';
import { takeFlash } from '../workers/write.js';
import { VillageName } from './region-name.js';

type Session = NonNullable<NonNullable<ParticipantHistoryQuery['worker']>['mentoringSessions']>[number];

/**
 * `/mentoring/participants/<id>`: one returnee's mentoring history, newest first. Sessions of the
 * mentor's own programmes come in full; another university's only as the summary (date,
 * programme, form, topics) the contract gives everyone.
 */
export function ParticipantHistory({ id }: { readonly id: string }) {
  const { t } = useT();
  const result = useQuery(ParticipantHistoryDocument, { id });
  const [flash] = useState(takeFlash);
  if (result.loading && !result.data) return <Loading />;
  const worker = result.data?.worker;
  if (!worker) {
    // A worker without an EMPOWERMENT consent for the mentor's institution answers as one that does not exist.
    return (
      <>
        <PageTitle title={t('mentoring.history.title')}>{t('mentoring.history.title')}</PageTitle>
        <ErrorNotice
          errors={
            result.errors.length > 0
              ? result.errors
              : [{ code: 'NOT_FOUND', message: '', path: [], issues: [] }]
          }
        />
        <p>
          <Link href="/mentoring">{t('mentoring.back')}</Link>
        </p>
      </>
    );
  }
  const sessions = worker.mentoringSessions ?? [];
  return (
    <>
      <p class="breadcrumb">
        <Link href="/mentoring">{t('mentoring.back')}</Link>
      </p>
      <PageTitle title={worker.fullName}>
        {t('mentoring.history.titleFor', { name: worker.fullName })}
      </PageTitle>
      {flash ? <Done message={t(flash)} /> : null}
      <p class="lead">
        {t('workers.field.nik')} <span class="nik">{worker.nik}</span> · {worker.district.name}
      </p>
      <p class="page-actions">
        <Link
          class="button-link"
          href={`/mentoring/sessions/new?participant=${encodeURIComponent(worker.id)}`}
        >
          {t('mentoring.log.withName', { name: worker.fullName })}
        </Link>
      </p>
      <RecordSection
        id="sessions"
        title={t('mentoring.history.sessions')}
        path={['worker', 'mentoringSessions']}
        errors={result.errors}
        items={worker.mentoringSessions}
      >
        <ul class="cards">
          {sessions.map((session) => (
            <SessionCard key={session.id} session={session} />
          ))}
        </ul>
      </RecordSection>
    </>
  );
}

function SessionCard({ session }: { readonly session: Session }) {
  const { t, language } = useT();
  const list = (values: readonly string[] | null | undefined, key: string) =>
    values && values.length > 0 ? values.map((value) => t(`${key}.${value}`)).join(', ') : null;
  // The fields the contract gives only to the programme's own university are null for others.
  const full = session.mentor !== null && session.mentor !== undefined;
  return (
    <li class="card">
      <p class="card-title">
        {formatDate(session.date, language)} · {session.program.title}
      </p>
      <p>
        {session.program.university.name} · {t(`enums.MentoringForm.${session.form}`)} ·{' '}
        {list(session.topics, 'enums.MentoringTopic')}
      </p>
      {full ? (
        <Facts
          rows={[
            [t('mentoring.log.mentor'), session.mentor?.fullName],
            [
              t('mentoring.log.duration'),
              session.durationMinutes == null
                ? null
                : t('mentoring.history.minutes', {
                    minutes: formatNumber(session.durationMinutes, language),
                  }),
            ],
            [
              t('mentoring.log.mode'),
              session.mode ? (
                <>
                  {t(`mentoring.enums.SessionMode.${session.mode}`)}
                  {session.locationCode ? (
                    <>
                      {' · '}
                      <VillageName code={session.locationCode} />
                    </>
                  ) : null}
                </>
              ) : null,
            ],
            [
              t('mentoring.log.businessStatus'),
              session.businessStatus ? t(`mentoring.enums.BusinessStatus.${session.businessStatus}`) : null,
            ],
            [
              t('mentoring.log.revenueBand'),
              session.revenueBand ? t(`mentoring.enums.RevenueBand.${session.revenueBand}`) : null,
            ],
            [t('mentoring.log.needs'), session.needs?.join('; ')],
            [t('mentoring.log.referrals'), list(session.referrals, 'mentoring.enums.Referral')],
            [t('mentoring.log.actionPlan'), session.actionPlan],
            [t('mentoring.log.nextSessionDate'), formatDate(session.nextSessionDate, language)],
            [
              t('mentoring.log.reMigrationIntent'),
              session.reMigrationIntent
                ? t(`mentoring.enums.ReMigrationIntent.${session.reMigrationIntent}`)
                : null,
            ],
            [t('mentoring.log.notes'), session.notes],
          ]}
        />
      ) : (
        <p class="hint">{t('mentoring.history.summaryOnly')}</p>
      )}
    </li>
  );
}
