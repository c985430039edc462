/** Refusals of the register of people served (care function: register, pairing, visits). */
import { defineErrors } from './defineErrors';

export const careErrors = /* @__PURE__ */ defineErrors('care', {
  notFound: { code: 'NOT_FOUND', zh: '服务对象不存在', en: 'This person is not on the register.' },
  pairNotFound: { code: 'NOT_FOUND', zh: '结对不存在', en: 'This pairing does not exist.' },
  closed: { code: 'CONFLICT', zh: '该服务对象的关爱服务已结束', en: 'Care for this person has ended.' },
  userNotFound: { code: 'INVALID_INPUT', zh: '关联的居民账号不存在', en: 'The linked resident account does not exist.', field: { path: 'userId' } },
  volunteerNotFound: { code: 'INVALID_INPUT', zh: '没有找到这位志愿者，或其已注销', en: 'No active volunteer has this number.', field: { path: 'volunteerNo' } },
  groupNotEligible: { code: 'INVALID_INPUT', zh: '只能与本社区或本街道正常运行的小组结对', en: 'Only active groups of this community or its street can be paired.', field: { path: 'groupId' } },
  alreadyPaired: { code: 'CONFLICT', zh: '已经与其结对', en: 'They are already paired with this person.' },
  pairEnded: { code: 'CONFLICT', zh: '这个结对已经解除', en: 'This pairing has already ended.' },
  visitDateAfterToday: { code: 'INVALID_INPUT', zh: '探访日期不能晚于今天', en: 'The visit date cannot be later than today.', field: { path: 'visitDate' } },
  visitDateTooOld: { code: 'INVALID_INPUT', zh: '只能记录 {days} 天内的探访', en: 'Only visits within the last {days} days can be logged.', field: { path: 'visitDate' } },
  visitBeforeRegistered: { code: 'INVALID_INPUT', zh: '探访日期不能早于登记日期', en: 'The visit date cannot be before the person was registered.', field: { path: 'visitDate' } },
});
