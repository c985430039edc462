import { Input } from '@nutui/nutui-react-taro';
import { cx } from '../../utils/cx';
import './index.scss';

export interface CodeInputProps {
  value: string;
  onChange: (value: string) => void;
  /** Read aloud by screen readers; there is no visible label inside the box. */
  label: string;
  placeholder?: string;
  className?: string;
  autoFocus?: boolean;
  /** Digits of the code: 6 (check-in, consent) unless said (an account claim code has 8). */
  length?: number;
}

export const CODE_LENGTH = 6;

const digitsOnly = (value: string, length: number) => value.replace(/\D/g, '').slice(0, length);

/**
 * A 6-digit code (check-in, proxy consent) in one large box with wide letter spacing: easy to
 * read back and to type for older residents. H5 uses `tel` so the phone shows the number pad
 * and the length limit holds (browsers ignore maxlength on `number`).
 */
export function CodeInput({ value, onChange, label, placeholder, className, autoFocus = false, length = CODE_LENGTH }: CodeInputProps) {
  return (
    <Input
      className={cx('linli-code-input', className)}
      type={process.env.TARO_ENV === 'h5' ? 'tel' : 'number'}
      value={value}
      maxLength={length}
      placeholder={placeholder}
      align='center'
      autoFocus={autoFocus}
      aria-label={label}
      onChange={(next) => onChange(digitsOnly(next, length))}
    />
  );
}
