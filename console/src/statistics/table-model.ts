import type { RegionStatsRowFragment } from '../graphql/__generated__/graphql.js';

export type StatsRow = RegionStatsRowFragment;

export const COUNT_MEASURES = ['departed', 'returned', 'casesOpened', 'certified', 'mentored'] as const;
export type CountMeasure = (typeof COUNT_MEASURES)[number];
export type Measure = CountMeasure | 'casesPerThousandDepartures';
/** The table's columns after the region, in order. */
export const MEASURES: readonly Measure[] = [
  'departed',
  'returned',
  'casesOpened',
  'casesPerThousandDepartures',
  'certified',
  'mentored',
];
/** What the chart can show: the five measures of the cross-region picture. */
export const CHART_MEASURES: readonly Measure[] = [
  'departed',
  'returned',
  'casesPerThousandDepartures',
  'certified',
  'mentored',
];

/** One cell as shown: a number, withheld by disclosure control, or nothing to show (a rate without departures). */
export type Cell =
  | { readonly kind: 'value'; readonly value: number }
  | { readonly kind: 'suppressed' }
  | { readonly kind: 'none' };

export interface TableRow {
  readonly code: string;
  readonly name: string;
  /** Whether the region has child regions with statistics (province and regency do; kecamatan not). */
  readonly drillable: boolean;
  /** False when no institution has anything for the region in the years shown: the row says so instead of zeros. */
  readonly hasData: boolean;
  readonly cells: Readonly<Record<Measure, Cell>>;
}

/** One row of the API's table; `name` names a row without a region of its own (the nation's total). */
export function rowOf(stats: StatsRow, name = stats.region?.name ?? stats.regionCode): TableRow {
  const count = (measure: CountMeasure): Cell => {
    const { value, suppressed } = stats[measure];
    return suppressed || value === null || value === undefined
      ? { kind: 'suppressed' }
      : { kind: 'value', value };
  };
  const departed = count('departed');
  const cases = count('casesOpened');
  const rate: Cell =
    stats.casesPerThousandDepartures !== null && stats.casesPerThousandDepartures !== undefined
      ? { kind: 'value', value: stats.casesPerThousandDepartures }
      : departed.kind === 'suppressed' || cases.kind === 'suppressed'
        ? { kind: 'suppressed' }
        : { kind: 'none' };
  const level = stats.region?.level;
  return {
    code: stats.regionCode,
    name,
    drillable: level === 'PROVINCE' || level === 'REGENCY',
    hasData: stats.hasData,
    cells: {
      departed,
      returned: count('returned'),
      casesOpened: cases,
      casesPerThousandDepartures: rate,
      certified: count('certified'),
      mentored: count('mentored'),
    },
  };
}

export type SortKey = 'name' | Measure;
export interface Sort {
  readonly key: SortKey;
  readonly direction: 'ascending' | 'descending';
}

/**
 * Sorted rows; withheld and empty cells go last in either direction (their order is not known),
 * and regions without any data after every region with some.
 */
export function sortRows(rows: readonly TableRow[], sort: Sort): TableRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (a.hasData !== b.hasData) return a.hasData ? -1 : 1;
    if (sort.key === 'name') return sign * a.name.localeCompare(b.name, 'id');
    const x = a.cells[sort.key];
    const y = b.cells[sort.key];
    if (x.kind !== 'value' || y.kind !== 'value') {
      if (x.kind === 'value') return -1;
      if (y.kind === 'value') return 1;
      return a.name.localeCompare(b.name, 'id');
    }
    return sign * (x.value - y.value) || a.name.localeCompare(b.name, 'id');
  });
}

export function isRate(measure: Measure): boolean {
  return measure === 'casesPerThousandDepartures';
}
