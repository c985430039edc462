import { TextArea } from '@nutui/nutui-react-taro';
import type { TextLimit } from '../../utils/formLimits';
import { CharCounter } from '../CharCounter';
import { FormField, type FormFieldProps } from '../FormField';

export interface LongTextProps {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  /** Red outline while the text has a problem. */
  invalid?: boolean;
  /** Grows with the text (the default); off for a fixed box. */
  autoSize?: boolean;
  className?: string;
  /** With a limit, "12/200" under the box (dialogs; a FormField shows it by the label instead). */
  counter?: { limit: TextLimit; className?: string };
}

/**
 * The one multi-line text box. NutUI's TextArea cuts text at 140 characters by default
 * (@nutui/nutui-react-taro textarea `maxLength` default 140); -1 switches the cut off, here
 * once for every form: what was typed stays, and the counter and the field's message say
 * the schema's limit (src/components/CharCounter).
 */
export function LongText({ value, onChange, placeholder, invalid = false, autoSize = true, className, counter }: LongTextProps) {
  return (
    <>
      <TextArea className={className} value={value} maxLength={-1} autoSize={autoSize} placeholder={placeholder} status={invalid ? 'error' : 'default'} onChange={onChange} />
      {counter ? <CharCounter className={counter.className} value={value} limit={counter.limit} /> : null}
    </>
  );
}

export interface LongTextFieldProps extends Omit<FormFieldProps, 'count' | 'children'> {
  value: string;
  onChange: (value: string) => void;
  /** The schema's limit (`textLimit(schema)`): the counter by the label and the over-limit message. */
  limit: TextLimit;
  placeholder?: string;
  autoSize?: boolean;
  /** The text box's own class (the field's wrapper takes `className`). */
  inputClassName?: string;
}

/** A labelled long-text form field: FormField with the schema's counter around one LongText. */
export function LongTextField({ value, onChange, limit, placeholder, autoSize, inputClassName, ...field }: LongTextFieldProps) {
  return (
    <FormField {...field} count={{ value, limit }}>
      <LongText className={inputClassName} value={value} onChange={onChange} placeholder={placeholder} autoSize={autoSize} />
    </FormField>
  );
}
