/**
 * People served (served by the cloud function `care`): committees keep a minimal register of
 * residents who need regular care — only with recorded consent — pair a volunteer or a group with
 * each, and the paired log their visits (which become hour records). Inputs, outputs and their
 * exact messages.
 */
import * as z from '../zod';
import { FileRef, Id, Page, paged, text } from './common';
import { Day, HourState, Phone, VolunteerNo } from './volunteers';

/** Who the register is for (issue 18 item 2). */
export const CareCategory = z.enum(['lone_elder', 'disability', 'left_behind_child', 'family_in_difficulty', 'other'], { error: '请选择服务对象类别' });
export type CareCategory = z.infer<typeof CareCategory>;
export const CareStatus = z.enum(['active', 'closed']);
export type CareStatus = z.infer<typeof CareStatus>;
/** Why care ended: the resident (or her guardian) withdrew consent, or care is no longer needed. */
export const CareCloseReason = z.enum(['consent_withdrawn', 'care_ended'], { error: '请选择结束原因' });
export type CareCloseReason = z.infer<typeof CareCloseReason>;

/** Days between visits: at least daily, at most once a quarter. */
export const VisitFrequencyDays = z.number({ error: '请填写探访间隔天数' }).int('天数应为整数').min(1, '至少每 1 天').max(90, '最多每 90 天');
/** Minutes of one visit: a home visit is at least 5 minutes and at most 8 hours. */
export const VisitMinutes = z.number({ error: '请填写时长' }).int('时长以分钟计').min(5, '探访至少 5 分钟').max(480, '一次探访最多 8 小时');

/**
 * The recorded consent, witnessed by the staff member registering her (the actor): who agreed,
 * the guardian's name where a guardian agreed, and a reference to the signed paper or its photo.
 */
export const CareConsentInput = z
  .object(
    {
      by: z.enum(['self', 'guardian'], { error: '请选择由谁同意' }),
      guardianName: text(1, 30).optional(),
      /** The uploaded photo of the signed form, or the number of the paper form kept on file. */
      reference: z.union([FileRef, text(2, 40)], { error: '请上传或填写知情同意书' }),
      /** The staff member confirms she witnessed it. */
      witnessed: z.literal(true, { error: '请确认已当面见证同意' }),
    },
    { error: '没有记录本人或监护人的同意，不能登记' },
  )
  .strict()
  .superRefine((v, ctx) => {
    if (v.by === 'guardian' && !v.guardianName) ctx.addIssue({ code: 'custom', path: ['guardianName'], message: '请填写监护人姓名' });
  });

export const CareRegisterInput = z
  .object({
    communityId: Id,
    category: CareCategory,
    name: text(1, 30),
    phone: Phone.optional(),
    address: text(2, 100),
    /** Her user document, when she has an account or a no-account record (proxy work). */
    userId: Id.optional(),
    frequencyDays: VisitFrequencyDays,
    notes: text(1, 500).optional(),
    consent: CareConsentInput,
  })
  .strict();
export type CareRegisterInput = z.infer<typeof CareRegisterInput>;

export const CareUpdateInput = z
  .object({
    recipientId: Id,
    category: CareCategory.optional(),
    name: text(1, 30).optional(),
    phone: Phone.nullable().optional(),
    address: text(2, 100).optional(),
    userId: Id.nullable().optional(),
    frequencyDays: VisitFrequencyDays.optional(),
    notes: text(1, 500).nullable().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).some((key) => key !== 'recipientId'), '至少修改一项');
export type CareUpdateInput = z.infer<typeof CareUpdateInput>;

export const CareCloseInput = z.object({ recipientId: Id, reason: CareCloseReason, note: text(1, 200).optional() }).strict();
export type CareCloseInput = z.infer<typeof CareCloseInput>;

/** Staff name a community; without one (or for a volunteer), the people the caller is paired with. */
export const CareListInput = Page.extend({ communityId: Id.optional(), status: CareStatus.optional() }).strict();
export type CareListInput = z.infer<typeof CareListInput>;
export const CareGetInput = z.object({ recipientId: Id }).strict();

/** A volunteer (by volunteer number) or a group, never both. */
export const CarePairInput = z
  .object({ recipientId: Id, volunteerNo: VolunteerNo.optional(), groupId: Id.optional() })
  .strict()
  .refine((v) => (v.volunteerNo === undefined) !== (v.groupId === undefined), { message: '请选择一位志愿者或一个小组', path: ['volunteerNo'] });
export type CarePairInput = z.infer<typeof CarePairInput>;
export const CareUnpairInput = z.object({ pairId: Id, reason: text(1, 200).optional() }).strict();
export type CareUnpairInput = z.infer<typeof CareUnpairInput>;

export const CareLogVisitInput = z
  .object({
    recipientId: Id,
    visitDate: Day,
    minutes: VisitMinutes,
    notes: text(2, 500),
    photo: FileRef.optional(),
  })
  .strict();
export type CareLogVisitInput = z.infer<typeof CareLogVisitInput>;
export const CareVisitsInput = Page.extend({ recipientId: Id }).strict();
export const CareMyPairsInput = z.object({}).strict();
export const CareOverdueInput = Page.extend({ communityId: Id }).strict();

/** One pairing as staff and the paired see it. */
export const CarePairView = z.object({
  id: Id,
  kind: z.enum(['volunteer', 'group']),
  /** The volunteer's nickname or the group's name. */
  name: z.string(),
  groupId: Id.nullable(),
  status: z.enum(['active', 'ended']),
  pairedAt: z.string(),
  endedAt: z.string().nullable(),
});
export type CarePairView = z.infer<typeof CarePairView>;

/** The consent on record: staff only. */
export const CareConsentView = z.object({
  by: z.enum(['self', 'guardian']),
  guardianName: z.string().nullable(),
  witnessedByName: z.string(),
  reference: z.string(),
  recordedAt: z.string(),
});

/** A person in care as one reader may see her: staff get the consent and the link to her account. */
export const CareRecipientView = z.object({
  id: Id,
  communityId: Id,
  communityName: z.string(),
  category: CareCategory,
  name: z.string(),
  /** Null when none was given, and after care ended (kept minimal). */
  phone: z.string().nullable(),
  address: z.string().nullable(),
  notes: z.string().nullable(),
  frequencyDays: z.number().int(),
  status: CareStatus,
  closedReason: CareCloseReason.nullable(),
  closedAt: z.string().nullable(),
  lastVisitDate: z.string().nullable(),
  /** The day the next visit is due by (YYYY-MM-DD, China time). */
  dueDate: z.string(),
  overdue: z.boolean(),
  /** Staff only (null for the paired). */
  userId: Id.nullable(),
  consent: CareConsentView.nullable(),
  pairs: z.array(CarePairView),
  abilities: z.array(z.string()),
});
export type CareRecipientView = z.infer<typeof CareRecipientView>;
export const CareListOutput = paged(CareRecipientView);
export type CareListOutput = z.infer<typeof CareListOutput>;

export const CareVisitView = z.object({
  id: Id,
  visitDate: z.string(),
  minutes: z.number().int(),
  notes: z.string(),
  /** A short-lived link to the photo, or null. */
  photo: z.string().nullable(),
  visitorName: z.string(),
  /** Whether the visit was made by the day it was due. */
  onTime: z.boolean(),
  /** The hour record it became and that record's state. */
  hourRecordId: Id,
  hourState: HourState,
  loggedAt: z.string(),
});
export type CareVisitView = z.infer<typeof CareVisitView>;
/** The state of the hour record a visit became. */
export type HourStateOf = CareVisitView['hourState'];
export const CareVisitsOutput = paged(CareVisitView);
export type CareVisitsOutput = z.infer<typeof CareVisitsOutput>;

/** The volunteer's people: who, where, and when each is next due. */
export const CareMyPairsOutput = z.object({
  items: z.array(
    z.object({
      recipientId: Id,
      pairId: Id,
      name: z.string(),
      category: CareCategory,
      address: z.string().nullable(),
      phone: z.string().nullable(),
      /** The group she is paired through, or null for a volunteer paired herself. */
      groupName: z.string().nullable(),
      lastVisitDate: z.string().nullable(),
      dueDate: z.string(),
      overdue: z.boolean(),
      /** Days until due (negative: days overdue). */
      daysLeft: z.number().int(),
    }),
  ),
});
export type CareMyPairsOutput = z.infer<typeof CareMyPairsOutput>;

/** The committee's overdue list: people whose last visit is older than their frequency. */
export const CareOverdueOutput = paged(
  z.object({
    recipientId: Id,
    name: z.string(),
    category: CareCategory,
    lastVisitDate: z.string().nullable(),
    dueDate: z.string(),
    daysOverdue: z.number().int(),
    pairedWith: z.array(z.string()),
  }),
);
export type CareOverdueOutput = z.infer<typeof CareOverdueOutput>;

/** The dashboard's care figures (item 6): people in care, visits on time vs overdue, by community, by month. */
export const CareFigures = z.object({
  inCare: z.number().int(),
  onTime: z.number().int(),
  overdue: z.number().int(),
  byCommunity: z.array(z.object({ id: Id, name: z.string(), inCare: z.number().int(), onTime: z.number().int(), overdue: z.number().int() })),
  /** Visits of the last six months, oldest first: how many, and how many were by their due day. */
  byMonth: z.array(z.object({ month: z.string(), visits: z.number().int(), onTime: z.number().int(), late: z.number().int() })),
});
export type CareFigures = z.infer<typeof CareFigures>;
