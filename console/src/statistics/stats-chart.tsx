import { useEffect, useRef } from 'preact/hooks';
import { formatNumber } from '../i18n/format.js';
import { useT } from '../i18n/index.js';
import { isRate, type Measure, type TableRow } from './table-model.js';

/**
 * One measure per region as horizontal bars (long region names, narrow phones). A withheld cell
 * has no bar and its label says so; the table above is the accessible form of the same numbers.
 */
export function StatsChart({
  rows,
  measure,
  title,
}: {
  readonly rows: readonly TableRow[];
  readonly measure: Measure;
  readonly title: string;
}) {
  const { t, language } = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let remove: (() => void) | null = null;
    let cancelled = false;
    const suppressedLabel = t('stats.suppressed');
    void import('./bar-chart.js').then(({ drawBarChart }) => {
      if (cancelled || !canvas.current) return;
      remove = drawBarChart(canvas.current, {
        labels: rows.map((row) =>
          row.cells[measure].kind === 'suppressed' ? `${row.name} (${suppressedLabel})` : row.name,
        ),
        values: rows.map((row) => {
          const cell = row.cells[measure];
          return cell.kind === 'value' ? cell.value : null;
        }),
        title,
        locale: language === 'id' ? 'id-ID' : 'en-GB',
        formatTick: (value) => formatNumber(value, language, isRate(measure) ? 1 : 0),
      });
    });
    return () => {
      cancelled = true;
      remove?.();
    };
  }, [rows, measure, title, language, t]);
  return (
    <div class="chart-box" style={{ height: `${Math.max(160, rows.length * 26 + 60)}px` }}>
      <canvas ref={canvas} role="img" aria-label={t('stats.chartLabel', { measure: title })} />
    </div>
  );
}
