/** Cloud function `account`: the signed-in user's own account. */
import { updateOwnProfile } from '../../_core/commands/profileUpdater';
import { subscribeTemplates } from '../../_core/ports/wechat/templates';
import { presentOwnAccount } from '../../_core/presenters/account';
import { createHandler } from '../../_core/pipeline/createHandler';

export const main = createHandler({
  fn: 'account',
  actions: {
    // The app's consent prompts ask for the templates this server sends with.
    'account.me': async ({ actor }) => ({ ...(await presentOwnAccount(actor)), subscribeTemplates: subscribeTemplates() }),
    'account.updateProfile': async ({ actor, input }) => {
      const user = await updateOwnProfile(actor, input);
      return { ...(await presentOwnAccount({ ...actor, user })), subscribeTemplates: subscribeTemplates() };
    },
  },
});
