/** Refusals of the needs function (the needs board and the time-bank offer board). */
import { defineErrors } from './defineErrors';

export const needErrors = /* @__PURE__ */ defineErrors('needs', {
  notFound: { code: 'NOT_FOUND', zh: '需求不存在', en: 'This need does not exist.' },
  noHomeCommunity: { code: 'INVALID_INPUT', zh: '请先在「我的」中选择所在社区', en: 'Please choose your community in "Me" first.', field: { path: 'communityId', prefix: '' } },
  residentNotFound: { code: 'NOT_FOUND', zh: '找不到要代为发布的居民', en: 'The resident you are posting for was not found.' },
  notActingFor: { code: 'FORBIDDEN', zh: '你没有代这位居民发布需求的授权', en: 'You are not authorised to post needs for this resident.' },
  whenInPast: { code: 'INVALID_INPUT', zh: '时间不能早于今天', en: 'The date cannot be earlier than today.', field: { path: 'whenFrom' } },
  whenTooFar: { code: 'INVALID_INPUT', zh: '只能发布 {days} 天内的需求', en: 'Needs can only be posted for the next {days} days.', field: { path: 'whenFrom' } },
  notClaimable: { code: 'CONFLICT', zh: '这条需求已被认领或已结束', en: 'This need has already been taken on or has ended.' },
  groupCannotClaim: { code: 'FORBIDDEN', zh: '只有本社区组织的负责人可以代表组织认领', en: 'Only a leader of a group of this community can take a need on for it.', field: { path: 'groupId', prefix: '' } },
  volunteerOnly: { code: 'FORBIDDEN', zh: '个人认领需要先完成志愿者登记', en: 'Register as a volunteer first to take a need on yourself.' },
  ownNeed: { code: 'FORBIDDEN', zh: '不能认领自己的需求', en: 'You cannot take on your own need.' },
  stateChanged: { code: 'CONFLICT', zh: '需求状态已变化，请刷新后再试', en: 'The need has changed. Please refresh and try again.' },
  helperNotEligible: { code: 'INVALID_INPUT', zh: '服务者须是认领组织的已登记志愿者', en: 'Helpers must be registered volunteers of the group that took the need on.', field: { path: 'helpers', prefix: '' } },
  volunteerHelpsAlone: { code: 'INVALID_INPUT', zh: '个人认领时服务者只能是你自己', en: 'When you took the need on yourself, you are the only helper.', field: { path: 'helpers', prefix: '' } },
  photoNotUploaded: { code: 'INVALID_INPUT', zh: '请上传服务照片', en: 'Please upload a photo of the service.', field: { path: 'photo', prefix: '' } },
  timeBankOff: { code: 'NOT_FOUND', zh: '本社区未开通时间银行', en: 'This community has no time bank.' },
  offerNotFound: { code: 'NOT_FOUND', zh: '服务意向不存在', en: 'This offer does not exist.' },
});
