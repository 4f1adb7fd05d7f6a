/** Calendar dates as the records keep them, `YYYY-MM-DD`: one place for the arithmetic. */

const pad = (n: number) => String(n).padStart(2, '0');

/** The machine's local calendar date at an ISO instant: the main process runs on the user's machine. */
export function localDate(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** `YYYY-MM-DD` plus some days, counted on the calendar (UTC arithmetic, so no DST gaps). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The first day of the month `offset` months from the month of `date`. */
export function monthStart(date: string, offset = 0): string {
  const d = new Date(`${date.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + offset);
  return d.toISOString().slice(0, 10);
}
