/**
 * useDialogForm (issue 17): the one state of a dialog form. A refused check keeps what was typed
 * and rejects (so NutUI's Dialog stays open), a failed request shows its message as the form's
 * general problem, typing clears the field, and a new subject starts from fresh values.
 */
import { act, renderHook } from '@testing-library/react';
import { ClientError } from '../../src/services/cloud';
import { useDialogForm } from '../../src/hooks/useDialogForm';

type Values = { name: string };

function setup(send: (values: Values) => Promise<void>) {
  return renderHook(({ subject }: { subject: string }) =>
    useDialogForm<Values, 'name'>({
      subject,
      initial: () => ({ name: subject }),
      order: ['name'],
      check: ({ name }) => (name.trim() ? {} : { name: '请填写名字' }),
      send,
    }), { initialProps: { subject: 'first' } });
}

test('a refused check rejects, keeps the values and names the field', async () => {
  const send = jest.fn(async () => undefined);
  const { result } = setup(send);
  act(() => result.current.update({ name: '  ' }, 'name'));
  await act(async () => {
    await expect(result.current.confirm()).rejects.toThrow('请填写名字');
  });
  expect(result.current.errors.name).toBe('请填写名字');
  expect(result.current.problems).toEqual([['name', '请填写名字']]);
  expect(result.current.values.name).toBe('  ');
  expect(send).not.toHaveBeenCalled();
  // Typing in the field clears its problem.
  act(() => result.current.update({ name: '王' }, 'name'));
  expect(result.current.errors.name).toBeUndefined();
});

test('a failed request rejects with its message as the general problem; a success sends the values', async () => {
  const send = jest.fn<Promise<void>, [Values]>().mockRejectedValueOnce(new ClientError('CONFLICT', '已经处理过了')).mockResolvedValueOnce(undefined);
  const { result } = setup(send);
  await act(async () => {
    await expect(result.current.confirm()).rejects.toThrow('已经处理过了');
  });
  expect(result.current.general).toBe('已经处理过了');
  expect(result.current.submitting).toBe(false);
  await act(async () => {
    await result.current.confirm();
  });
  expect(send).toHaveBeenLastCalledWith({ name: 'first' });
  expect(result.current.general).toBeNull();
});

test('a new subject starts from fresh values and no problems', async () => {
  const { result, rerender } = setup(async () => undefined);
  act(() => result.current.update({ name: '' }, 'name'));
  await act(async () => {
    await expect(result.current.confirm()).rejects.toThrow();
  });
  rerender({ subject: 'second' });
  expect(result.current.values).toEqual({ name: 'second' });
  expect(result.current.errors).toEqual({});
});
