/**
 * Needs (served by the cloud function `needs`): the community's needs board (微心愿 / 邻里求助),
 * its states and transitions, and the time-bank offer board beside it.
 */
import * as z from '../zod';
import { FileRef, Id, Page, paged, text } from './common';
import { Day, Phone } from './volunteers';

export const NeedCategory = z.enum(['errands', 'companionship', 'repairs', 'tutoring', 'health_visit', 'rural_help', 'wish_child', 'wish_elder']);
export type NeedCategory = z.infer<typeof NeedCategory>;

/**
 * Where a need is in its life. open → claimed (a group or volunteer takes it on) → accepted (the
 * resident confirms the claimer; declining puts it back to open) → done (with a photo and the
 * helpers' minutes) → thanked (rated), or closed when the resident never answers; withdrawn by
 * the resident before it is done; expired when its time passed before it was taken on and done.
 * The moves themselves are one table in src/shared/policies/needs.ts (NEED_TRANSITIONS).
 */
export const NeedState = z.enum(['open', 'claimed', 'accepted', 'done', 'thanked', 'closed', 'withdrawn', 'expired']);
export type NeedState = z.infer<typeof NeedState>;

/** The longest window a need may name (a wish can wait a month; a longer one is not one need). */
export const NEED_WINDOW_DAYS = 31;

/** Days between two YYYY-MM-DD days (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

const Coordinates = z
  .object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) })
  .strict();

export const NeedsPostInput = z
  .object({
    what: text(4, 200),
    category: NeedCategory,
    /** A date, or the first day of a window ending on `whenTo`. */
    whenFrom: Day,
    whenTo: Day.optional(),
    /** Where: sealed at rest, shown only to the need's audience. */
    place: text(2, 100),
    location: Coordinates.optional(),
    /** The phone to call: sealed at rest, shown only to the need's audience. */
    phone: Phone,
    /** Posting for another resident (a proxy with her consent, or staff of her community). */
    forUserId: Id.optional(),
    /**
     * Asking the author of this time-bank offer (请TA帮忙): the need is addressed to her alone
     * until she declines it, when it goes to the public board.
     */
    offerId: Id.optional(),
  })
  .strict()
  .refine((v) => !v.whenTo || v.whenTo >= v.whenFrom, { path: ['whenTo'], message: '结束日期不能早于开始日期' })
  .refine((v) => !v.whenTo || daysBetween(v.whenFrom, v.whenTo) <= NEED_WINDOW_DAYS, { path: ['whenTo'], message: '时间范围不能超过 31 天' });
export type NeedsPostInput = z.infer<typeof NeedsPostInput>;

export const NeedsListInput = Page.extend({ communityId: Id.optional(), category: NeedCategory.optional(), state: NeedState.optional() }).strict();
export type NeedsListInput = z.infer<typeof NeedsListInput>;
export const NeedsGetInput = z.object({ needId: Id }).strict();
export const NeedsClaimInput = z.object({ needId: Id, groupId: Id.optional() }).strict();
export type NeedsClaimInput = z.infer<typeof NeedsClaimInput>;
export const NeedsConfirmInput = z.object({ needId: Id, accept: z.boolean() }).strict();
export const NeedHelper = z.object({ userId: Id, minutes: z.number().int().min(10, '至少 10 分钟').max(720, '不能超过 12 小时') }).strict();
export const NeedsDoneInput = z
  .object({
    needId: Id,
    photo: FileRef,
    helpers: z.array(NeedHelper).min(1, '请至少填写一位服务者').max(20, '最多 20 位服务者'),
  })
  .strict()
  .refine((v) => new Set(v.helpers.map((h) => h.userId)).size === v.helpers.length, { path: ['helpers'], message: '服务者不能重复' });
export type NeedsDoneInput = z.infer<typeof NeedsDoneInput>;
export const NeedsThankInput = z.object({ needId: Id, rating: z.number().int().min(1, '评分为 1–5 分').max(5, '评分为 1–5 分'), words: text(0, 200).optional() }).strict();
export type NeedsThankInput = z.infer<typeof NeedsThankInput>;
export const NeedsWithdrawInput = z.object({ needId: Id }).strict();
export const NeedsDeclineAddressedInput = z.object({ needId: Id }).strict();
export const NeedsMineInput = Page.strict();
export const NeedsQueueInput = Page.extend({ communityId: Id }).strict();

/** Who took a need on: a group (its name) or a registered volunteer (her nickname). */
export const NeedClaimer = z.object({ kind: z.enum(['group', 'volunteer']), id: Id, name: z.string() });

/** A need as the caller may see it: `place` and `phone` are null outside its audience. */
export const NeedView = z.object({
  id: Id,
  what: z.string(),
  category: NeedCategory,
  whenFrom: z.string(),
  whenTo: z.string(),
  state: NeedState,
  communityId: Id,
  createdAt: z.string(),
  /** The resident's nickname as neighbours see it (first character and ＊). */
  residentName: z.string(),
  /** Posted for the resident by someone acting for her. */
  postedForResident: z.boolean(),
  claimer: NeedClaimer.nullable(),
  /**
   * The neighbour the need was addressed to from her time-bank offer (指定), while it is; null
   * for a need on the public board (never addressed, or she declined it).
   */
  addressedTo: z.object({ name: z.string() }).nullable(),
  place: z.string().nullable(),
  phone: z.string().nullable(),
  location: Coordinates.nullable(),
  doneAt: z.string().nullable(),
  photo: z.string().nullable(),
  helpers: z.array(z.object({ name: z.string(), minutes: z.number().int() })),
  rating: z.number().int().nullable(),
  thanks: z.string().nullable(),
  /** Queue flags for the committee: unclaimed past the set time, or past its time and not done. */
  unclaimedLong: z.boolean(),
  overdue: z.boolean(),
  abilities: z.array(z.string()),
});
export type NeedView = z.infer<typeof NeedView>;
export const NeedsListOutput = paged(NeedView);

// ---- the time-bank offer board ----

export const OfferState = z.enum(['open', 'withdrawn']);
export const NeedsOfferPostInput = z.object({ what: text(4, 200), category: NeedCategory }).strict();
export type NeedsOfferPostInput = z.infer<typeof NeedsOfferPostInput>;
export const NeedsOffersInput = Page.extend({ communityId: Id.optional(), category: NeedCategory.optional() }).strict();
export const NeedsOfferWithdrawInput = z.object({ offerId: Id }).strict();
export const OfferView = z.object({
  id: Id,
  what: z.string(),
  category: NeedCategory,
  state: OfferState,
  communityId: Id,
  name: z.string(),
  mine: z.boolean(),
  createdAt: z.string(),
});
export type OfferView = z.infer<typeof OfferView>;
export const NeedsOffersOutput = paged(OfferView);
