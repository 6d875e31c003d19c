export type TimeZoneGroup = { region: string; zones: { value: string; label: string }[] };

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** "America/Argentina/Buenos_Aires" → "Argentina / Buenos Aires". */
function placeLabel(zone: string): string {
  const [, ...place] = zone.split('/');
  return (place.length > 0 ? place : [zone]).join(' / ').replaceAll('_', ' ');
}

/**
 * Every IANA zone the browser knows, grouped by region for the select. `include`
 * (the browser's own zone) is added when the list lacks it, e.g. "UTC" on some engines.
 */
export function groupedTimeZones(include: string): TimeZoneGroup[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add(include);
  const groups = new Map<string, TimeZoneGroup>();
  for (const zone of [...zones].sort()) {
    const region = zone.includes('/') ? (zone.split('/')[0] ?? 'Other') : 'Other';
    const group = groups.get(region) ?? { region, zones: [] };
    group.zones.push({ value: zone, label: placeLabel(zone) });
    groups.set(region, group);
  }
  return [...groups.values()];
}

/** "14:05" on the zone's clock, to confirm the choice. */
export function timeIn(zone: string, date: Date): string | null {
  try {
    return new Intl.DateTimeFormat(undefined, { timeStyle: 'short', timeZone: zone }).format(date);
  } catch {
    return null;
  }
}
