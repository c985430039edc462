/** Refusals of the proofs function (service proofs: requests, issuing, downloads). */
import { defineErrors } from './defineErrors';

export const proofErrors = /* @__PURE__ */ defineErrors('proofs', {
  notFound: { code: 'NOT_FOUND', zh: '证明申请不存在', en: 'This proof request does not exist.' },
  endAfterToday: { code: 'INVALID_INPUT', zh: '结束日期不能晚于今天', en: 'The end date cannot be later than today.', field: { path: 'to' } },
  noConfirmedService: { code: 'INVALID_INPUT', zh: '这段时间在该单位没有已确认的服务记录', en: 'There is no confirmed service with this organization in this period.', field: { path: 'from' } },
  alreadyHandled: { code: 'CONFLICT', zh: '这份证明已处理', en: 'This proof has already been handled.' },
  volunteerClosed: { code: 'CONFLICT', zh: '志愿者已注销，无法出具证明', en: 'The volunteer has closed their registration, so no proof can be issued.' },
  notIssued: { code: 'CONFLICT', zh: '证明尚未出具', en: 'This proof has not been issued yet.' },
  downloadUnavailable: { code: 'NOT_FOUND', zh: '文件暂时无法下载，请稍后再试', en: 'The file cannot be downloaded right now. Please try again later.' },
  renderFailed: { code: 'INTERNAL', zh: '文件生成失败', en: 'The file could not be created.' },
});
