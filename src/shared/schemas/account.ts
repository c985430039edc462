import * as z from '../zod';
import { FileRef, Id, text } from './common';
import { RegionView } from './regions';

/**
 * Staff roles are grants on one region node and apply to everything below it. `grid` is a grid
 * worker (网格员) of one community: granted there by its committee (or staff above), it may
 * register residents without a smartphone and act as their proxy — nothing of the console.
 */
export const StaffRole = z.enum(['committee', 'street', 'county', 'grid']);
export type StaffRole = z.infer<typeof StaffRole>;

export const RoleGrantView = z.object({ role: StaffRole, regionId: Id, regionName: z.string() });
export type RoleGrantView = z.infer<typeof RoleGrantView>;

export const Locale = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof Locale>;

export const AccountView = z.object({
  id: Id,
  nickname: z.string(),
  avatar: z.string().nullable(),
  homeCommunity: RegionView.nullable(),
  roles: z.array(RoleGrantView),
  createdAt: z.string(),
  /** The language the server writes her notices in (set by the app when she switches). */
  locale: Locale.optional(),
  /** Her birth year when she gave it (age rules at sign-up, commands/signups/ageRules.ts). */
  birthYear: z.number().int().nullable().optional(),
  /** Skills she declared herself (a volunteer's registered ones are on her registration). */
  skills: z.array(z.string()).optional(),
});
export type AccountView = z.infer<typeof AccountView>;

export const AccountMeInput = z.object({}).strict();
export type AccountMeInput = z.infer<typeof AccountMeInput>;
/**
 * Subscribe-message template ids the app asks consent for, from the server's configuration
 * (`LINLI_TEMPLATE_<KIND>_ID`), so the prompt asks for exactly the templates that are sent.
 * A topic without a configured template is absent.
 */
export const SubscribeTemplates = z.object({
  reminder: z.string().optional(),
  offer: z.string().optional(),
  rollcall: z.string().optional(),
  groupReview: z.string().optional(),
  joinDecision: z.string().optional(),
  /** Committee notices of her community (notices.subscribe counts each accept). */
  notice: z.string().optional(),
  /** A person in care overdue for a visit: asked of the committee when it registers or pairs her. */
  careOverdue: z.string().optional(),
  /** Being paired with a person in care: asked of the volunteer when she registers. */
  carePaired: z.string().optional(),
  /** Someone took on the need she posts (asked in the post tap; kind need_claimed). */
  needClaimed: z.string().optional(),
  /** The resident accepted the helper who took her need on (asked in the claim tap; kind need_accepted). */
  needAccepted: z.string().optional(),
  /** A neighbour asks her from her time-bank offer (asked in the offer's post tap; kind need_addressed). */
  needAddressed: z.string().optional(),
});
export type SubscribeTemplates = z.infer<typeof SubscribeTemplates>;

export const AccountMeOutput = z.object({
  account: AccountView,
  abilities: z.array(z.string()),
  subscribeTemplates: SubscribeTemplates.optional(),
});
export type AccountMeOutput = z.infer<typeof AccountMeOutput>;

/**
 * A birth year: all the app asks to know someone's age for an activity's minimum age and
 * guardian rules (no birth date, no ID number: the least that answers the question).
 */
export const BirthYear = z
  .number({ error: '请填写出生年份' })
  .int('请填写四位出生年份')
  .min(1900, '出生年份不正确')
  .refine((year) => year <= new Date().getFullYear(), '出生年份不能晚于今年');

export const AccountUpdateProfileInput = z
  .object({
    nickname: text(1, 20).optional(),
    avatar: FileRef.nullable().optional(),
    homeCommunityId: Id.optional(),
    /** The language of server-written texts (notices); the app sets it when she switches. */
    locale: Locale.optional(),
    birthYear: BirthYear.optional(),
    /** Skills she declares without registering as a volunteer (checked against an activity's required skills). */
    skills: z.array(text(1, 20)).max(10, '最多 10 项').optional(),
    /** A consented proxy sets the birth year of the resident he acts for (nothing else of hers). */
    forUserId: Id.optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).filter((k) => k !== 'forUserId').length > 0, { message: '至少修改一项' })
  .refine((v) => v.forUserId === undefined || Object.keys(v).every((k) => k === 'forUserId' || k === 'birthYear'), { message: '代办人只能填写出生年份', path: ['forUserId'] });
export type AccountUpdateProfileInput = z.infer<typeof AccountUpdateProfileInput>;
export const AccountUpdateProfileOutput = AccountMeOutput;
export type AccountUpdateProfileOutput = z.infer<typeof AccountUpdateProfileOutput>;
