/** How dates are shown: one formatter for every date on screen. */

/** A calendar date (`YYYY-MM-DD`) as a coordinator reads it, e.g. "Tue, 3 March 2026". */
export function formatDate(iso: string): string {
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
