import type { AccessAction } from '../graphql/__generated__/graphql.js';
import { useT, type Language } from '../i18n/index.js';
import { Link } from '../router.js';

/** An access event as both views list it; the by-service view adds its chain position and worker. */
export interface EventRow {
  readonly at: string;
  readonly institution: { readonly id: string; readonly name: string };
  readonly clientId: string;
  readonly actingSubject: string | null;
  readonly purpose: string | null;
  readonly caseReference: string | null;
  readonly service: string;
  readonly action: AccessAction;
  readonly entityType: string;
  readonly entityId: string;
  readonly fields: readonly string[];
  readonly requestId: string;
  readonly clientRequestId: string | null;
  readonly position?: number;
  readonly workerId?: string | null;
}

/**
 * A moment to the second in WIB ("2 Desember 2026 08.46.05"): an auditor orders events that
 * happened within one minute, and matches them across services.
 */
export function formatInstant(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZone: 'Asia/Jakarta',
  }).format(new Date(iso));
}

/**
 * The auditor's table of access events: every fact the log holds about each, so that one event
 * can be followed across services by its request id.
 */
export function EventsTable({
  events,
  caption,
  showWorker,
}: {
  readonly events: readonly EventRow[];
  readonly caption: string;
  readonly showWorker: boolean;
}) {
  const { t, language } = useT();
  return (
    <div class="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table class="audit-table">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.field.at')}</th>
            <th scope="col">{t('audit.field.institution')}</th>
            <th scope="col">{t('audit.field.action')}</th>
            <th scope="col">{t('audit.field.data')}</th>
            {showWorker ? <th scope="col">{t('audit.field.worker')}</th> : null}
            <th scope="col">{t('audit.field.purpose')}</th>
            <th scope="col">{t('audit.field.actor')}</th>
            <th scope="col">{t('audit.field.request')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr
              key={`${event.service}-${event.position ?? ''}-${event.requestId}-${event.entityType}-${event.entityId}-${event.at}`}
            >
              <td class="nowrap">
                {formatInstant(event.at, language)}
                {event.position !== undefined ? (
                  <span class="sub">{t('audit.field.position', { position: event.position })}</span>
                ) : (
                  <span class="sub">
                    {t(`audit.service.${event.service}`, { defaultValue: event.service })}
                  </span>
                )}
              </td>
              <td>
                {event.institution.name}
                <span class="sub mono">{event.clientId}</span>
              </td>
              <td>{t(`enums.AccessAction.${event.action}`)}</td>
              <td>
                {t(`entities.${event.entityType}`, { defaultValue: event.entityType })}
                <span class="sub">
                  {event.fields.map((field) => t(`fields.${field}`, { defaultValue: field })).join(', ')}
                </span>
                <span class="sub mono">{event.entityId}</span>
              </td>
              {showWorker ? (
                <td>
                  {event.workerId ? (
                    <Link href={`/audit/workers/${encodeURIComponent(event.workerId)}`}>
                      {t('audit.field.workerLink')}
                    </Link>
                  ) : (
                    '–'
                  )}
                </td>
              ) : null}
              <td>
                {event.purpose ?? t('access.noPurpose')}
                {event.caseReference ? <span class="sub">{event.caseReference}</span> : null}
              </td>
              <td class="actor">{event.actingSubject ?? '–'}</td>
              <td class="actor">
                {event.requestId}
                {event.clientRequestId ? (
                  <span class="sub">{t('audit.field.clientRequest', { id: event.clientRequestId })}</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
