/** Refusals of the points store (credits function: items, redemptions, pickup codes). */
import { defineErrors } from './defineErrors';

export const storeErrors = /* @__PURE__ */ defineErrors('store', {
  itemNotFound: { code: 'NOT_FOUND', zh: '物品不存在或已下架', en: 'This item does not exist or was taken down.' },
  pickupCodeBusy: { code: 'CONFLICT', zh: '请稍后再试', en: 'Please try again shortly.' },
  residentsOnly: { code: 'FORBIDDEN', zh: '只有本社区的居民可以兑换这件物品', en: "Only this community's residents can redeem this item." },
  outOfStock: { code: 'OUT_OF_STOCK', zh: '这件物品已兑完', en: 'This item has run out.' },
  perPersonLimit: { code: 'LIMIT_REACHED', zh: '每人最多兑换 {limit} 件', en: 'Each person can redeem at most {limit} of this item.' },
  pickupCodeWrong: { code: 'NOT_FOUND', zh: '取货码不正确', en: 'This pickup code is not correct.' },
  pickupCodeUsed: { code: 'CONFLICT', zh: '这个取货码已领取', en: 'This pickup code has already been collected.' },
  redemptionCancelled: { code: 'CONFLICT', zh: '这次兑换已取消', en: 'This redemption was cancelled.' },
  redemptionNotFound: { code: 'NOT_FOUND', zh: '兑换记录不存在', en: 'This redemption does not exist.' },
  onlyUncollectedCancellable: { code: 'CONFLICT', zh: '只有待领取的兑换可以取消', en: 'Only redemptions not yet collected can be cancelled.' },
});
