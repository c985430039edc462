/**
 * The one way a form shows what stops it (issue 16): problems by field, and on a refused submit
 * the page scrolls to the first problem while FormErrorSummary ("有 N 处需要修改") stands by
 * the submit button. A field the user edits stops being red.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { scrollToField } from '../utils/scrollToField';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export interface FormErrors<F extends string> {
  /** The current problem of each field (undefined = fine). */
  errors: FieldErrors<F>;
  /** The fields with problems, in form order. */
  problems: Array<[F, string]>;
  /**
   * Shows `next` as the form's problems; when there is any, scrolls to the first and returns
   * true (the submit is refused), else returns false.
   */
  refuse: (next: FieldErrors<F>) => boolean;
  /** Clears the problems of fields the user is changing. */
  clear: (...fields: F[]) => void;
  /** Sets one field's problem (e.g. a check that runs while typing), without scrolling. */
  set: (field: F, message: string | null | undefined) => void;
}

function ordered<F extends string>(errors: FieldErrors<F>, order: readonly F[] | undefined): Array<[F, string]> {
  const entries = (Object.entries(errors) as Array<[F, string | undefined]>).filter((entry): entry is [F, string] => typeof entry[1] === 'string' && entry[1] !== '');
  if (!order) return entries;
  const rank = (field: F) => {
    const index = order.indexOf(field);
    return index === -1 ? order.length : index;
  };
  return entries.sort((a, b) => rank(a[0]) - rank(b[0]));
}

/**
 * Field problems of one form. `order` lists the fields top to bottom (the first problem is the
 * one scrolled to); without it, the order the problems were found in is used.
 */
export function useFormErrors<F extends string>(order?: readonly F[]): FormErrors<F> {
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  // The order is a constant list of the form's fields; a ref keeps the callbacks stable.
  const orderRef = useRef(order);
  orderRef.current = order;

  const refuse = useCallback((next: FieldErrors<F>) => {
    setErrors(next);
    const first = ordered(next, orderRef.current)[0];
    if (!first) return false;
    scrollToField(first[0]);
    return true;
  }, []);
  const clear = useCallback((...fields: F[]) => {
    setErrors((current) => {
      if (!fields.some((field) => current[field] !== undefined)) return current;
      const next = { ...current };
      for (const field of fields) delete next[field];
      return next;
    });
  }, []);
  const set = useCallback((field: F, message: string | null | undefined) => {
    setErrors((current) => {
      const next = { ...current };
      if (message) next[field] = message;
      else delete next[field];
      return next;
    });
  }, []);
  const problems = useMemo(() => ordered(errors, orderRef.current), [errors]);
  return { errors, problems, refuse, clear, set };
}
