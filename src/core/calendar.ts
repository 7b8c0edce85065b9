/** Calendar days as sources write them (`2018-05-23`): a day, never an instant, so no time zone. */

/** A day as `YYYY-MM-DD`, undefined when the calendar has no such day (2018-02-30, month 0). */
export function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
