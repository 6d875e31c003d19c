import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';
import { formatLocalDate } from '../../check-in/format.ts';
import type { DailyPoint } from '../dashboard-values.ts';

// recharts, fetched only when a chart is first shown (chart-frame.tsx). Every chart here is
// a picture of a table shown beside it, so it is hidden from assistive technology and
// takes no focus (no accessibility layer, no tooltip): the table is the accessible form.

const HEIGHT = 220;
const AXIS = { fontSize: 12, fill: '#475569' };
const GRID = '#e2e8f0';
const TEAL = '#0f766e';
const LEVEL_COLOURS = { GREEN: '#10b981', YELLOW: '#f59e0b', RED: '#dc2626' } as const;

const tick = (date: string) => formatLocalDate(date, 'short');

// Shared by every chart so they line up and read alike.
const FRAME = { accessibilityLayer: false, margin: { top: 8, right: 12, bottom: 0, left: -16 } };
const THRESHOLD_TICKS = [0, 50, 70, 100];

// The GREEN (70) and YELLOW (50) thresholds. A function, not a component: recharts only
// draws its own element types placed directly inside a chart.
function thresholdLines() {
  return [
    <ReferenceLine key="green" y={70} stroke="#6ee7b7" strokeDasharray="4 4" />,
    <ReferenceLine key="yellow" y={50} stroke="#fcd34d" strokeDasharray="4 4" />,
  ];
}

/** Average readiness per day: a line on 0–100, with the GREEN (70) and YELLOW (50) thresholds. */
export function ReadinessTrendChart({ points }: { points: readonly DailyPoint[] }) {
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <LineChart data={[...points]} {...FRAME}>
        <CartesianGrid stroke={GRID} vertical={false} />
        <XAxis dataKey="date" tickFormatter={tick} tick={AXIS} minTickGap={24} />
        <YAxis domain={[0, 100]} ticks={THRESHOLD_TICKS} tick={AXIS} />
        {thresholdLines()}
        <Line
          type="monotone"
          dataKey="averageReadiness"
          stroke={TEAL}
          strokeWidth={2}
          dot={points.length <= 31}
          connectNulls
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}

/** Compliance per day: bars on 0–100 %. */
export function ComplianceChart({ points }: { points: readonly DailyPoint[] }) {
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <BarChart data={[...points]} {...FRAME}>
        <CartesianGrid stroke={GRID} vertical={false} />
        <XAxis dataKey="date" tickFormatter={tick} tick={AXIS} minTickGap={24} />
        <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={AXIS} unit="%" />
        <Bar dataKey="compliance" fill={TEAL} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

export type WorkerTrendPoint = {
  date: string;
  readinessScore: number | null;
  level: 'GREEN' | 'YELLOW' | 'RED' | null;
};

/** One worker's readiness per day, each bar in its level's colour. */
export function WorkerTrendChart({ points }: { points: readonly WorkerTrendPoint[] }) {
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <BarChart data={[...points]} {...FRAME}>
        <CartesianGrid stroke={GRID} vertical={false} />
        <XAxis dataKey="date" tickFormatter={tick} tick={AXIS} minTickGap={16} />
        <YAxis domain={[0, 100]} ticks={THRESHOLD_TICKS} tick={AXIS} />
        {thresholdLines()}
        <Bar dataKey="readinessScore" isAnimationActive={false}>
          {points.map((point) => (
            <Cell key={point.date} fill={point.level ? LEVEL_COLOURS[point.level] : GRID} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
