/** Refusals of the members function (join requests, removal, roles, invitations). */
import { membersZhCN } from '../../locales/errors.zh-CN';
import { defineErrors } from './defineErrors';

export const memberErrors = /* @__PURE__ */ defineErrors('members', membersZhCN, {
  requestNotFound: { code: 'NOT_FOUND' },
  cannotRemoveSelf: { code: 'CONFLICT' },
  notAMember: { code: 'NOT_FOUND' },
  cannotRemoveLeader: { code: 'FORBIDDEN' },
  onlyLeaderRemovesDeputy: { code: 'FORBIDDEN' },
  useHandOver: { code: 'CONFLICT' },
  alreadyLeader: { code: 'CONFLICT' },
  handOverToMembersOnly: { code: 'NOT_FOUND' },
  inviteLinkInvalid: { code: 'NOT_FOUND' },
});
