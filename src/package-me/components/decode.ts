/**
 * A page parameter as text. Mini-program options arrive still percent-encoded while the H5
 * router decodes them, so decode only what looks encoded, and keep the raw value if it is not.
 */
export function paramText(value: string | undefined): string {
  if (!value) return '';
  try {
    return /%[0-9A-Fa-f]{2}/.test(value) ? decodeURIComponent(value) : value;
  } catch {
    return value;
  }
}
