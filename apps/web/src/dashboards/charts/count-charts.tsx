import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { formatLocalDate } from '../../check-in/format.ts';

// recharts, fetched only when a chart is first shown (chart-frame.tsx), like daily-charts.tsx
// and drawn in the same style. Each chart is a picture of a table shown beside it: hidden
// from assistive technology, no accessibility layer, no tooltip.

const HEIGHT = 220;
const AXIS = { fontSize: 12, fill: '#475569' };
const GRID = '#e2e8f0';
const TEAL = '#0f766e';

const tick = (date: string) => formatLocalDate(date, 'short');

export type CountRow = { key: string; name: string; count: number };

/** One bar per row (e.g. per incident type), longest labels on the left axis. */
export function CountBarChart({ rows }: { rows: readonly CountRow[] }) {
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <BarChart
        data={[...rows]}
        layout="vertical"
        accessibilityLayer={false}
        margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
      >
        <CartesianGrid stroke={GRID} horizontal={false} />
        <XAxis type="number" allowDecimals={false} tick={AXIS} />
        <YAxis type="category" dataKey="name" width={110} tick={AXIS} interval={0} />
        <Bar dataKey="count" fill={TEAL} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

export type StackSeries = { key: string; label: string; colour: string };
export type StackedDailyPoint = { date: string } & Record<string, number | string>;

/** Counts per day, one stacked bar per day and one colour per series, with a legend. */
export function StackedDailyChart({
  points,
  series,
}: {
  points: readonly StackedDailyPoint[];
  series: readonly StackSeries[];
}) {
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <BarChart
        data={[...points]}
        accessibilityLayer={false}
        margin={{ top: 8, right: 12, bottom: 0, left: -16 }}
      >
        <CartesianGrid stroke={GRID} vertical={false} />
        <XAxis dataKey="date" tickFormatter={tick} tick={AXIS} minTickGap={24} />
        <YAxis allowDecimals={false} tick={AXIS} />
        <Legend iconType="square" wrapperStyle={{ fontSize: 12 }} />
        {series.map((one) => (
          <Bar
            key={one.key}
            dataKey={one.key}
            name={one.label}
            stackId="day"
            fill={one.colour}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
