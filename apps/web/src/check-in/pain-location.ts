import { PAIN_LOCATION_LABELS, type PainLocation } from '@aegira/domain';

// Not in format.ts: the home page uses that, and the labels would bring the whole of the
// domain's check-in inputs module (with its validation) into the first page's scripts.

export function painLocationLabel(location: PainLocation | null): string | null {
  return location === null ? null : PAIN_LOCATION_LABELS[location];
}
