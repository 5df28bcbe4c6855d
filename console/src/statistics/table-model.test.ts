import { describe, expect, it } from 'vitest';
import { tableCsv, type CsvLabels } from './csv.js';
import { MEASURES, rowOf, sortRows, totalsOf, type StatsRow, type TableRow } from './table-model.js';

const count = (value: number | null) => ({ value, suppressed: value === null });

function stats(
  code: string,
  name: string,
  departed: number | null,
  cases: number | null,
  rate: number | null,
): StatsRow {
  return {
    regionCode: code,
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
  measures: Object.fromEntries(MEASURES.map((measure) => [measure, measure])) as CsvLabels['measures'],
};

describe('the cross-region table', () => {
  it('totals each column, withholding a total whose column has a withheld cell, and derives the rate from the totals', () => {
    const rows = [stats('35.07.01', 'Donomulyo', 40, 2, 50), stats('35.07.02', 'Pagak', 10, 1, 100)].map(
      rowOf,
    );
    expect(totalsOf(rows).departed).toEqual({ kind: 'value', value: 50 });
    expect(totalsOf(rows).casesPerThousandDepartures).toEqual({ kind: 'value', value: 60 });
    const withheld = [...rows, rowOf(stats('35.07.03', 'Bantur', null, 0, null))];
    expect(totalsOf(withheld).departed).toEqual({ kind: 'suppressed' });
    expect(totalsOf(withheld).casesOpened).toEqual({ kind: 'value', value: 3 });
    expect(totalsOf(withheld).casesPerThousandDepartures).toEqual({ kind: 'suppressed' });
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
    ].map(rowOf);
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

  it('exports the rows and columns shown as CSV, withheld cells in the word the screen uses', () => {
    const rows = [stats('35.07.01', 'Donomulyo, Selatan', 1234, null, null)].map(rowOf);
    const csv = tableCsv(rows, totalsOf(rows), LABELS);
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFKode wilayah,Wilayah,departed,returned,casesOpened,casesPerThousandDepartures,certified,mentored',
      '35.07.01,"Donomulyo, Selatan",1234,1,disembunyikan,disembunyikan,0,2',
      ',Jumlah,1234,1,disembunyikan,disembunyikan,0,2',
      '',
    ]);
  });
});
