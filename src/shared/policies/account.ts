import type { PolicySet } from './authorize';
import { isStaff } from './actor';

/** The account being acted on. */
export interface AccountResource {
  userId: string;
}

/** What a user may do with an account. */
export const accountPolicies = {
  'account.updateProfile': (actor, account) => actor.userId === account.userId,
  'staff.console': (actor, account) => actor.userId === account.userId && isStaff(actor),
} satisfies PolicySet<AccountResource>;
