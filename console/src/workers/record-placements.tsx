import type { ApiError } from '../api/errors.js';
import { formatCountry, formatDate, formatMoney } from '../i18n/format.js';
import { useT } from '../i18n/index.js';
import { Facts, RecordSection } from '../ui/section.js';
import { Done } from './form-kit.js';
import { PanelToggle, usePanels } from './panels.js';
import { eventsFor, PlacementEventForm } from './placement-events.js';
import { PlacementForm } from './placement-form.js';
import type { RecordWorker } from './record.js';

/**
 * Placements abroad with the ministry's compliance check of each (licence, job order, documents);
 * the office plans new ones and records departure, arrival and return of each.
 */
export function PlacementsSection({
  worker,
  errors,
  canWrite = false,
  onChanged = () => Promise.resolve(),
}: {
  readonly worker: RecordWorker;
  readonly errors: readonly ApiError[];
  readonly canWrite?: boolean;
  readonly onChanged?: () => Promise<void>;
}) {
  const { t, language } = useT();
  const panels = usePanels();
  const finish = (message: string) => {
    panels.finish(message, onChanged);
  };
  return (
    <RecordSection
      id="placements"
      title={t('workers.record.placements')}
      path={['worker', 'placements']}
      errors={errors}
      items={canWrite && worker.placements ? undefined : worker.placements}
    >
      {canWrite ? <Done message={panels.done} /> : null}
      {canWrite && worker.placements?.length === 0 ? <p class="empty">{t('common.noneRecorded')}</p> : null}
      {(worker.placements ?? []).length > 0 ? (
        <ul class="cards">
          {(worker.placements ?? []).map((placement) => (
            <li key={placement.id} class="card">
              <p class="card-title">
                {t(`enums.Occupation.${placement.occupation}`)} ·{' '}
                {formatCountry(placement.destinationCountry, language)} ·{' '}
                {t(`enums.PlacementStatus.${placement.status}`)}
              </p>
              <Facts
                rows={[
                  [t('placements.scheme'), t(`enums.PlacementScheme.${placement.scheme}`)],
                  [t('placements.channel'), t(`enums.PlacementChannel.${placement.channel}`)],
                  [
                    t('placements.agency'),
                    placement.agency
                      ? `${placement.agency.name} (${t(`enums.LicenceStatus.${placement.agency.licenceStatus}`)})`
                      : null,
                  ],
                  [t('placements.employer'), placement.employerName],
                  [t('placements.sector'), t(`enums.Sector.${placement.sector}`)],
                  [
                    t('placements.wage'),
                    placement.monthlyWage !== null &&
                    placement.monthlyWage !== undefined &&
                    placement.wageCurrency
                      ? formatMoney(placement.monthlyWage, language, placement.wageCurrency)
                      : null,
                  ],
                  placement.departureDate
                    ? [t('placements.departure'), formatDate(placement.departureDate, language)]
                    : [
                        t('placements.plannedDeparture'),
                        formatDate(placement.plannedDepartureDate, language),
                      ],
                  ...(placement.arrivalDate
                    ? [
                        [
                          t('officerForms.placements.arrival.shown'),
                          formatDate(placement.arrivalDate, language),
                        ] as const,
                      ]
                    : []),
                  placement.actualReturnDate
                    ? [t('placements.return'), formatDate(placement.actualReturnDate, language)]
                    : [t('placements.expectedReturn'), formatDate(placement.expectedReturnDate, language)],
                  [
                    t('placements.returnReason'),
                    placement.returnReason ? t(`enums.ReturnReason.${placement.returnReason}`) : null,
                  ],
                ]}
              />
              <div
                class={`compliance ${placement.compliance.compliant ? 'compliance-ok' : 'compliance-bad'}`}
              >
                <p class="compliance-verdict">
                  {placement.compliance.compliant ? t('compliance.compliant') : t('compliance.notCompliant')}{' '}
                  <span class="hint">
                    {t('compliance.checkedOn', {
                      date: formatDate(placement.compliance.checkedOn, language),
                    })}
                  </span>
                </p>
                {placement.compliance.findings.length > 0 ? (
                  <ul class="findings">
                    {placement.compliance.findings.map((finding) => (
                      <li key={finding.code}>
                        <span
                          class={`badge ${finding.severity === 'VIOLATION' ? 'badge-bad' : 'badge-warn'}`}
                        >
                          {t(`enums.FindingSeverity.${finding.severity}`)}
                        </span>{' '}
                        {t(`enums.ComplianceFindingCode.${finding.code}`)}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </div>
              {canWrite ? (
                <>
                  <div class="section-actions">
                    {eventsFor(placement.status).map((event) => (
                      <PanelToggle
                        key={event}
                        panels={panels}
                        panelKey={`${event}-${placement.id}`}
                        label={t(`officerForms.placements.${event}.open`)}
                      />
                    ))}
                  </div>
                  {eventsFor(placement.status).map((event) =>
                    panels.open === `${event}-${placement.id}` ? (
                      <PlacementEventForm
                        key={event}
                        event={event}
                        placementId={placement.id}
                        hint={
                          event === 'departure' &&
                          placement.channel === 'PROCEDURAL' &&
                          worker.status !== 'VERIFIED'
                            ? t('officerForms.placements.departure.needsVerified', {
                                status: t(`enums.WorkerStatus.${worker.status}`),
                              })
                            : undefined
                        }
                        onCancel={panels.close}
                        onDone={() => finish(t(`officerForms.placements.${event}.done`))}
                      />
                    ) : null,
                  )}
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {canWrite ? (
        <>
          <div class="section-actions">
            <PanelToggle
              panels={panels}
              panelKey="create-placement"
              label={t('officerForms.placements.open')}
            />
          </div>
          {panels.open === 'create-placement' ? (
            <PlacementForm
              workerId={worker.id}
              onCancel={panels.close}
              onDone={() => finish(t('officerForms.placements.created'))}
            />
          ) : null}
        </>
      ) : null}
    </RecordSection>
  );
}
