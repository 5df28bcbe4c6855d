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
  type Measure,
  type Sort,
  type SortKey,
} from './table-model.js';

/** The view starts at the nation (no parent region): one row per province. */
export const START_REGION: string | null = null;
const FIRST_YEAR = 2020;
/** The API's longest range (`MAX_YEAR_SPAN` in shared/stats.ts). */
const MAX_SPAN = 10;

export function yearsOffered(now = new Date()): number[] {
  const years: number[] = [];
  for (let year = now.getFullYear(); year >= FIRST_YEAR; year -= 1) years.push(year);
  return years;
}

/** The last complete year: what a yearly picture is made of. */
export function defaultYear(now = new Date()): number {
  return now.getFullYear() - 1;
}

/** The calendar years the view covers, both included; one year when they are equal. */
export interface StatsPeriod {
  readonly fromYear: number;
  readonly toYear: number;
}

const yearParam = (value: string | null): number | null =>
  value !== null && /^\d{4}$/.test(value) ? Number(value) : null;

/**
 * The years an address asks for: `?year=2025`, or `?from=2023&to=2025`; last year when neither
 * reads as years. A range given backwards is put in order, and one longer than the API serves is
 * cut to its last years.
 */
export function periodOf(query: URLSearchParams, now = new Date()): StatsPeriod {
  const from = yearParam(query.get('from'));
  const to = yearParam(query.get('to'));
  if (from !== null && to !== null) {
    const [first, last] = from <= to ? [from, to] : [to, from];
    return { fromYear: Math.max(first, last - MAX_SPAN + 1), toYear: last };
  }
  const year = yearParam(query.get('year')) ?? defaultYear(now);
  return { fromYear: year, toYear: year };
}

/** `2025`, or `2023–2025`. */
export function periodLabel({ fromYear, toYear }: StatsPeriod): string {
  return fromYear === toYear ? String(toYear) : `${fromYear}–${toYear}`;
}

/** Where the view of a region (null: the nation) and years lives. */
export function statsHref(code: string | null, period: StatsPeriod): string {
  const path = `/statistics${code ? `/${encodeURIComponent(code)}` : ''}`;
  return period.fromYear === period.toYear
    ? `${path}?year=${period.toYear}`
    : `${path}?from=${period.fromYear}&to=${period.toYear}`;
}

interface RegionNode {
  readonly code: string;
  readonly name: string;
  readonly level: string;
  readonly parent?: RegionNode | null;
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

/** A year select of the period form; picking a year past the other end moves that end along. */
function YearSelect({
  id,
  label,
  value,
  onPick,
}: {
  readonly id: string;
  readonly label: string;
  readonly value: number;
  readonly onPick: (year: number) => void;
}) {
  return (
    <Field id={id} label={label}>
      <select id={id} value={String(value)} onChange={(event) => onPick(Number(event.currentTarget.value))}>
        {yearsOffered().map((option) => (
          <option key={option} value={String(option)}>
            {option}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** The analyst's cross-region view: table with the parent's total, chart, drill-down, years and CSV export. */
export function RegionStatsView({
  code,
  period,
}: {
  readonly code: string | null;
  readonly period: StatsPeriod;
}) {
  const { t } = useT();
  const years = { fromYear: period.fromYear, toYear: period.toYear };
  // The nation has no region of its own to name: its rows are the provinces.
  const regional = useQuery(
    RegionStatsViewDocument,
    { parentCode: code ?? '', ...years },
    { skip: code === null },
  );
  const national = useQuery(NationalStatsViewDocument, years, { skip: code !== null });
  const table = code === null ? national.data?.regionStatsTable : regional.data?.regionStatsTable;
  const result = code === null ? national : regional;
  const [sort, setSort] = useState<Sort>({ key: 'name', direction: 'ascending' });
  const [chartMeasure, setChartMeasure] = useState<Measure>('departed');
  const rows = useMemo(
    () =>
      sortRows(
        (table?.rows ?? []).map((row) => rowOf(row)),
        sort,
      ),
    [table, sort],
  );
  const total = useMemo(() => (table ? rowOf(table.total, t('stats.total')) : null), [table, t]);
  const region = code === null ? null : regional.data?.region;
  const nation = t('stats.nation');
  const placeName = code === null ? nation : region?.name;
  const label = periodLabel(period);
  const title = placeName ? t('stats.titleFor', { name: placeName, year: label }) : t('stats.title');
  const onSort = (key: SortKey) =>
    setSort(
      sort.key === key
        ? { key, direction: sort.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: key === 'name' ? 'ascending' : 'descending' },
    );
  const exportCsv = () => {
    if (!total) return;
    const measures = Object.fromEntries(
      MEASURES.map((measure) => [measure, t(`stats.measure.${measure}`)]),
    ) as Record<Measure, string>;
    const csv = tableCsv(rows, total, {
      code: t('stats.code'),
      region: t('stats.region'),
      total: t('stats.total'),
      suppressed: t('stats.suppressed'),
      noData: t('stats.noData'),
      measures,
    });
    downloadCsv(`statistik-${code ?? 'indonesia'}-${label.replace('–', '-')}.csv`, csv);
  };
  const anySuppressed = [...rows, ...(total ? [total] : [])].some(
    (row) => row.hasData && MEASURES.some((measure) => row.cells[measure].kind === 'suppressed'),
  );
  const withData = rows.filter((row) => row.hasData);
  const pick = (fromYear: number, toYear: number) => navigate(statsHref(code, { fromYear, toYear }));

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
                  <Link href={statsHref(crumb.code, period)}>{crumb.name}</Link>
                )}
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      <form class="filter-form" aria-label={t('stats.options')} onSubmit={(event) => event.preventDefault()}>
        <YearSelect
          id="stats-from-year"
          label={t('stats.fromYear')}
          value={period.fromYear}
          onPick={(year) => pick(year, Math.max(year, period.toYear))}
        />
        <YearSelect
          id="stats-to-year"
          label={t('stats.toYear')}
          value={period.toYear}
          onPick={(year) => pick(Math.min(year, period.fromYear), year)}
        />
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
      {rows.length > 0 && total ? (
        <>
          {anySuppressed ? (
            <p class="notice notice-info" id="suppression-note">
              {t('stats.suppressionExplained')}
            </p>
          ) : null}
          {withData.length < rows.length ? (
            <p class="notice notice-info" id="no-data-note">
              {t('stats.noDataExplained', { count: rows.length - withData.length })}
            </p>
          ) : null}
          <StatsTable
            rows={rows}
            total={total}
            sort={sort}
            hrefOf={(child) => statsHref(child, period)}
            caption={title}
            onSort={onSort}
          />
          {withData.length > 0 ? (
            <>
              <h2>{t('stats.chartHeading', { measure: t(`stats.measure.${chartMeasure}`) })}</h2>
              <StatsChart rows={withData} measure={chartMeasure} title={t(`stats.measure.${chartMeasure}`)} />
            </>
          ) : null}
        </>
      ) : !result.loading && result.errors.length === 0 ? (
        <p class="empty">{t('stats.noRows')}</p>
      ) : null}
    </>
  );
}
