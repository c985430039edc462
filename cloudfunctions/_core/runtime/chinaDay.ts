/** Calendar days in China (UTC+8, no daylight saving): service dates and ages are counted in them. */
const CHINA_OFFSET_MS = 8 * 3600_000;

/** The China calendar day (YYYY-MM-DD) of an instant. */
export function chinaDayOf(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The China date and time of an instant, to the minute: "YYYY-MM-DD HH:mm" (notices, exports). */
export function chinaDateTimeOf(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** The instant a China calendar day begins. */
export function startOfChinaDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - CHINA_OFFSET_MS);
}

/** The same calendar day `years` later (29 Feb falls to 1 Mar). */
export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}
