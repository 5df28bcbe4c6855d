import { isRate, MEASURES, type Cell, type Measure, type TableRow } from './table-model.js';

export interface CsvLabels {
  readonly code: string;
  readonly region: string;
  readonly total: string;
  /** The word the table shows for a withheld cell; the CSV uses the same word. */
  readonly suppressed: string;
  /** The words the table shows across a region without any data; the CSV puts them in its first measure column. */
  readonly noData: string;
  readonly measures: Readonly<Record<Measure, string>>;
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

function cellText(cell: Cell, measure: Measure, labels: CsvLabels): string {
  switch (cell.kind) {
    case 'value':
      // Machine-readable numbers: no thousands separator, a point before the rate's one decimal.
      return isRate(measure) ? cell.value.toFixed(1) : String(cell.value);
    case 'suppressed':
      return labels.suppressed;
    case 'none':
      return '';
  }
}

function rowCells(row: TableRow, labels: CsvLabels): string[] {
  if (!row.hasData) return MEASURES.map((_, index) => (index === 0 ? labels.noData : ''));
  return MEASURES.map((measure) => cellText(row.cells[measure], measure, labels));
}

/**
 * Exactly the table on screen as CSV (RFC 4180, UTF-8 with a byte-order mark so that
 * spreadsheet programs read the names right): the same columns, the rows in the order shown,
 * then the total row; a withheld cell holds the word the screen shows, and a region without any
 * data the screen's words in its first measure column (every line keeps the same fields).
 */
export function tableCsv(rows: readonly TableRow[], total: TableRow, labels: CsvLabels): string {
  const header = [labels.code, labels.region, ...MEASURES.map((measure) => labels.measures[measure])];
  const lines = [
    header,
    ...rows.map((row) => [row.code, row.name, ...rowCells(row, labels)]),
    ['', labels.total, ...rowCells(total, labels)],
  ];
  return `\uFEFF${lines.map((line) => line.map(quote).join(',')).join('\r\n')}\r\n`;
}

export function downloadCsv(filename: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
