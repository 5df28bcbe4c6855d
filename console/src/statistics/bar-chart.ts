import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';

// Only the parts of Chart.js a bar chart needs. This module is loaded when a chart is first
// drawn, so the screens without one never download Chart.js.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export interface BarChartSpec {
  readonly labels: readonly string[];
  readonly values: readonly (number | null)[];
  readonly title: string;
  readonly locale: string;
  readonly formatTick: (value: number) => string;
}

/** Horizontal bars, one per region; returns the function that removes the chart. */
export function drawBarChart(canvas: HTMLCanvasElement, spec: BarChartSpec): () => void {
  const chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: [...spec.labels],
      datasets: [{ label: spec.title, data: [...spec.values], backgroundColor: '#1d5d90', borderRadius: 2 }],
    },
    options: {
      indexAxis: 'y',
      maintainAspectRatio: false,
      animation: false,
      locale: spec.locale,
      scales: {
        x: { beginAtZero: true, ticks: { callback: (value) => spec.formatTick(Number(value)) } },
        y: { ticks: { autoSkip: false, color: '#1b1f24' } },
      },
      plugins: { tooltip: { enabled: true } },
    },
  });
  return () => chart.destroy();
}
