/** The props of the one date field (H5 index.tsx, weapp index.weapp.tsx). */

export interface DateFieldProps {
  /** A China day 'YYYY-MM-DD', or '' while nothing is chosen. */
  value: string;
  onChange: (day: string) => void;
  /** Read aloud, and shown on weapp until a day is chosen. */
  label: string;
  /** Earliest and latest selectable days (the pickers honour them; the server checks either way). */
  min?: string;
  max?: string;
  className?: string;
}

export interface DateTimeFieldProps {
  /** China day 'YYYY-MM-DD' and clock 'HH:mm'. */
  day: string;
  clock: string;
  onChange: (day: string, clock: string) => void;
  dayLabel: string;
  clockLabel: string;
  /** Earliest selectable day. */
  minDay?: string;
  className?: string;
}
