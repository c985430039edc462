/** Dates as the registry pages show them: local time, digits only, the same in both languages. */
const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-03-08` of an ISO timestamp (empty for a bad one). */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `2026-03-08 14:05` of an ISO timestamp (empty for a bad one). */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${formatDate(iso)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
