import { useState } from 'preact/hooks';
import { errorsAt, type ApiError } from '../api/errors.js';
import { useQuery } from '../api/use-query.js';
import { WorkerRecordDocument, type WorkerRecordQuery } from '../graphql/__generated__/graphql.js';
import { formatDate, formatDateTime } from '../i18n/format.js';
import { useT } from '../i18n/index.js';
import { Link } from '../router.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { Loading, PageTitle } from '../ui/page.js';
import { Facts, RecordSection } from '../ui/section.js';
import { Done } from './form-kit.js';
import { PanelToggle, usePanels } from './panels.js';
import { CareSections } from './record-care.js';
import { ConsentsSection } from './record-consents.js';
import { DocumentsSection } from './record-documents.js';
import { PlacementsSection } from './record-placements.js';
import { StatusForm } from './status-form.js';
import { takeFlash } from './write.js';

export type RecordWorker = NonNullable<WorkerRecordQuery['worker']>;

/**
 * One worker's record, assembled by the gateway from all four institutions. With `canWrite` (the
 * LTSA officer, `workers:write`), each part the office keeps has its forms, and after every write
 * the record is read again, so it shows the new state.
 */
export function WorkerRecord({ id, canWrite = false }: { readonly id: string; readonly canWrite?: boolean }) {
  const { t } = useT();
  const result = useQuery(WorkerRecordDocument, { id });
  // What the screen before did (registering her), said once.
  const [flash] = useState(takeFlash);
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
      {flash ? <Done message={t(flash)} /> : null}
      <p class="lead">
        {t(`enums.WorkerStatus.${worker.status}`)} · {worker.district.name} ·{' '}
        <Link href={`/workers/${encodeURIComponent(worker.id)}/access`}>
          {t('workers.record.accessReport')}
        </Link>
      </p>
      <Identity worker={worker} errors={errors} canWrite={canWrite} onChanged={result.reload} />
      <DocumentsSection worker={worker} errors={errors} canWrite={canWrite} onChanged={result.reload} />
      <PlacementsSection worker={worker} errors={errors} canWrite={canWrite} onChanged={result.reload} />
      <ConsentsSection worker={worker} errors={errors} canWrite={canWrite} onChanged={result.reload} />
      <CareSections worker={worker} errors={errors} />
    </>
  );
}

function Identity({
  worker,
  errors,
  canWrite,
  onChanged,
}: {
  readonly worker: RecordWorker;
  readonly errors: readonly ApiError[];
  readonly canWrite: boolean;
  readonly onChanged: () => Promise<void>;
}) {
  const { t, language } = useT();
  const panels = usePanels();
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
          [t('workers.field.status'), t(`enums.WorkerStatus.${worker.status}`)],
        ]}
      />
      {canWrite ? (
        <>
          <Done message={panels.done} />
          <div class="section-actions">
            <PanelToggle panels={panels} panelKey="change-status" label={t('officerForms.status.open')} />
          </div>
          {panels.open === 'change-status' ? (
            <StatusForm
              workerId={worker.id}
              status={worker.status}
              onCancel={panels.close}
              onDone={() => {
                panels.finish(t('officerForms.status.done'), onChanged);
              }}
            />
          ) : null}
        </>
      ) : null}
    </RecordSection>
  );
}
