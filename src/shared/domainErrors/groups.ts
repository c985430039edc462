/** Refusals of the groups function (founding, joining, leaving, stewardship). */
import { groupsZhCN } from '../../locales/errors.zh-CN';
import { defineErrors } from './defineErrors';

export const groupErrors = /* @__PURE__ */ defineErrors('groups', groupsZhCN, {
  notFound: { code: 'NOT_FOUND' },
  organizationNotFound: { code: 'NOT_FOUND' },
  applicationChanged: { code: 'CONFLICT' },
  applicantMissing: { code: 'CONFLICT' },
  alreadyMember: { code: 'ALREADY_MEMBER' },
  applicationPending: { code: 'ALREADY_MEMBER' },
  removedCannotRejoin: { code: 'FORBIDDEN' },
  inviteOnly: { code: 'GROUP_NOT_JOINABLE' },
  notJoinable: { code: 'GROUP_NOT_JOINABLE' },
  notMember: { code: 'NOT_MEMBER' },
  leaderMustHandOver: { code: 'CONFLICT' },
  streetUnknown: { code: 'INVALID_INPUT', field: { path: 'streetId' } },
  registrationNumberRequired: { code: 'INVALID_INPUT', field: { path: 'number' } },
  filingNumberRequired: { code: 'INVALID_INPUT', field: { path: 'number' } },
  statusChanged: { code: 'CONFLICT' },
});
