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

/** A row's measure cells: its counts, or one cell across them saying the region has no data. */
function RowCells({ row }: { readonly row: TableRow }) {
  const { t } = useT();
  if (!row.hasData) {
    return (
      <td class="no-data" colSpan={MEASURES.length}>
        {t('stats.noData')}
      </td>
    );
  }
  return (
    <>
      {MEASURES.map((measure) => (
        <td key={measure} class="num">
          <CellText cell={row.cells[measure]} measure={measure} />
        </td>
      ))}
    </>
  );
}

/**
 * The cross-region table: sortable by any column (buttons in the headers), the parent region's
 * own total (from the API, protected with the rows) in the footer.
 */
export function StatsTable({
  rows,
  total,
  sort,
  hrefOf,
  caption,
  onSort,
}: {
  readonly rows: readonly TableRow[];
  readonly total: TableRow;
  readonly sort: Sort;
  /** Where a row's drill-down leads, for the same years. */
  readonly hrefOf: (code: string) => string;
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
            <tr key={row.code} class={row.hasData ? undefined : 'no-data-row'}>
              <th scope="row">
                {row.drillable && row.hasData ? (
                  <Link href={hrefOf(row.code)} aria-label={t('stats.drillDown', { name: row.name })}>
                    {row.name}
                  </Link>
                ) : (
                  row.name
                )}
                <span class="sub">{row.code}</span>
              </th>
              <RowCells row={row} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('stats.total')}</th>
            <RowCells row={total} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
