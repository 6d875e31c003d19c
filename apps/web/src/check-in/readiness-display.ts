import { READINESS_GREEN_MIN, READINESS_YELLOW_MIN } from '@aegira/domain';
import type { ReadinessLevel, ReadinessScores } from './check-in-types.ts';

export type Factor = {
  key: 'sleep' | 'stress' | 'physical' | 'pain';
  label: string;
  /** Share of the overall score, in percent (readiness formula version 1). */
  weight: number;
  score: number;
  /** What went into it, when more than the one answer. */
  detail: string | null;
};

/**
 * The four factors in the order and with the weights of formula version 1. The weights are
 * for showing only: the score itself always comes from @aegira/domain or the server.
 */
export function factorBreakdown(scores: ReadinessScores): Factor[] {
  return [
    {
      key: 'sleep',
      label: 'Sleep',
      weight: 35,
      score: scores.sleepScore,
      detail: `Hours score ${scores.hoursScore}, averaged with sleep quality`,
    },
    { key: 'stress', label: 'Stress', weight: 25, score: scores.stressScore, detail: null },
    {
      key: 'physical',
      label: 'Physical condition',
      weight: 20,
      score: scores.physicalScore,
      detail: null,
    },
    { key: 'pain', label: 'Pain', weight: 20, score: scores.painScore, detail: null },
  ];
}

/** Where each level starts, said in words next to the colour. */
export const levelRanges: Record<ReadinessLevel, string> = {
  GREEN: `${READINESS_GREEN_MIN}–100`,
  YELLOW: `${READINESS_YELLOW_MIN}–${READINESS_GREEN_MIN - 1}`,
  RED: `below ${READINESS_YELLOW_MIN}`,
};

/** Tailwind classes per level. Spelled out in full so Tailwind finds them in the source. */
export const levelClasses: Record<
  ReadinessLevel,
  { badge: string; dot: string; fill: string; text: string }
> = {
  GREEN: {
    badge: 'bg-emerald-50 text-emerald-800 ring-emerald-600/30',
    dot: 'bg-emerald-500',
    fill: 'fill-emerald-500',
    text: 'text-emerald-700',
  },
  YELLOW: {
    badge: 'bg-amber-50 text-amber-900 ring-amber-600/30',
    dot: 'bg-amber-400',
    fill: 'fill-amber-400',
    text: 'text-amber-700',
  },
  RED: {
    badge: 'bg-red-50 text-red-800 ring-red-600/30',
    dot: 'bg-red-500',
    fill: 'fill-red-500',
    text: 'text-red-700',
  },
};
