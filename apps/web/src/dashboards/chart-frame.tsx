import { lazy, type ReactNode, Suspense, useId } from 'react';
import { Spinner } from '../ui/spinner.tsx';
import type { CountRow, StackedDailyPoint, StackSeries } from './charts/count-charts.tsx';
import type { WorkerTrendPoint } from './charts/daily-charts.tsx';
import type { DailyPoint } from './dashboard-values.ts';

// The charting library is its own chunk, fetched when the first chart shows: no page
// that lacks a chart (the worker's first page above all) carries it.
const loadCharts = () => import('./charts/daily-charts.tsx');
const ReadinessTrendChart = lazy(() =>
  loadCharts().then((m) => ({ default: m.ReadinessTrendChart })),
);
const ComplianceChart = lazy(() => loadCharts().then((m) => ({ default: m.ComplianceChart })));
const WorkerTrendChart = lazy(() => loadCharts().then((m) => ({ default: m.WorkerTrendChart })));
// Count charts (incident analytics) are a separate small chunk; recharts is shared with the above.
const loadCountCharts = () => import('./charts/count-charts.tsx');
const CountBarChart = lazy(() => loadCountCharts().then((m) => ({ default: m.CountBarChart })));
const StackedDailyChart = lazy(() =>
  loadCountCharts().then((m) => ({ default: m.StackedDailyChart })),
);

export type ChartKind =
  | { kind: 'readiness'; points: readonly DailyPoint[] }
  | { kind: 'compliance'; points: readonly DailyPoint[] }
  | { kind: 'worker'; points: readonly WorkerTrendPoint[] }
  | { kind: 'counts'; rows: readonly CountRow[] }
  | { kind: 'stacked-daily'; points: readonly StackedDailyPoint[]; series: readonly StackSeries[] };

function ChartPicture({ chart }: { chart: ChartKind }) {
  switch (chart.kind) {
    case 'readiness':
      return <ReadinessTrendChart points={chart.points} />;
    case 'compliance':
      return <ComplianceChart points={chart.points} />;
    case 'worker':
      return <WorkerTrendChart points={chart.points} />;
    case 'counts':
      return <CountBarChart rows={chart.rows} />;
    case 'stacked-daily':
      return <StackedDailyChart points={chart.points} series={chart.series} />;
    default: {
      const unreachable: never = chart;
      return unreachable;
    }
  }
}

type ChartFrameProps = {
  title: string;
  /** One sentence a screen reader hears instead of the picture (e.g. the range and the trend). */
  summary: string;
  chart: ChartKind;
  /** The same data as a table: the chart's accessible alternative, behind a disclosure. */
  table: ReactNode;
};

/**
 * A chart with its title, a sentence saying what it shows, and the same data as a table
 * (a native disclosure, so keyboard and screen readers reach it). The picture itself is
 * hidden from assistive technology.
 */
export function ChartFrame({ title, summary, chart, table }: ChartFrameProps) {
  const titleId = useId();
  return (
    <figure
      aria-labelledby={titleId}
      className="space-y-3 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
    >
      <div className="space-y-1">
        <h3 id={titleId} className="text-base font-semibold text-slate-900">
          {title}
        </h3>
        <figcaption className="text-sm text-slate-600">{summary}</figcaption>
      </div>
      <div aria-hidden="true" className="h-[220px] min-w-0">
        <Suspense
          fallback={
            <span className="flex h-full items-center justify-center text-teal-700">
              <Spinner />
            </span>
          }
        >
          <ChartPicture chart={chart} />
        </Suspense>
      </div>
      <details className="group text-sm">
        <summary className="cursor-pointer rounded-sm font-medium text-teal-700 focus-visible:outline-2 focus-visible:outline-teal-700">
          Show the data as a table
        </summary>
        <div className="mt-3">{table}</div>
      </details>
    </figure>
  );
}
