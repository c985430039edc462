import { Input } from '@nutui/nutui-react-taro';
import { cx } from '../../../utils/cx';
import './index.scss';

export interface DateFieldProps {
  /** 'YYYY-MM-DD' or '' while nothing is chosen. */
  value: string;
  onChange: (day: string) => void;
  label: string;
  /** Latest selectable day (weapp's picker honours it; the server checks either way). */
  max?: string;
  className?: string;
}

/** H5: the browser's own date input (phones show their native wheel). weapp: index.weapp.tsx. */
export function DateField({ value, onChange, label, max, className }: DateFieldProps) {
  return (
    <Input
      className={cx('volunteer-date', className)}
      type='date'
      value={value}
      aria-label={label}
      {...(max ? { max } : {})}
      onChange={(next) => onChange(next)}
    />
  );
}
