import { Input } from '@nutui/nutui-react-taro';

export interface DayFieldProps {
  /** A China day 'YYYY-MM-DD', or '' for none. */
  value: string;
  onChange: (day: string) => void;
  label: string;
  className?: string;
}

/** H5: the browser's own date input (a calendar on desktop, the native wheel on phones). */
export function DayField({ value, onChange, label, className }: DayFieldProps) {
  return <Input className={className} type='date' value={value} aria-label={label} onChange={(next) => onChange(next)} />;
}
