export type Greeting = 'Good morning' | 'Good afternoon' | 'Good evening';

function hourIn(date: Date, timeZone: string): number {
  try {
    const parts = new Intl.DateTimeFormat('en-GB', {
      hour: 'numeric',
      hourCycle: 'h23',
      timeZone,
    }).formatToParts(date);
    const hour = Number(parts.find((part) => part.type === 'hour')?.value);
    if (Number.isInteger(hour)) return hour;
  } catch {
    // An unknown zone falls back to the browser's clock below.
  }
  return date.getHours();
}

/** The greeting for the time of day on the company's clock (the one check-ins use). */
export function greetingAt(date: Date, timeZone: string): Greeting {
  const hour = hourIn(date, timeZone);
  if (hour >= 5 && hour < 12) return 'Good morning';
  if (hour >= 12 && hour < 18) return 'Good afternoon';
  return 'Good evening';
}
