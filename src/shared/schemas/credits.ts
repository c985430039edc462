/** The credit ledger, the points store (积分超市) and volunteer settings of a community. */
import * as z from '../zod';
import { FileRef, Id, Page, paged, text } from './common';
import { VolunteerNo } from './volunteers';

const Credits = z.number({ error: '请填写积分' }).int('积分必须是整数');

export const EntryKind = z.enum(['earned', 'granted', 'adjusted', 'redeemed', 'refunded', 'expired', 'transfer_in', 'transfer_out', 'donated', 'pool_in']);
export type EntryKind = z.infer<typeof EntryKind>;

export const LedgerEntryView = z.object({
  id: z.string(),
  amount: z.number().int(),
  kind: EntryKind,
  memo: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
});

export const CreditsMineInput = Page.strict();
export type CreditsMineOutput = z.infer<typeof CreditsMineOutput>;
export const CreditsMineOutput = z.object({
  balance: z.number().int(),
  expiringSoon: z.object({ amount: z.number().int(), at: z.string() }).nullable(),
  timeBank: z.boolean(),
  entries: paged(LedgerEntryView),
});

/** A community's own accounts' movements, for its staff: what was issued, donated, spent, expired. */
export const CreditsPostingsInput = Page.extend({ communityId: Id }).strict();
export const CreditsPostingsOutput = paged(LedgerEntryView.extend({ account: z.enum(['pool', 'store', 'issuance', 'expired']) }));

export const CreditsTransferInput = z
  .object({ toVolunteerNo: VolunteerNo, amount: Credits.min(1, '至少 1 积分').max(10_000, '一次最多 10000 积分'), note: text(1, 50).optional() })
  .strict();
export const CreditsDonateInput = z.object({ amount: Credits.min(1, '至少 1 积分').max(10_000, '一次最多 10000 积分') }).strict();
export const CreditsBalanceOutput = z.object({ balance: z.number().int() });
export const CreditsGrantInput = z
  .object({
    volunteerNo: VolunteerNo,
    amount: Credits.min(1, '至少 1 积分').max(10_000, '一次最多 10000 积分'),
    reason: text(2, 200),
    /** From the community pool (donations) or newly issued by the committee. */
    source: z.enum(['pool', 'issuance']),
  })
  .strict();
export const CreditsAdjustInput = z
  .object({ volunteerNo: VolunteerNo, amount: Credits.min(-10_000, '一次最多调整 10000 积分').max(10_000, '一次最多调整 10000 积分').refine((v) => v !== 0, '调整数不能为 0'), reason: text(2, 200) })
  .strict();
export const CreditsStaffOutput = z.object({ balance: z.number().int() });

export const CommunitySettings = z.object({
  communityId: Id,
  timeBank: z.boolean(),
  starThresholds: z.array(z.number()),
  creditExpiryYears: z.number().int(),
  /** Credits per hour of approved self-reported service (activities set their own rate). */
  selfReportCreditsPerHour: z.number().int(),
});
export const CreditsPoolInput = z.object({ communityId: Id }).strict();
export const CreditsPoolOutput = CommunitySettings.extend({
  pool: z.number().int(),
  store: z.number().int(),
  /** Credits in circulation issued by this community (the issuance account, sign turned). */
  issued: z.number().int(),
  expired: z.number().int(),
  canManage: z.boolean(),
});
export const SettingsUpdateInput = z
  .object({
    communityId: Id,
    timeBank: z.boolean().optional(),
    starThresholds: z
      .array(z.number().int().min(1).max(100_000))
      .length(5, '需要五个星级的门槛')
      .refine((list) => list.every((v, i) => i === 0 || v > list[i - 1]!), '门槛需逐级递增')
      .optional(),
    creditExpiryYears: z.number().int().min(1, '至少 1 年').max(10, '最多 10 年').optional(),
    selfReportCreditsPerHour: z.number().int().min(0, '不能为负').max(100, '每小时最多 100 积分').optional(),
  })
  .strict();

// ---- points store ----

export const StoreItemView = z.object({
  id: Id,
  communityId: Id,
  name: z.string(),
  description: z.string(),
  image: z.string().nullable(),
  cost: z.number().int(),
  stock: z.number().int(),
  perPersonLimit: z.number().int(),
  active: z.boolean(),
  /** How many of this item I hold (not cancelled). */
  mine: z.number().int(),
});
export type StoreItemView = z.infer<typeof StoreItemView>;
export const StoreItemsInput = z.object({ communityId: Id }).strict();
export const StoreItemsOutput = z.object({ items: z.array(StoreItemView), canManage: z.boolean(), balance: z.number().int() });
export const StoreSaveItemInput = z
  .object({
    communityId: Id,
    itemId: Id.optional(),
    name: text(2, 30),
    description: text(0, 200).default(''),
    image: FileRef.nullable().default(null),
    cost: Credits.min(1, '至少 1 积分').max(100_000, '最多 100000 积分'),
    stock: z.number().int('库存必须是整数').min(0, '库存不能为负').max(100_000, '库存过大'),
    perPersonLimit: z.number().int().min(1, '至少 1 件').max(100, '最多 100 件'),
    active: z.boolean().default(true),
  })
  .strict();
export type StoreSaveItemInput = z.infer<typeof StoreSaveItemInput>;

export const RedemptionView = z.object({
  id: Id,
  itemId: Id,
  itemName: z.string(),
  communityId: Id,
  cost: z.number().int(),
  pickupCode: z.string(),
  state: z.enum(['pending', 'fulfilled', 'cancelled']),
  nickname: z.string(),
  createdAt: z.string(),
  fulfilledAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
});
export type RedemptionView = z.infer<typeof RedemptionView>;
export const StoreRedeemInput = z.object({ itemId: Id }).strict();
export const StoreMineInput = Page.strict();
export const StoreRedemptionsInput = Page.extend({ communityId: Id, state: z.enum(['pending', 'fulfilled', 'cancelled']).optional() }).strict();
export const RedemptionsOutput = paged(RedemptionView);
export const StoreFulfilInput = z.object({ communityId: Id, pickupCode: z.string().trim().regex(/^\d{8}$/, '取货码为 8 位数字') }).strict();
export const StoreCancelInput = z.object({ redemptionId: Id }).strict();
