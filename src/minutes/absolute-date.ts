/**
 * Dates written with a year, as in document headers and dated decision headings:
 * "27-08-2019", "27.08.2019", "27. august 2019", "Tirsdag d. 27. august 2019", "2019-08-27".
 */
import { MONTH_SOURCE, isValidDay, isoDate, monthNumber } from './calendar';

const NUMERIC = /(?<![\p{L}\d.-])(\d{1,2})[-./](\d{1,2})[-./](\d{4})(?![\p{L}\d]|-[\p{L}\d])/u;
const NAMED = new RegExp(`(?<![\\p{L}\\d])(\\d{1,2})\\.?\\s+(${MONTH_SOURCE})\\.?\\s+(\\d{4})(?![\\p{L}\\d])`, 'iu');
const ISO = /(?<![\p{L}\d-])(\d{4})-(\d{2})-(\d{2})(?![\p{L}\d])/u;

export interface FoundDate {
  date: string;
  index: number;
  length: number;
}

/** The first valid date with a year in `text`, or null. */
export function findAbsoluteDate(text: string): FoundDate | null {
  const found: FoundDate[] = [];
  const n = NUMERIC.exec(text);
  if (n && isValidDay(+n[3], +n[2], +n[1])) found.push({ date: isoDate(+n[3], +n[2], +n[1]), index: n.index, length: n[0].length });
  const w = NAMED.exec(text);
  const month = w ? monthNumber(w[2]) : null;
  if (w && month && isValidDay(+w[3], month, +w[1])) found.push({ date: isoDate(+w[3], month, +w[1]), index: w.index, length: w[0].length });
  const i = ISO.exec(text);
  if (i && isValidDay(+i[1], +i[2], +i[3])) found.push({ date: isoDate(+i[1], +i[2], +i[3]), index: i.index, length: i[0].length });
  if (found.length === 0) return null;
  return found.reduce((a, b) => (b.index < a.index ? b : a));
}
