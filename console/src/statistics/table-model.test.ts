import { describe, expect, it } from 'vitest';
import { tableCsv, type CsvLabels } from './csv.js';
import { MEASURES, rowOf, sortRows, type StatsRow, type TableRow } from './table-model.js';

const count = (value: number | null) => ({ value, suppressed: value === null });

function stats(
  code: string,
  name: string,
  departed: number | null,
  cases: number | null,
  rate: number | null,
  hasData = true,
): StatsRow {
  return {
    regionCode: code,
    hasData,
    region: { code, name, level: 'DISTRICT' },
    departed: count(departed),
    returned: count(1),
    casesOpened: count(cases),
    casesPerThousandDepartures: rate,
    certified: count(0),
    mentored: count(2),
  };
}

const LABELS: CsvLabels = {
  code: 'Kode wilayah',
  region: 'Wilayah',
  total: 'Jumlah',
  suppressed: 'disembunyikan',
  noData: 'tidak ada data',
  measures: Object.fromEntries(MEASURES.map((measure) => [measure, measure])) as CsvLabels['measures'],
};

describe('the cross-region table', () => {
  it("takes the total row from the API's own cell of the parent, named as the caller asks", () => {
    const total = rowOf({ ...stats('', '', 50, 3, 60), region: null }, 'Jumlah');
    expect(total.name).toBe('Jumlah');
    expect(total.drillable).toBe(false);
    expect(total.cells.departed).toEqual({ kind: 'value', value: 50 });
    expect(total.cells.casesPerThousandDepartures).toEqual({ kind: 'value', value: 60 });
  });

  it('shows a rate without departures as nothing, and one of a withheld count as withheld', () => {
    expect(rowOf(stats('35.07.04', 'Dau', 0, 0, null)).cells.casesPerThousandDepartures).toEqual({
      kind: 'none',
    });
    expect(rowOf(stats('35.07.05', 'Dampit', 3, null, null)).cells.casesPerThousandDepartures).toEqual({
      kind: 'suppressed',
    });
  });

  it('sorts by a measure either way with withheld cells last, and by name in Indonesian order', () => {
    const rows: TableRow[] = [
      stats('1', 'Bantur', 5, 0, 0),
      stats('2', 'Ampelgading', null, 0, null),
      stats('3', 'Dau', 9, 0, 0),
    ].map((row) => rowOf(row));
    expect(sortRows(rows, { key: 'departed', direction: 'descending' }).map((row) => row.name)).toEqual([
      'Dau',
      'Bantur',
      'Ampelgading',
    ]);
    expect(sortRows(rows, { key: 'departed', direction: 'ascending' }).map((row) => row.name)).toEqual([
      'Bantur',
      'Dau',
      'Ampelgading',
    ]);
    expect(sortRows(rows, { key: 'name', direction: 'ascending' }).map((row) => row.name)).toEqual([
      'Ampelgading',
      'Bantur',
      'Dau',
    ]);
  });

  it('puts regions without any data after every region with some, whatever the sort', () => {
    const rows: TableRow[] = [
      stats('1', 'Ampelgading', 0, 0, null, false),
      stats('2', 'Bantur', 5, 0, 0),
      stats('3', 'Dau', null, 0, null),
    ].map((row) => rowOf(row));
    for (const direction of ['ascending', 'descending'] as const) {
      expect(sortRows(rows, { key: 'name', direction }).at(-1)?.name).toBe('Ampelgading');
      expect(sortRows(rows, { key: 'departed', direction }).at(-1)?.name).toBe('Ampelgading');
    }
  });

  it('exports the rows and columns shown as CSV, withheld cells and regions without data in the words the screen uses', () => {
    const rows = [
      stats('35.07.01', 'Donomulyo, Selatan', 1234, null, null),
      stats('35.07.02', 'Pagak', 0, 0, null, false),
    ].map((row) => rowOf(row));
    const total = rowOf({ ...stats('35.07', '', 1240, 3, null), region: null }, 'Jumlah');
    const csv = tableCsv(rows, total, LABELS);
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFKode wilayah,Wilayah,departed,returned,casesOpened,casesPerThousandDepartures,certified,mentored',
      '35.07.01,"Donomulyo, Selatan",1234,1,disembunyikan,disembunyikan,0,2',
      '35.07.02,Pagak,tidak ada data,,,,,',
      ',Jumlah,1240,1,3,,0,2',
      '',
    ]);
  });
});
