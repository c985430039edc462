/** Cloud function `account`: the signed-in user's own account. */
import { myAccount } from '../../_core/commands/account/me';
import { updateOwnProfile } from '../../_core/commands/account/updateProfile';
import { createHandler } from '../../_core/pipeline/createHandler';

export const main = createHandler({
  fn: 'account',
  actions: {
    'account.me': async ({ actor }) => myAccount(actor),
    'account.updateProfile': async ({ actor, input, now }) => updateOwnProfile(actor, input, now),
  },
});
