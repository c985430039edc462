/** Refusals of the activities function (planning, editing, cancelling, poster codes). */
import { activitiesZhCN } from '../../locales/errors.zh-CN';
import { defineErrors } from './defineErrors';

export const activityErrors = /* @__PURE__ */ defineErrors('activities', activitiesZhCN, {
  notFound: { code: 'NOT_FOUND' },
  startInPast: { code: 'INVALID_INPUT', field: { path: 'startAt' } },
  capacityBelowSignups: { code: 'CONFLICT', params: ['total'] },
  capacityJustChanged: { code: 'CONFLICT', params: ['least'] },
  alreadyCancelled: { code: 'CONFLICT' },
  posterIdTooLong: { code: 'INVALID_INPUT', field: { path: 'id' } },
});
