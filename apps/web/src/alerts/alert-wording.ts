import type { AlertState, CountermeasureType } from './alert-types.ts';

export const COUNTERMEASURE_TYPES: readonly CountermeasureType[] = [
  'LIGHTER_TASK',
  'EXTRA_BREAKS',
  'BUDDY_SYSTEM',
  'SENT_HOME',
  'MONITORED',
  'OTHER',
];

export const countermeasureLabels: Record<CountermeasureType, string> = {
  LIGHTER_TASK: 'Lighter task',
  EXTRA_BREAKS: 'Extra breaks',
  BUDDY_SYSTEM: 'Buddy system',
  SENT_HOME: 'Sent home',
  MONITORED: 'Monitored',
  OTHER: 'Other',
};

export function isCountermeasureType(value: string): value is CountermeasureType {
  return (COUNTERMEASURE_TYPES as readonly string[]).includes(value);
}

export const ALERT_STATES: readonly AlertState[] = ['open', 'handled'];

export const alertStateLabels: Record<AlertState, string> = {
  open: 'Open',
  handled: 'Handled',
};

export function isAlertState(value: string): value is AlertState {
  return (ALERT_STATES as readonly string[]).includes(value);
}
