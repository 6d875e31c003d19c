/**
 * One step up or down from `value`, snapped to the step grid and kept within min–max.
 * Snapping keeps repeated half-hour steps exact (never 7.4999…), which the server's
 * half-hour rule would refuse.
 */
export function stepValue(
  value: number,
  direction: 1 | -1,
  { min, max, step }: { min: number; max: number; step: number },
): number {
  const next = Math.round((value + direction * step) / step) * step;
  return Math.min(max, Math.max(min, next));
}
