/** Cloud function `roles`: staff grant and revoke roles at or below their node. */
import { grantRole } from '../../_core/commands/roles/grant';
import { listRoles } from '../../_core/commands/roles/list';
import { revokeRole } from '../../_core/commands/roles/revoke';
import { createHandler } from '../../_core/pipeline/createHandler';
import { rolesActions } from '../../../src/shared/api/roles';

export const main = createHandler({
  fn: 'roles',
  contract: rolesActions,
  actions: {
    'roles.grant': async ({ actor, input, requestId, now }) => ({ grantId: await grantRole(actor, input, requestId!, now) }),
    'roles.revoke': async ({ actor, input, requestId, now }) => {
      await revokeRole(actor, input.grantId, input.reason, requestId!, now);
      return { revoked: true };
    },
    'roles.list': async ({ actor, input }) => listRoles(actor, input.regionId),
  },
});
