/** Cloud function `account`: the signed-in user's own account. */
import { updateOwnProfile } from '../../_core/commands/profileUpdater';
import { presentOwnAccount } from '../../_core/presenters/account';
import { createHandler } from '../../_core/runtime/createHandler';

export const main = createHandler({
  fn: 'account',
  actions: {
    'account.me': async ({ actor }) => presentOwnAccount(actor),
    'account.updateProfile': async ({ actor, input }) => {
      const user = await updateOwnProfile(actor, input);
      return presentOwnAccount({ ...actor, user });
    },
  },
});
