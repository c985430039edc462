/**
 * The contract slice of the cloud function `account` (cloudfunctions/account/):
 * the signed-in user's own account.
 */
import { AccountMeInput, AccountMeOutput, AccountUpdateProfileInput, AccountUpdateProfileOutput } from '../schemas/account';
import { action, type ActionSpec } from './actionSpec';

export const accountActions = {
  'account.me': action({
    fn: 'account',
    input: AccountMeInput,
    output: AccountMeOutput,
    mutation: false,
    audience: 'signed-in',
  }),
  'account.updateProfile': action({
    fn: 'account',
    input: AccountUpdateProfileInput,
    output: AccountUpdateProfileOutput,
    mutation: true,
    audience: 'signed-in',
  }),
} as const satisfies Record<string, ActionSpec>;
