/**
 * Emergency roll-call (应急召集): a committee or street gathers the registered volunteers of a
 * community — by skill and grid area — for an urgent need; inputs, outputs and their messages.
 */
import * as z from '../zod';
import { DateTime } from './activities';
import { Id, Page, paged, text } from './common';
import { JobProgress } from './jobs';
import { GridArea, Skill } from './volunteer';

/** How many volunteers one roll-call notifies at most (the rest are told to staff as `capped`). */
export const ROLLCALL_RECIPIENT_CAP = 2000;

export const RollCallStatus = z.enum(['open', 'closed']);
export type RollCallStatus = z.infer<typeof RollCallStatus>;
/** A volunteer's answer; 'none' until she answers. */
export const RollCallAnswer = z.enum(['none', 'coming', 'cannot']);
export type RollCallAnswer = z.infer<typeof RollCallAnswer>;

export const RollCallsCreateInput = z
  .object({
    communityId: Id,
    title: text(2, 30),
    /** What is needed, e.g. "北门低洼处装沙袋，请带手套". */
    description: text(2, 500),
    /** Any one of them qualifies a volunteer; empty = every volunteer. */
    skills: z.array(Skill).max(10, '最多 10 项').default([]),
    /** Only volunteers of this grid area; omitted = the whole community. */
    gridArea: GridArea.optional(),
    meetingPlace: text(2, 60),
    meetAt: DateTime,
    needed: z.number({ error: '请填写需要的人数' }).int('人数应为整数').min(1, '至少 1 人').max(500, '最多 500 人'),
  })
  .strict();
export type RollCallsCreateInput = z.infer<typeof RollCallsCreateInput>;

export const RollCallsRespondInput = z
  .object({
    rollCallId: Id,
    answer: z.enum(['coming', 'cannot'], { error: '请选择能否到场' }),
    /** Minutes until she can be there; only with 'coming'. */
    etaMinutes: z.number().int('以分钟计').min(0, '不能为负').max(600, '最多 600 分钟').optional(),
  })
  .strict();
export type RollCallsRespondInput = z.infer<typeof RollCallsRespondInput>;

export const RollCallsGetInput = z.object({ rollCallId: Id }).strict();
export const RollCallsCloseInput = z.object({ rollCallId: Id }).strict();
/** Staff name a community; without one, the roll-calls the caller was called to. */
export const RollCallsListInput = Page.extend({ communityId: Id.optional() }).strict();

/** The numbers staff watch while people answer. `pending` = notified but not answered yet. */
export const RollCallTally = z.object({
  notified: z.number().int(),
  coming: z.number().int(),
  cannot: z.number().int(),
  pending: z.number().int(),
  /** More volunteers matched than one roll-call notifies (ROLLCALL_RECIPIENT_CAP). */
  capped: z.boolean(),
  /**
   * Sending the notices, a background job for a big call-out: how many have been notified so
   * far (`notified` is how many will be). Null once no job is behind it (older roll-calls).
   */
  dispatch: JobProgress.nullable().optional(),
});
export type RollCallTally = z.infer<typeof RollCallTally>;

export const MyRollCallAnswer = z.object({
  answer: RollCallAnswer,
  etaMinutes: z.number().int().nullable(),
  answeredAt: z.string().nullable(),
});

/** A roll-call as one reader may see it: staff get the tally, a called volunteer her answer. */
export const RollCallView = z.object({
  id: Id,
  communityId: Id,
  communityName: z.string(),
  title: z.string(),
  description: z.string(),
  skills: z.array(z.string()),
  gridArea: z.string().nullable(),
  meetingPlace: z.string(),
  meetAt: z.string(),
  needed: z.number().int(),
  status: RollCallStatus,
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  tally: RollCallTally.nullable(),
  myAnswer: MyRollCallAnswer.nullable(),
  abilities: z.array(z.string()),
});
export type RollCallView = z.infer<typeof RollCallView>;

/** One volunteer on her way: what staff need to plan, never her phone or ID number. */
export const RollCallComer = z.object({
  nickname: z.string(),
  skills: z.array(z.string()),
  gridArea: z.string().nullable(),
  etaMinutes: z.number().int().nullable(),
  answeredAt: z.string(),
});
export type RollCallComer = z.infer<typeof RollCallComer>;

export const RollCallsGetOutput = z.object({
  rollCall: RollCallView,
  /** Staff only (null for a called volunteer): those coming, soonest first. */
  coming: z.array(RollCallComer).nullable(),
});
export type RollCallsGetOutput = z.infer<typeof RollCallsGetOutput>;
export const RollCallsListOutput = paged(RollCallView);
export type RollCallsListOutput = z.infer<typeof RollCallsListOutput>;
