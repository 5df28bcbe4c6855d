import type { ApiError } from '../api/errors.js';
import { formatDate } from '../i18n/format.js';
import { useT } from '../i18n/index.js';
import { RecordSection } from '../ui/section.js';
import { ConsentForm, RevokeConsentConfirm } from './consent-forms.js';
import { Done } from './form-kit.js';
import { PanelToggle, usePanels } from './panels.js';
import type { RecordWorker } from './record.js';

/** The worker's consents to share her data; the office records new ones and revokes standing ones. */
export function ConsentsSection({
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
  const consents = worker.consents ?? [];
  const finish = (message: string) => {
    panels.finish(message, onChanged);
  };
  return (
    <RecordSection
      id="consents"
      title={t('workers.record.consents')}
      path={['worker', 'consents']}
      errors={errors}
      items={canWrite && worker.consents ? undefined : worker.consents}
    >
      {canWrite ? <Done message={panels.done} /> : null}
      {consents.length === 0 ? <p class="empty">{t('common.noneRecorded')}</p> : null}
      {consents.length > 0 ? (
        <ul class="cards">
          {consents.map((consent) => (
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
              {canWrite && consent.active ? (
                <div class="section-actions">
                  <PanelToggle
                    panels={panels}
                    panelKey={`revoke-${consent.id}`}
                    quiet
                    label={t('officerForms.consents.revoke')}
                    ariaLabel={t('officerForms.consents.revokeOne', {
                      name: consent.grantee.name,
                      purpose: t(`enums.ConsentPurpose.${consent.purpose}`),
                    })}
                  />
                </div>
              ) : null}
              {panels.open === `revoke-${consent.id}` ? (
                <RevokeConsentConfirm
                  consentId={consent.id}
                  granteeName={consent.grantee.name}
                  onCancel={panels.close}
                  onDone={() => finish(t('officerForms.consents.revoked', { name: consent.grantee.name }))}
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {canWrite ? (
        <>
          <div class="section-actions">
            <PanelToggle panels={panels} panelKey="grant-consent" label={t('officerForms.consents.open')} />
          </div>
          {panels.open === 'grant-consent' ? (
            <ConsentForm
              workerId={worker.id}
              onCancel={panels.close}
              onDone={() => finish(t('officerForms.consents.granted'))}
            />
          ) : null}
        </>
      ) : null}
    </RecordSection>
  );
}
