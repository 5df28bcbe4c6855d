import { formatDateTime } from '../i18n/format.js';
import { useT } from '../i18n/index.js';
import type { AccessEventRow } from './access-filters.js';
import { usePeopleNames } from './people-names.js';

/** The events of the report, newest first; a read of the report itself says so beside its data. */
export function AccessTable({ events }: { readonly events: readonly AccessEventRow[] }) {
  const { t, language } = useT();
  const names = usePeopleNames(events.map((event) => event.actingSubject));
  if (events.length === 0) return <p class="empty">{t('access.none')}</p>;
  return (
    <div class="table-scroll" role="region" aria-label={t('access.title')} tabIndex={0}>
      <table class="access-table">
        <thead>
          <tr>
            <th scope="col">{t('access.at')}</th>
            <th scope="col">{t('access.institution')}</th>
            <th scope="col">{t('access.action')}</th>
            <th scope="col">{t('access.data')}</th>
            <th scope="col">{t('access.purpose')}</th>
            <th scope="col">{t('access.actor')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={`${event.requestId}-${event.service}-${event.action}-${event.entityType}-${event.at}`}>
              <td class="nowrap">{formatDateTime(event.at, language)}</td>
              <td>
                {event.institution.name}
                <span class="sub">
                  {t('access.servicePrefix', {
                    service: t(`access.services.${event.service}`, { defaultValue: event.service }),
                  })}
                </span>
              </td>
              <td>{t(`enums.AccessAction.${event.action}`)}</td>
              <td>
                {event.isReportRead
                  ? t('access.reportRead')
                  : t(`entities.${event.entityType}`, { defaultValue: event.entityType })}
                {event.isReportRead ? null : (
                  <span class="sub">
                    {event.fields.map((field) => t(`fields.${field}`, { defaultValue: field })).join(', ')}
                  </span>
                )}
              </td>
              <td>
                {event.purpose ?? t('access.noPurpose')}
                {event.caseReference ? <span class="sub">{event.caseReference}</span> : null}
              </td>
              <td class="actor">
                {event.actingSubject ? (names.get(event.actingSubject) ?? event.actingSubject) : '–'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
