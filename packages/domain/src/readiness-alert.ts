import type { ReadinessLevel } from './readiness.ts';

/** Pain at or above this alerts the lead whatever the score (product.md "Acting on a RED check-in"). */
export const ALERT_PAIN_LEVEL = 7;

/** Minutes an alert may stay without a countermeasure before it escalates. */
export const ALERT_ESCALATION_MINUTES = 60;

/** Whether a check-in's result alerts the worker's team lead. */
export function raisesReadinessAlert(level: ReadinessLevel, painLevel: number): boolean {
  return level === 'RED' || painLevel >= ALERT_PAIN_LEVEL;
}

/** Whether an alert raised at `raisedAt` with no countermeasure is due to escalate at `now`. */
export function alertEscalationDue(raisedAt: Date, now: Date): boolean {
  return now.getTime() - raisedAt.getTime() >= ALERT_ESCALATION_MINUTES * 60_000;
}
