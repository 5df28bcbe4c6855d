import { formatDateTime, formatNumber } from '../i18n/format.js';
import { useT } from '../i18n/index.js';
import type { InstitutionSummaryRow } from './access-filters.js';

/** Per institution, over every event the filters match (not only the page on screen). */
export function AccessSummary({ summary }: { readonly summary: readonly InstitutionSummaryRow[] }) {
  const { t, language } = useT();
  if (summary.length === 0) return null;
  return (
    <section class="access-summary" aria-labelledby="access-summary-title">
      <h2 id="access-summary-title">{t('access.summary.title')}</h2>
      <div class="table-scroll" role="region" aria-labelledby="access-summary-title" tabIndex={0}>
        <table class="summary-table">
          <thead>
            <tr>
              <th scope="col">{t('access.institution')}</th>
              <th scope="col">{t('access.summary.total')}</th>
              <th scope="col">{t('access.summary.actions')}</th>
              <th scope="col">{t('access.summary.first')}</th>
              <th scope="col">{t('access.summary.last')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.map((row) => (
              <tr key={row.institution.id}>
                <th scope="row">{row.institution.name}</th>
                <td class="number">{formatNumber(row.total, language)}</td>
                <td>
                  {row.actions
                    .map(
                      (entry) =>
                        `${t(`enums.AccessAction.${entry.action}`)} ${formatNumber(entry.count, language)}`,
                    )
                    .join(', ')}
                </td>
                <td class="nowrap">{formatDateTime(row.firstAt, language)}</td>
                <td class="nowrap">{formatDateTime(row.lastAt, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
