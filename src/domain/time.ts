import { DateTime } from 'luxon';

/** Every date the users see or the rules use is in this zone. */
export const ZONE = 'Europe/Copenhagen';

/** The local calendar date (YYYY-MM-DD) of an instant in Copenhagen. */
export function localDate(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: ZONE }).toISODate()!;
}

/** The instant of a local date and time (HH:MM) in Copenhagen, summer time included. */
export function localInstant(date: string, time = '00:00'): Date {
  const dt = DateTime.fromISO(`${date}T${time}`, { zone: ZONE });
  if (!dt.isValid) throw new RangeError(`Invalid local date/time: ${date} ${time}`);
  return dt.toJSDate();
}

export function isIsoDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && DateTime.fromISO(s).isValid;
}
