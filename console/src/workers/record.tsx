import { errorsAt, type ApiError } from '../api/errors.js';
import { useQuery } from '../api/use-query.js';
import { WorkerRecordDocument, type WorkerRecordQuery } from '../graphql/__generated__/graphql.js';
import { formatDate, formatDateTime } from '../i18n/format.js';
import { useT } from '../i18n/index.js';
import { Link } from '../router.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { Loading, PageTitle } from '../ui/page.js';
import { Facts, RecordSection } from '../ui/section.js';
import { CareSections } from './record-care.js';
import { PlacementsSection } from './record-placements.js';

export type RecordWorker = NonNullable<WorkerRecordQuery['worker']>;

/** One worker's record, assembled by the gateway from all four institutions. */
export function WorkerRecord({ id }: { readonly id: string }) {
  const { t } = useT();
  const result = useQuery(WorkerRecordDocument, { id });
  if (result.loading && !result.data) return <Loading />;
  const worker = result.data?.worker;
  if (!worker) {
    // A worker the office may not see answers exactly like one that does not exist.
    const errors =
      result.errors.length > 0 ? result.errors : [{ code: 'NOT_FOUND', message: '', path: [], issues: [] }];
    return (
      <>
        <PageTitle title={t('workers.record.title')}>{t('workers.record.title')}</PageTitle>
        <ErrorNotice errors={errors} />
        <p>
          <Link href="/workers">{t('workers.record.backToSearch')}</Link>
        </p>
      </>
    );
  }
  const errors = result.errors;
  return (
    <>
      <p class="breadcrumb">
        <Link href="/workers">{t('workers.record.backToSearch')}</Link>
      </p>
      <PageTitle title={worker.fullName}>{worker.fullName}</PageTitle>
      <p class="lead">
        {t(`enums.WorkerStatus.${worker.status}`)} · {worker.district.name} ·{' '}
        <Link href={`/workers/${encodeURIComponent(worker.id)}/access`}>
          {t('workers.record.accessReport')}
        </Link>
      </p>
      <Identity worker={worker} errors={errors} />
      <DocumentsSection worker={worker} errors={errors} />
      <PlacementsSection worker={worker} errors={errors} />
      <ConsentsSection worker={worker} errors={errors} />
      <CareSections worker={worker} errors={errors} />
    </>
  );
}

function Identity({
  worker,
  errors,
}: {
  readonly worker: RecordWorker;
  readonly errors: readonly ApiError[];
}) {
  const { t, language } = useT();
  // Personal data the office may not read comes back null with FORBIDDEN naming the field.
  const value = (field: keyof RecordWorker, shown: string | null | undefined) =>
    errorsAt(errors, ['worker', field]).length > 0 ? (
      <span class="withheld">{t('common.withheld')}</span>
    ) : (
      shown
    );
  return (
    <RecordSection id="identity" title={t('workers.record.identity')} path={['worker', 'id']} errors={[]}>
      <Facts
        rows={[
          [t('workers.field.nik'), <span class="nik">{worker.nik}</span>],
          [t('workers.field.sex'), t(`enums.Sex.${worker.sex}`)],
          [t('workers.field.birthDate'), value('birthDate', formatDate(worker.birthDate, language))],
          [t('workers.field.birthPlace'), value('birthPlace', worker.birthPlace)],
          [
            t('workers.field.maritalStatus'),
            value('maritalStatus', worker.maritalStatus && t(`enums.MaritalStatus.${worker.maritalStatus}`)),
          ],
          [
            t('workers.field.education'),
            value('education', worker.education && t(`enums.EducationLevel.${worker.education}`)),
          ],
          [t('workers.field.phone'), value('phone', worker.phone)],
          [t('workers.field.address'), value('address', worker.address)],
          [t('workers.field.villageCode'), value('villageCode', worker.villageCode)],
          [t('workers.field.district'), `${worker.district.name} (${worker.district.code})`],
          [t('workers.field.registeredAt'), formatDateTime(worker.registeredAt, language)],
          [t('workers.field.registeredBy'), worker.registeredBy.name],
        ]}
      />
    </RecordSection>
  );
}

function DocumentsSection({
  worker,
  errors,
}: {
  readonly worker: RecordWorker;
  readonly errors: readonly ApiError[];
}) {
  const { t, language } = useT();
  return (
    <RecordSection
      id="documents"
      title={t('workers.record.documents')}
      path={['worker', 'documents']}
      errors={errors}
      items={worker.documents}
    >
      <div class="table-scroll" role="region" aria-label={t('workers.record.documents')} tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('documents.type')}</th>
              <th scope="col">{t('documents.number')}</th>
              <th scope="col">{t('documents.issuer')}</th>
              <th scope="col">{t('documents.validUntil')}</th>
              <th scope="col">{t('documents.status')}</th>
            </tr>
          </thead>
          <tbody>
            {(worker.documents ?? []).map((document) => (
              <tr key={document.id}>
                <th scope="row">{t(`enums.DocumentType.${document.type}`)}</th>
                <td>{document.number ?? '–'}</td>
                <td>{document.issuer}</td>
                <td>
                  {document.validUntil ? formatDate(document.validUntil, language) : t('documents.noExpiry')}
                </td>
                <td>
                  {t(`enums.DocumentStatus.${document.status}`)}
                  {document.rejectionReason ? ` (${document.rejectionReason})` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </RecordSection>
  );
}

function ConsentsSection({
  worker,
  errors,
}: {
  readonly worker: RecordWorker;
  readonly errors: readonly ApiError[];
}) {
  const { t, language } = useT();
  return (
    <RecordSection
      id="consents"
      title={t('workers.record.consents')}
      path={['worker', 'consents']}
      errors={errors}
      items={worker.consents}
    >
      <ul class="cards">
        {(worker.consents ?? []).map((consent) => (
          <li key={consent.id} class="card">
            <p class="card-title">
              {consent.grantee.name} · {t(`enums.ConsentPurpose.${consent.purpose}`)}
            </p>
            <p>
              <span class={`badge ${consent.active ? 'badge-ok' : 'badge-muted'}`}>
                {consent.active ? t('consents.active') : t('consents.inactive')}
              </span>{' '}
              {t('consents.grantedAt', { date: formatDate(consent.grantedAt, language) })}
              {consent.expiresAt
                ? ` · ${t('consents.expiresAt', { date: formatDate(consent.expiresAt, language) })}`
                : ''}
              {consent.revokedAt
                ? ` · ${t('consents.revokedAt', { date: formatDate(consent.revokedAt, language) })}`
                : ''}
            </p>
          </li>
        ))}
      </ul>
    </RecordSection>
  );
}
