// A chart (Chart.js, only the parts used are bundled) with its numbers as a table underneath,
// behind "Vis tallene": the canvas is an image with a summary for screen readers, the table is
// the accessible version and what a keyboard user can read exactly.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useId, useRef } from 'react';
import { useT } from '../../i18n/index.ts';
import '../admin/shared/admin-forms.css';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  Legend,
);

export interface Series {
  label: string;
  values: number[];
  colour: string;
  type?: 'bar' | 'line';
}

export function ChartFigure({
  title,
  labels,
  series,
  horizontal = false,
  summary,
}: {
  title: string;
  labels: string[];
  series: Series[];
  horizontal?: boolean;
  /** One sentence for screen readers about what the chart shows. */
  summary: string;
}) {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels,
        datasets: series.map((s) => ({
          type: s.type ?? 'bar',
          label: s.label,
          data: s.values,
          backgroundColor: s.colour,
          borderColor: s.colour,
          borderWidth: s.type === 'line' ? 2 : 0,
          maxBarThickness: 48,
        })),
      },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: series.length > 1 } },
        scales: { [horizontal ? 'x' : 'y']: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
    return () => chart.destroy();
  }, [labels, series, horizontal]);
  const height = horizontal ? Math.max(160, labels.length * 28 + 40) : 260;
  return (
    <figure className="chart-figure" aria-labelledby={titleId}>
      <figcaption id={titleId}>
        <h2>{title}</h2>
      </figcaption>
      <div className="chart-canvas" style={{ height }}>
        <canvas ref={canvas} role="img" aria-label={summary} />
      </div>
      <details>
        <summary>{t('dashboard.showNumbers', { title })}</summary>
        <div className="table-scroll">
          <table className="admin-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.item')}</th>
                {series.map((s) => (
                  <th key={s.label} scope="col">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {labels.map((label, index) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  {series.map((s) => (
                    <td key={s.label}>{s.values[index] ?? 0}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
