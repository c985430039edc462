/**
 * The state every dialog form shares (issue 17): its values, their problems, a problem of the
 * whole form (a refused request), whether it is sending, and the confirm that NutUI's Dialog
 * calls. Opening the dialog on a new subject starts from fresh values; a refused check or a
 * failed request keeps the dialog open with what was typed (NutUI's Dialog stays open while
 * `onConfirm` rejects: @nutui/nutui-react-taro dialog `onConfirm` awaits the promise and closes
 * only when it resolves).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from './useAsync';
import { useFormErrors, type FieldErrors, type FormErrors } from './useFormErrors';

export interface DialogFormOptions<V extends object, F extends string> {
  /** What the dialog is about (a record, a proof, `true` while open); a new one resets the form. */
  subject: unknown;
  /** The values the form starts from for the current subject (`previous`: what the last one ended with, null at first). */
  initial: (previous: V | null) => V;
  /** The fields top to bottom (a refused confirm scrolls to the first problem). */
  order: readonly F[];
  /** The problems of the values, by field; empty when they may be sent. */
  check: (values: V) => FieldErrors<F>;
  /** Sends the values (and closes the dialog or moves on); a rejection is shown as the general problem. */
  send: (values: V) => Promise<void>;
}

export interface DialogForm<V extends object, F extends string> extends Pick<FormErrors<F>, 'errors' | 'problems'> {
  values: V;
  /** Sets some values; the fields named (and the general problem) stop being red. */
  update: (patch: Partial<V>, ...fields: F[]) => void;
  /** A problem of the whole form: the request was refused. */
  general: string | null;
  submitting: boolean;
  /** For the Dialog's onConfirm: checks, then sends; rejects (keeping the dialog open) on either failing. */
  confirm: () => Promise<void>;
}

/** One dialog form's state and its confirm. */
export function useDialogForm<V extends object, F extends string>({ subject, initial, order, check, send }: DialogFormOptions<V, F>): DialogForm<V, F> {
  const form = useFormErrors<F>(order);
  const { clear, refuse } = form;
  const [values, setValues] = useState<V>(() => initial(null));
  const [general, setGeneral] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // The latest callbacks, so the reset runs on a new subject only (not on every render).
  const latest = useRef({ initial, order, check, send });
  latest.current = { initial, order, check, send };

  useEffect(() => {
    setValues((previous) => latest.current.initial(previous));
    setGeneral(null);
    clear(...latest.current.order);
  }, [subject, clear]);

  const update = useCallback(
    (patch: Partial<V>, ...fields: F[]) => {
      setValues((current) => ({ ...current, ...patch }));
      setGeneral(null);
      clear(...fields);
    },
    [clear],
  );

  const confirm = useCallback(async () => {
    setGeneral(null);
    const found = latest.current.check(values);
    if (refuse(found)) throw new Error(Object.values<string | undefined>(found).find(Boolean) ?? '');
    setSubmitting(true);
    try {
      await latest.current.send(values);
    } catch (caught) {
      setGeneral(errorMessage(caught));
      throw caught;
    } finally {
      setSubmitting(false);
    }
  }, [values, refuse]);

  return { values, update, errors: form.errors, problems: form.problems, general, submitting, confirm };
}
