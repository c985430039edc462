/** Shared by the care actions: calendar arithmetic of visit due days (China time, YYYY-MM-DD). */

/** The calendar day `days` after `day`. */
export function addDays(day: string, days: number): string {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The day a person is next due: her last visit (or, before any, her registration) plus her frequency. */
export function dueDayOf(person: { lastVisitDay: string | null; registeredDay: string; frequencyDays: number }): string {
  return addDays(person.lastVisitDay ?? person.registeredDay, person.frequencyDays);
}
