import { describe, expect, it } from 'vitest';
import {
  CHART_HEIGHT,
  CHART_WIDTH,
  chartBars,
  chartDays,
  chartSummary,
  scoreToY,
  todayIn,
} from './chart-data.ts';

function scored(localDate: string, readinessScore: number, level: 'GREEN' | 'YELLOW' | 'RED') {
  return { localDate, scores: { readinessScore, level } };
}

describe('todayIn', () => {
  it("takes today's date from the company's clock", () => {
    const instant = new Date('2026-03-02T01:30:00Z');
    expect(todayIn(instant, 'Asia/Tokyo')).toBe('2026-03-02');
    expect(todayIn(instant, 'America/New_York')).toBe('2026-03-01');
    expect(todayIn(instant, 'Not/A_Zone')).toBe('2026-03-02');
  });
});

describe('chartDays', () => {
  it('covers the 30 days up to today, oldest first, across a month end', () => {
    const days = chartDays('2026-03-02', [
      scored('2026-03-02', 86, 'GREEN'),
      scored('2026-02-28', 48, 'RED'),
      scored('2026-01-15', 90, 'GREEN'), // older than 30 days: left out
    ]);
    expect(days).toHaveLength(30);
    expect(days[0]?.date).toBe('2026-02-01');
    expect(days.at(-1)).toEqual({ date: '2026-03-02', score: 86, level: 'GREEN' });
    expect(days.find((day) => day.date === '2026-02-28')).toEqual({
      date: '2026-02-28',
      score: 48,
      level: 'RED',
    });
    expect(days.find((day) => day.date === '2026-03-01')?.score).toBeNull();
    expect(days.filter((day) => day.score !== null)).toHaveLength(2);
  });
});

describe('chartBars', () => {
  const bars = chartBars(
    chartDays('2026-03-02', [scored('2026-03-02', 100, 'GREEN'), scored('2026-03-01', 0, 'RED')]),
  );

  it('gives each day an equal slot across the width, the bars inside their slots', () => {
    expect(bars).toHaveLength(30);
    const slot = CHART_WIDTH / 30;
    bars.forEach((bar, index) => {
      expect(bar.x).toBeGreaterThanOrEqual(index * slot);
      expect(bar.x + bar.width).toBeLessThanOrEqual((index + 1) * slot + 1e-9);
    });
  });

  it('scales the score to the height, standing on the baseline', () => {
    const full = bars.at(-1);
    expect(full).toMatchObject({ y: 0, height: CHART_HEIGHT, level: 'GREEN' });
    const zero = bars.at(-2);
    expect(zero?.height).toBeGreaterThan(0);
    expect((zero?.y ?? 0) + (zero?.height ?? 0)).toBe(CHART_HEIGHT);
    expect(bars[0]?.level).toBeNull();
    expect(scoreToY(70)).toBe(30);
    expect(scoreToY(50)).toBe(50);
  });
});

describe('chartSummary', () => {
  it('says when there is nothing to show', () => {
    expect(chartSummary(chartDays('2026-03-02', []))).toBe('No check-ins in the last 30 days.');
  });

  it('describes a single check-in', () => {
    expect(chartSummary(chartDays('2026-03-02', [scored('2026-03-02', 86, 'GREEN')]))).toBe(
      '1 check-in in the last 30 days: readiness 86 on 2 Mar.',
    );
  });

  it('gives the count, average, lowest and highest', () => {
    const days = chartDays('2026-03-02', [
      scored('2026-03-02', 86, 'GREEN'),
      scored('2026-02-27', 48, 'RED'),
      scored('2026-02-26', 61, 'YELLOW'),
    ]);
    expect(chartSummary(days)).toBe(
      '3 check-ins in the last 30 days. Average readiness 65; lowest 48 on 27 Feb, highest 86 on 2 Mar.',
    );
  });
});
