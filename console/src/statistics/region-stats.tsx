import { useMemo, useState } from 'preact/hooks';
import { useQuery } from '../api/use-query.js';
import { NationalStatsViewDocument, RegionStatsViewDocument } from '../graphql/__generated__/graphql.js';
import { useT } from '../i18n/index.js';
import { Link, navigate } from '../router.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { Field } from '../ui/field.js';
import { Loading, PageTitle } from '../ui/page.js';
import { downloadCsv, tableCsv } from './csv.js';
import { StatsChart } from './stats-chart.js';
import { StatsTable } from './stats-table.js';
import {
  CHART_MEASURES,
  MEASURES,
  rowOf,
  sortRows,
  totalsOf,
  type Measure,
  type Sort,
  type SortKey,
} from './table-model.js';

/** The view starts at the nation (no parent region): one row per province. */
export const START_REGION: string | null = null;
const FIRST_YEAR = 2020;

export function yearsOffered(now = new Date()): number[] {
  const years: number[] = [];
  for (let year = now.getFullYear(); year >= FIRST_YEAR; year -= 1) years.push(year);
  return years;
}

/** The last complete year: what a yearly picture is made of. */
export function defaultYear(now = new Date()): number {
  return now.getFullYear() - 1;
}

interface RegionNode {
  readonly code: string;
  readonly name: string;
  readonly level: string;
  readonly parent?: RegionNode | null;
}

/** Where the view of a region (null: the nation) and year lives. */
export function statsHref(code: string | null, year: number): string {
  return `/statistics${code ? `/${encodeURIComponent(code)}` : ''}?year=${year}`;
}

interface Crumb {
  /** null for the nation. */
  readonly code: string | null;
  readonly name: string;
}

/** The nation, then the region and its ancestors from the province down. */
function breadcrumbOf(region: RegionNode | null | undefined, nation: string): Crumb[] {
  const chain: Crumb[] = [];
  for (let node: RegionNode | null | undefined = region; node; node = node.parent) {
    if (node.level === 'PROVINCE' || node.level === 'REGENCY') chain.unshift(node);
  }
  return [{ code: null, name: nation }, ...chain];
}

/** The analyst's cross-region view: table with totals, chart, drill-down, year and CSV export. */
export function RegionStatsView({ code, year }: { readonly code: string | null; readonly year: number }) {
  const { t } = useT();
  // The nation has no region of its own to name: its rows are the provinces.
  const regional = useQuery(
    RegionStatsViewDocument,
    { parentCode: code ?? '', year },
    { skip: code === null },
  );
  const national = useQuery(NationalStatsViewDocument, { year }, { skip: code !== null });
  const result = code === null ? national : regional;
  const [sort, setSort] = useState<Sort>({ key: 'name', direction: 'ascending' });
  const [chartMeasure, setChartMeasure] = useState<Measure>('departed');
  const rows = useMemo(
    () => sortRows((result.data?.regionStats ?? []).map(rowOf), sort),
    [result.data, sort],
  );
  const totals = useMemo(() => totalsOf(rows), [rows]);
  const region = code === null ? null : regional.data?.region;
  const nation = t('stats.nation');
  const placeName = code === null ? nation : region?.name;
  const title = placeName ? t('stats.titleFor', { name: placeName, year }) : t('stats.title');
  const onSort = (key: SortKey) =>
    setSort(
      sort.key === key
        ? { key, direction: sort.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: key === 'name' ? 'ascending' : 'descending' },
    );
  const exportCsv = () => {
    const measures = Object.fromEntries(
      MEASURES.map((measure) => [measure, t(`stats.measure.${measure}`)]),
    ) as Record<Measure, string>;
    const csv = tableCsv(rows, totals, {
      code: t('stats.code'),
      region: t('stats.region'),
      total: t('stats.total'),
      suppressed: t('stats.suppressed'),
      measures,
    });
    downloadCsv(`statistik-${code ?? 'indonesia'}-${year}.csv`, csv);
  };
  const anySuppressed = rows.some((row) =>
    MEASURES.some((measure) => row.cells[measure].kind === 'suppressed'),
  );

  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      {code === null || region ? (
        <nav aria-label={t('stats.breadcrumb')} class="breadcrumb">
          <ol>
            {breadcrumbOf(region, nation).map((crumb, index, all) => (
              <li key={crumb.code ?? 'nation'}>
                {index === all.length - 1 ? (
                  <span aria-current="page">{crumb.name}</span>
                ) : (
                  <Link href={statsHref(crumb.code, year)}>{crumb.name}</Link>
                )}
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      <form class="filter-form" aria-label={t('stats.options')} onSubmit={(event) => event.preventDefault()}>
        <Field id="stats-year" label={t('stats.year')}>
          <select
            id="stats-year"
            value={String(year)}
            onChange={(event) => navigate(statsHref(code, Number(event.currentTarget.value)))}
          >
            {yearsOffered().map((option) => (
              <option key={option} value={String(option)}>
                {option}
              </option>
            ))}
          </select>
        </Field>
        <Field id="stats-chart-measure" label={t('stats.chartMeasure')}>
          <select
            id="stats-chart-measure"
            value={chartMeasure}
            onChange={(event) => setChartMeasure(event.currentTarget.value as Measure)}
          >
            {CHART_MEASURES.map((measure) => (
              <option key={measure} value={measure}>
                {t(`stats.measure.${measure}`)}
              </option>
            ))}
          </select>
        </Field>
        <div class="form-actions">
          <button type="button" class="button-primary" disabled={rows.length === 0} onClick={exportCsv}>
            {t('stats.exportCsv')}
          </button>
        </div>
      </form>
      <ErrorNotice errors={result.errors} />
      {result.loading && rows.length === 0 ? <Loading /> : null}
      {rows.length > 0 ? (
        <>
          {anySuppressed ? (
            <p class="notice notice-info" id="suppression-note">
              {t('stats.suppressionExplained')}
            </p>
          ) : null}
          <StatsTable rows={rows} totals={totals} sort={sort} year={year} caption={title} onSort={onSort} />
          <h2>{t('stats.chartHeading', { measure: t(`stats.measure.${chartMeasure}`) })}</h2>
          <StatsChart rows={rows} measure={chartMeasure} title={t(`stats.measure.${chartMeasure}`)} />
        </>
      ) : !result.loading && result.errors.length === 0 ? (
        <p class="empty">{t('stats.noRows')}</p>
      ) : null}
    </>
  );
}
