/** Refusals of the activities function (planning, editing, cancelling, poster codes). */
import { defineErrors } from './defineErrors';

export const activityErrors = /* @__PURE__ */ defineErrors('activities', {
  notFound: { code: 'NOT_FOUND', zh: '活动不存在或已删除', en: 'This activity does not exist or was removed.' },
  startInPast: { code: 'INVALID_INPUT', zh: '开始时间必须在将来', en: 'The start time must be in the future.', field: { path: 'startAt' } },
  capacityBelowSignups: { code: 'CONFLICT', zh: '已有 {total} 人报名，名额不能少于 {total}', en: '{total} people have signed up, so there must be at least {total} places.' },
  capacityJustChanged: { code: 'CONFLICT', zh: '报名人数刚刚变化，名额最少为 {least}，请刷新后再试', en: 'Sign-ups just changed: there must be at least {least} places. Please refresh and try again.' },
  alreadyCancelled: { code: 'CONFLICT', zh: '活动已取消', en: 'This activity has been cancelled.' },
  posterIdTooLong: { code: 'INVALID_INPUT', zh: '编号过长，无法生成小程序码', en: 'The number is too long for a mini-program code.', field: { path: 'id' } },
});
