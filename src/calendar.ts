/**
 * Days of the calendar, written YYYY-MM-DD: shared by the extractor, validate,
 * status and the reports, so none of them loads another stage to count days.
 */

const pad = (n: number) => String(n).padStart(2, '0');
const monthEnd = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A calendar date as YYYY-MM-DD (the month's last day without `day`), or null when there is no such day. */
export function isoDate(year: number, month: number, day?: number): string | null {
  if (!(Number.isInteger(year) && year >= 1000 && year <= 9999 && month >= 1 && month <= 12)) return null;
  const d = day ?? monthEnd(year, month);
  if (d < 1 || d > monthEnd(year, month)) return null;
  return `${year}-${pad(month)}-${pad(d)}`;
}

/** Whether a value is a day of the calendar written YYYY-MM-DD (not 2022-13-45, not a number). */
export function isDay(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && isoDate(Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8))) === value;
}
