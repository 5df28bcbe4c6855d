import type { ComponentChildren } from 'preact';
import { errorsAt, type ApiError } from '../api/errors.js';
import { useQuery } from '../api/use-query.js';
import type { Person } from '../auth/person.js';
import { CaseDetailDocument, type CaseDetailQuery } from '../graphql/__generated__/graphql.js';
import { formatCountry, formatDateTime } from '../i18n/format.js';
import { useT } from '../i18n/index.js';
import { Link } from '../router.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { Loading, PageTitle } from '../ui/page.js';
import { Facts, RecordSection } from '../ui/section.js';
import { CaseFollowUp, NoteForm, ResolutionSection } from './case-follow-up.js';
import { acceptsNotes, canFollowUpCases } from './case-model.js';
import { PlacementCompliance } from './placement-compliance.js';
import { LicenceBadge, StatusBadge } from './status-badge.js';

export type CaseRecord = NonNullable<CaseDetailQuery['case']>;

/**
 * One complaint case: what was reported, the worker and the legality of her placements, the
 * history of notes, and (for the ministry) the follow-up: a note, a move, the resolution. A case
 * the institution may not see answers exactly like one that does not exist.
 */
export function CaseDetail({ id, person }: { readonly id: string; readonly person: Person }) {
  const { t } = useT();
  const result = useQuery(CaseDetailDocument, { id });
  const record = result.data?.case;
  if (result.loading && !record) return <Loading />;
  if (!record) {
    const errors =
      result.errors.length > 0 ? result.errors : [{ code: 'NOT_FOUND', message: '', path: [], issues: [] }];
    return (
      <>
        <BackToList />
        <PageTitle title={t('cases.detail.title')}>{t('cases.detail.title')}</PageTitle>
        <ErrorNotice errors={errors} />
      </>
    );
  }
  const followsUp = canFollowUpCases(person);
  const title = `${record.reference} · ${t(`enums.CaseCategory.${record.category}`)}`;
  return (
    <>
      <BackToList />
      <PageTitle title={title}>{title}</PageTitle>
      <p class="lead">
        <StatusBadge status={record.status} /> {t(`cases.channel.${record.channel}`)}
      </p>
      <CaseFacts record={record} person={person} />
      <WorkerSection record={record} person={person} errors={result.errors} />
      <NotesSection record={record}>
        {followsUp && acceptsNotes(record.status) ? (
          <NoteForm caseId={record.id} onDone={() => void result.reload()} />
        ) : null}
      </NotesSection>
      {followsUp ? (
        <CaseFollowUp record={record} onDone={() => void result.reload()} />
      ) : (
        <ResolutionSection record={record} />
      )}
    </>
  );
}

function BackToList() {
  const { t } = useT();
  return (
    <p class="breadcrumb">
      <Link href="/cases">{t('cases.detail.backToList')}</Link>
    </p>
  );
}

function CaseFacts({ record, person }: { readonly record: CaseRecord; readonly person: Person }) {
  const { t, language } = useT();
  const agencyLinks = person.role === 'CASE_OFFICER';
  return (
    <section class="record-section" aria-labelledby="case-facts-heading">
      <h2 id="case-facts-heading">{t('cases.detail.report')}</h2>
      <Facts
        rows={[
          [t('cases.field.category'), t(`enums.CaseCategory.${record.category}`)],
          [t('cases.field.status'), t(`enums.CaseStatus.${record.status}`)],
          [t('cases.field.channel'), t(`cases.channel.${record.channel}`)],
          [t('cases.field.country'), record.countryCode ? formatCountry(record.countryCode, language) : null],
          [
            t('cases.field.agency'),
            record.agency ? (
              <>
                {agencyLinks ? (
                  <Link href={`/agencies/${encodeURIComponent(record.agency.id)}`}>{record.agency.name}</Link>
                ) : (
                  record.agency.name
                )}{' '}
                <LicenceBadge status={record.agency.licenceStatus} />
              </>
            ) : null,
          ],
          [t('cases.field.opened'), formatDateTime(record.openedAt, language)],
          [t('cases.field.openedBy'), record.openedBy.name],
        ]}
      />
      <h3>{t('cases.field.summary')}</h3>
      <p class="prose">{record.summary ?? '–'}</p>
    </section>
  );
}

function WorkerSection({
  record,
  person,
  errors,
}: {
  readonly record: CaseRecord;
  readonly person: Person;
  readonly errors: readonly ApiError[];
}) {
  const { t } = useT();
  const { worker } = record;
  const agencyLinks = person.role === 'CASE_OFFICER';
  // The case's own placement first; then the worker's others, each with its own check.
  const others = (worker.placements ?? []).filter((placement) => placement.id !== record.placement?.id);
  const placementErrors = [
    ...errorsAt(errors, ['case', 'placement']),
    ...errorsAt(errors, ['case', 'worker', 'placements']),
  ];
  return (
    <>
      <section class="record-section" aria-labelledby="case-worker-heading">
        <h2 id="case-worker-heading">{t('cases.detail.worker')}</h2>
        <Facts
          rows={[
            [
              t('workers.field.fullName'),
              person.role === 'LTSA_OFFICER' ? (
                <Link href={`/workers/${encodeURIComponent(worker.id)}`}>{worker.fullName}</Link>
              ) : (
                worker.fullName
              ),
            ],
            [t('workers.field.nik'), <span class="nik">{worker.nik}</span>],
            [t('workers.field.district'), worker.district.name],
          ]}
        />
      </section>
      <RecordSection
        id="case-placements"
        title={t('cases.detail.placements')}
        path={['case']}
        errors={placementErrors}
        items={[...(record.placement ? [record.placement] : []), ...others]}
      >
        <ul class="cards">
          {record.placement ? (
            <PlacementCompliance placement={record.placement} agencyLinks={agencyLinks} highlighted />
          ) : null}
          {others.map((placement) => (
            <PlacementCompliance key={placement.id} placement={placement} agencyLinks={agencyLinks} />
          ))}
        </ul>
      </RecordSection>
    </>
  );
}

function NotesSection({
  record,
  children,
}: {
  readonly record: CaseRecord;
  readonly children?: ComponentChildren;
}) {
  const { t, language } = useT();
  const notes = record.notes ?? [];
  return (
    <section class="record-section" aria-labelledby="case-notes-heading">
      <h2 id="case-notes-heading">{t('cases.detail.notes')}</h2>
      {notes.length === 0 ? (
        <p class="empty">{t('cases.detail.noNotes')}</p>
      ) : (
        <ol class="notes">
          {notes.map((note, index) => (
            <li key={`${note.at}-${index}`} class="note">
              <p class="note-meta">
                {formatDateTime(note.at, language)} · {note.author.name}
              </p>
              <p class="prose">{note.text}</p>
            </li>
          ))}
        </ol>
      )}
      {children}
    </section>
  );
}
