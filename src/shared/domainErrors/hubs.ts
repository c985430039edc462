/** Refusals of the hubs function (hub organizations and the groups they link). */
import { hubsZhCN } from '../../locales/errors.zh-CN';
import { defineErrors } from './defineErrors';

export const hubErrors = /* @__PURE__ */ defineErrors('hubs', hubsZhCN, {
  hubsCannotJoinHubs: { code: 'CONFLICT' },
  sameStreetOnly: { code: 'CONFLICT' },
  inAnotherHub: { code: 'CONFLICT' },
  alreadyInvited: { code: 'CONFLICT' },
  inviteNotFound: { code: 'NOT_FOUND' },
  inviteHandled: { code: 'CONFLICT' },
  notAHub: { code: 'NOT_FOUND' },
});
