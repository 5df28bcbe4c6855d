import { formatNumber } from '../i18n/format.js';
import { useT } from '../i18n/index.js';
import { Link } from '../router.js';
import {
  isRate,
  MEASURES,
  type Cell,
  type Measure,
  type Sort,
  type SortKey,
  type TableRow,
} from './table-model.js';

export function CellText({ cell, measure }: { readonly cell: Cell; readonly measure: Measure }) {
  const { t, language } = useT();
  switch (cell.kind) {
    case 'value':
      return <>{formatNumber(cell.value, language, isRate(measure) ? 1 : 0)}</>;
    case 'suppressed':
      return <span class="suppressed">{t('stats.suppressed')}</span>;
    case 'none':
      return <span aria-label={t('stats.noDepartures')}>–</span>;
  }
}

/** The cross-region table: sortable by any column (buttons in the headers), totals in the footer. */
export function StatsTable({
  rows,
  totals,
  sort,
  year,
  caption,
  onSort,
}: {
  readonly rows: readonly TableRow[];
  readonly totals: Readonly<Record<Measure, Cell>>;
  readonly sort: Sort;
  readonly year: number;
  readonly caption: string;
  readonly onSort: (key: SortKey) => void;
}) {
  const { t } = useT();
  const header = (key: SortKey, label: string) => {
    const active = sort.key === key;
    return (
      <th
        scope="col"
        aria-sort={active ? sort.direction : undefined}
        class={key === 'name' ? undefined : 'num'}
      >
        <button type="button" class="sort-button" onClick={() => onSort(key)}>
          {label}
          <span aria-hidden="true" class="sort-mark">
            {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
          </span>
        </button>
      </th>
    );
  };
  return (
    <div class="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table class="stats-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {header('name', t('stats.region'))}
            {MEASURES.map((measure) => header(measure, t(`stats.measure.${measure}`)))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.code}>
              <th scope="row">
                {row.drillable ? (
                  <Link
                    href={`/statistics/${encodeURIComponent(row.code)}?year=${year}`}
                    aria-label={t('stats.drillDown', { name: row.name })}
                  >
                    {row.name}
                  </Link>
                ) : (
                  row.name
                )}
                <span class="sub">{row.code}</span>
              </th>
              {MEASURES.map((measure) => (
                <td key={measure} class="num">
                  <CellText cell={row.cells[measure]} measure={measure} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('stats.total')}</th>
            {MEASURES.map((measure) => (
              <td key={measure} class="num">
                <CellText cell={totals[measure]} measure={measure} />
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
