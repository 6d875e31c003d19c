import { useMemo } from 'react';
import { useLocationSearch } from '../../router/history.ts';
import { useSignedInUser } from '../../session/session-store.ts';
import { localDateToday } from '../api-tokens/api-token-values.ts';
import { type AsOfGate, gateAsOf, parseAsOf } from './as-of-params.ts';

/**
 * The point in time the address asks an entity page for, checked against today on the
 * company's clock (the clock every date in AEGIRA is judged on).
 */
export function useAsOfGate(): { gate: AsOfGate; today: string; timeZone: string } {
  const search = useLocationSearch();
  const timeZone = useSignedInUser().company.timezone;
  const today = localDateToday(timeZone);
  const gate = useMemo(() => gateAsOf(parseAsOf(search), today), [search, today]);
  return { gate, today, timeZone };
}
