/**
 * mockActions with the contract's schemas in the loop: what a page sends must pass the action's
 * input schema (the real transport refuses it before sending otherwise), and what a test stubs as
 * the reply must pass its output schema (the real transport turns anything else into
 * BAD_RESPONSE). Pages swallow errors into messages, so violations are collected and a test
 * checks `contractViolations()` is empty rather than relying on a throw.
 */
import { contract, type ActionName } from '../../../src/shared/api/contract';
import { mockActions, type ActionHandlers } from '../../mocks/cloud';

interface Schema {
  safeParse: (value: unknown) => { success: boolean; error?: { message: string } };
}

let violations: string[] = [];

/** Violations since the last `mockCheckedActions`. */
export function contractViolations(): readonly string[] {
  return violations;
}

export function mockCheckedActions(handlers: ActionHandlers): void {
  violations = [];
  const checked: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const action of Object.keys(handlers) as ActionName[]) {
    const handler = handlers[action] as (input: unknown) => unknown;
    const spec = contract[action] as unknown as { input: Schema; output: Schema };
    checked[action] = async (input) => {
      const sent = spec.input.safeParse(input);
      if (!sent.success) violations.push(`${action} input: ${sent.error?.message ?? ''}`);
      const reply = await handler(input);
      const answered = spec.output.safeParse(reply);
      if (!answered.success) violations.push(`${action} output: ${answered.error?.message ?? ''}`);
      return reply;
    };
  }
  mockActions(checked as ActionHandlers);
}
