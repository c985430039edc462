/** Refusals of the hubs function (hub organizations and the groups they link). */
import { defineErrors } from './defineErrors';

export const hubErrors = /* @__PURE__ */ defineErrors('hubs', {
  hubsCannotJoinHubs: { code: 'CONFLICT', zh: '枢纽组织之间不能互相加入', en: 'Hub organizations cannot join each other.' },
  sameStreetOnly: { code: 'CONFLICT', zh: '只能邀请本街道（乡镇）的小组', en: 'Only groups of your own street (township) can be invited.' },
  inAnotherHub: { code: 'CONFLICT', zh: '该小组已加入其他枢纽组织', en: 'This group has already joined another hub organization.' },
  alreadyInvited: { code: 'CONFLICT', zh: '已经邀请过该小组', en: 'This group has already been invited.' },
  inviteNotFound: { code: 'NOT_FOUND', zh: '邀请不存在', en: 'This invitation does not exist.' },
  inviteHandled: { code: 'CONFLICT', zh: '该邀请已处理', en: 'This invitation has already been answered.' },
  notAHub: { code: 'NOT_FOUND', zh: '该小组不是枢纽组织', en: 'This group is not a hub organization.' },
});
