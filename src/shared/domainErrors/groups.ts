/** Refusals of the groups function (founding, joining, leaving, stewardship). */
import { defineErrors } from './defineErrors';

export const groupErrors = /* @__PURE__ */ defineErrors('groups', {
  notFound: { code: 'NOT_FOUND', zh: '小组不存在或已解散', en: 'This group does not exist or was dissolved.' },
  organizationNotFound: { code: 'NOT_FOUND', zh: '组织不存在', en: 'This organization does not exist.' },
  applicationChanged: { code: 'CONFLICT', zh: '申请状态已变化，请刷新后再试', en: 'The application changed meanwhile. Please refresh and try again.' },
  applicantMissing: { code: 'CONFLICT', zh: '该申请缺少申请人，无法通过', en: 'This application has no applicant, so it cannot be approved.' },
  alreadyMember: { code: 'ALREADY_MEMBER', zh: '你已经是小组成员', en: 'You are already a member of this group.' },
  applicationPending: { code: 'ALREADY_MEMBER', zh: '已提交申请，请等待队长审核', en: "You have applied already. Please wait for the leader's review." },
  removedCannotRejoin: { code: 'FORBIDDEN', zh: '你已被移出该小组，不能再次加入', en: 'You were removed from this group and cannot join again.' },
  inviteOnly: { code: 'GROUP_NOT_JOINABLE', zh: '该小组仅限邀请加入', en: 'This group is invitation only.' },
  notJoinable: { code: 'GROUP_NOT_JOINABLE', zh: '该小组暂不接受加入', en: 'This group is not taking new members right now.' },
  notMember: { code: 'NOT_MEMBER', zh: '你不是该小组成员', en: 'You are not a member of this group.' },
  leaderMustHandOver: { code: 'CONFLICT', zh: '队长需要先把队长身份转交给其他成员，才能退出', en: 'As leader, please hand the leadership to another member before leaving.' },
  streetUnknown: { code: 'INVALID_INPUT', zh: '街道不存在', en: 'This street does not exist.', field: { path: 'streetId' } },
  registrationNumberRequired: { code: 'INVALID_INPUT', zh: '登记时请填写登记证号', en: 'Please enter the registration certificate number.', field: { path: 'number' } },
  filingNumberRequired: { code: 'INVALID_INPUT', zh: '备案时请填写备案编号', en: 'Please enter the filing number.', field: { path: 'number' } },
  statusChanged: { code: 'CONFLICT', zh: '小组状态已变化，请刷新后再试', en: 'The group changed meanwhile. Please refresh and try again.' },
});
