/** Cloud function `account`: the signed-in user's own account. */
import { myAccount } from '../../_core/commands/account/me';
import { updateOwnProfile } from '../../_core/commands/account/updateProfile';
import { createHandler } from '../../_core/pipeline/createHandler';
import { accountActions } from '../../../src/shared/api/account';

export const main = createHandler({
  fn: 'account',
  contract: accountActions,
  actions: {
    'account.me': async ({ actor }) => myAccount(actor),
    'account.updateProfile': async ({ actor, input, now }) => updateOwnProfile(actor, input, now),
  },
});
