import type { ApiError } from '../api/errors.js';
import { VerifyDocumentDocument } from '../graphql/__generated__/graphql.js';
import { formatDate } from '../i18n/format.js';
import { useT } from '../i18n/index.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { RecordSection } from '../ui/section.js';
import { DocumentForm, RejectDocumentForm } from './document-forms.js';
import { Done } from './form-kit.js';
import { PanelToggle, usePanels } from './panels.js';
import type { RecordWorker } from './record.js';
import { useWrite } from './write.js';

/** Documents checked at the desk; the office records new ones and verifies or rejects submitted ones. */
export function DocumentsSection({
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
  const verify = useWrite(VerifyDocumentDocument);
  const documents = worker.documents ?? [];
  const verifyDocument = async (id: string) => {
    if (await verify.run({ id })) {
      panels.finish(t('officerForms.documents.verified'), onChanged);
    }
  };
  const rejecting = documents.find((document) => panels.open === `reject-${document.id}`);
  return (
    <RecordSection
      id="documents"
      title={t('workers.record.documents')}
      path={['worker', 'documents']}
      errors={errors}
      items={worker.documents === null ? null : undefined}
    >
      {canWrite ? <Done message={panels.done} /> : null}
      {documents.length === 0 ? <p class="empty">{t('common.noneRecorded')}</p> : null}
      {documents.length > 0 ? (
        <div class="table-scroll" role="region" aria-label={t('workers.record.documents')} tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('documents.type')}</th>
                <th scope="col">{t('documents.number')}</th>
                <th scope="col">{t('documents.issuer')}</th>
                <th scope="col">{t('documents.validUntil')}</th>
                <th scope="col">{t('documents.status')}</th>
                {canWrite ? <th scope="col">{t('officerForms.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {documents.map((document) => (
                <tr key={document.id}>
                  <th scope="row">{t(`enums.DocumentType.${document.type}`)}</th>
                  <td>{document.number ?? '–'}</td>
                  <td>{document.issuer}</td>
                  <td>
                    {document.validUntil
                      ? formatDate(document.validUntil, language)
                      : t('documents.noExpiry')}
                  </td>
                  <td>
                    {t(`enums.DocumentStatus.${document.status}`)}
                    {document.rejectionReason ? ` (${document.rejectionReason})` : ''}
                  </td>
                  {canWrite ? (
                    <td>
                      {document.status === 'SUBMITTED' ? (
                        <div class="row-actions">
                          <button
                            type="button"
                            class="button-quiet button-small"
                            id={`verify-${document.id}-toggle`}
                            disabled={verify.pending}
                            aria-label={t('officerForms.documents.verifyOne', {
                              type: t(`enums.DocumentType.${document.type}`),
                            })}
                            onClick={() => void verifyDocument(document.id)}
                          >
                            {t('officerForms.documents.verify')}
                          </button>
                          <PanelToggle
                            panels={panels}
                            panelKey={`reject-${document.id}`}
                            quiet
                            label={t('officerForms.documents.reject')}
                            ariaLabel={t('officerForms.documents.rejectOne', {
                              type: t(`enums.DocumentType.${document.type}`),
                            })}
                          />
                        </div>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {canWrite ? (
        <>
          <ErrorNotice errors={verify.errors} context={t('officerForms.documents.verifyFailed')} />
          {rejecting ? (
            <RejectDocumentForm
              key={rejecting.id}
              documentId={rejecting.id}
              typeLabel={t(`enums.DocumentType.${rejecting.type}`)}
              onCancel={panels.close}
              onDone={() => {
                panels.finish(t('officerForms.documents.rejected'), onChanged);
              }}
            />
          ) : null}
          <div class="section-actions">
            <PanelToggle
              panels={panels}
              panelKey="record-document"
              label={t('officerForms.documents.open')}
            />
          </div>
          {panels.open === 'record-document' ? (
            <DocumentForm
              worker={worker}
              onCancel={panels.close}
              onDone={() => {
                panels.finish(t('officerForms.documents.recorded'), onChanged);
              }}
            />
          ) : null}
        </>
      ) : null}
    </RecordSection>
  );
}
