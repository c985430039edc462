/** Refusals of the points store (credits function: items, redemptions, pickup codes). */
import { storeZhCN } from '../../locales/errors.volunteer.zh-CN';
import { defineErrors } from './defineErrors';

export const storeErrors = /* @__PURE__ */ defineErrors('store', storeZhCN, {
  itemNotFound: { code: 'NOT_FOUND' },
  pickupCodeBusy: { code: 'CONFLICT' },
  residentsOnly: { code: 'FORBIDDEN' },
  outOfStock: { code: 'OUT_OF_STOCK' },
  perPersonLimit: { code: 'LIMIT_REACHED', params: ['limit'] },
  pickupCodeWrong: { code: 'NOT_FOUND' },
  pickupCodeUsed: { code: 'CONFLICT' },
  redemptionCancelled: { code: 'CONFLICT' },
  redemptionNotFound: { code: 'NOT_FOUND' },
  onlyUncollectedCancellable: { code: 'CONFLICT' },
});
