/**
 * The one date formatter for cards: Europe/Copenhagen, Danish by default.
 * da: "torsdag d. 10. oktober 2019 kl. 09:00"; en: "Thursday 10 October 2019 at 09:00".
 */
import { DateTime } from 'luxon';
import type { DueDate, Locale } from '../domain';
import { ZONE } from '../domain/time';

const DATE_FORMAT: Record<Locale, string> = {
  da: "cccc 'd.' d. LLLL yyyy",
  en: 'cccc d LLLL yyyy',
};
const TIME_PREFIX: Record<Locale, string> = { da: "'kl.' HH:mm", en: "'at' HH:mm" };
const SHORT_DATE: Record<Locale, string> = { da: 'd. LLLL yyyy', en: 'd LLLL yyyy' };

/**
 * Formatting a date with luxon costs a time zone lookup each time, and every card shows the same few
 * dates again and again: the strings are remembered (a bounded number; they never change).
 */
const formatted = new Map<string, string>();
function remembered(key: string, format: () => string): string {
  let text = formatted.get(key);
  if (text === undefined) {
    if (formatted.size >= 5_000) formatted.clear();
    text = format();
    formatted.set(key, text);
  }
  return text;
}

function local(date: string, time?: string | null): DateTime | null {
  const dt = DateTime.fromISO(time ? `${date}T${time}` : date, { zone: ZONE });
  return dt.isValid ? dt : null;
}

/** A meeting date (YYYY-MM-DD) with an optional time (HH:MM): "torsdag d. 10. oktober 2019 kl. 09:00". */
export function formatDateTime(locale: Locale, date: string, time?: string | null): string {
  return remembered(`dt|${locale}|${date}|${time ?? ''}`, () => formatDateTimeNow(locale, date, time));
}

function formatDateTimeNow(locale: Locale, date: string, time?: string | null): string {
  const dt = local(date, time);
  if (!dt) return time ? `${date} ${time}` : date;
  const fmt = time ? `${DATE_FORMAT[locale]} ${TIME_PREFIX[locale]}` : DATE_FORMAT[locale];
  return dt.setLocale(locale).toFormat(fmt);
}

/** An instant (ISO string or Date), shown in Copenhagen time. */
export function formatInstant(locale: Locale, instant: string | Date): string {
  const dt = typeof instant === 'string' ? DateTime.fromISO(instant) : DateTime.fromJSDate(instant);
  if (!dt.isValid) return String(instant);
  const z = dt.setZone(ZONE).setLocale(locale);
  return z.toFormat(`${DATE_FORMAT[locale]} ${TIME_PREFIX[locale]}`);
}

/** A date without weekday: "10. oktober 2019" / "10 October 2019". */
export function formatShortDate(locale: Locale, date: string): string {
  return remembered(`d|${locale}|${date}`, () => {
    const dt = local(date);
    return dt ? dt.setLocale(locale).toFormat(SHORT_DATE[locale]) : date;
  });
}

/**
 * A due date as users read it: the forum's own words ("medio april", "senest fredag") with the date
 * reminders count against, or just the date for a day written as a date.
 */
export function formatDue(locale: Locale, due: DueDate | null): string {
  if (!due) return '';
  const date = formatShortDate(locale, due.due);
  const words = due.text.trim();
  // A day written with a number ("den 23. maj") is the date itself; everyday words ("senest fredag") stay.
  if (!words || (due.precision === 'day' && /\d/.test(words))) return date;
  return `${words} (${date})`;
}
