/** Refusals of the members function (join requests, removal, roles, invitations). */
import { defineErrors } from './defineErrors';

export const memberErrors = /* @__PURE__ */ defineErrors('members', {
  requestNotFound: { code: 'NOT_FOUND', zh: '没有这条入组申请', en: 'There is no such request to join.' },
  cannotRemoveSelf: { code: 'CONFLICT', zh: '不能移除自己，请使用“退出小组”', en: 'You cannot remove yourself. Please use "Leave group".' },
  notAMember: { code: 'NOT_FOUND', zh: '该用户不是小组成员', en: 'This person is not a member of the group.' },
  cannotRemoveLeader: { code: 'FORBIDDEN', zh: '不能移除队长', en: 'The leader cannot be removed.' },
  onlyLeaderRemovesDeputy: { code: 'FORBIDDEN', zh: '只有队长可以移除副队长', en: 'Only the leader can remove a deputy leader.' },
  useHandOver: { code: 'CONFLICT', zh: '队长身份请使用“转交队长”', en: 'To change the leader, please use "Hand over leadership".' },
  alreadyLeader: { code: 'CONFLICT', zh: '你已经是队长', en: 'You are already the leader.' },
  handOverToMembersOnly: { code: 'NOT_FOUND', zh: '只能转交给小组成员', en: 'Leadership can only be handed to a group member.' },
  inviteLinkInvalid: { code: 'NOT_FOUND', zh: '邀请链接无效或已过期', en: 'This invitation link is invalid or has expired.' },
});
