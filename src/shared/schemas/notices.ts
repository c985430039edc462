/**
 * Committee notices (served by the cloud function `notices`): staff over a community post a
 * notice to every resident of it (停水停电, vaccination, weather warnings…). Residents read them
 * in the inbox (ids `notice:<id>`), urgent ones pinned on the home page.
 */
import * as z from '../zod';
import { DateTime } from './activities';
import { FileRef, Id, Page, paged, text } from './common';

/** What a notice is about (the icon and the staff form's choices). */
export const NOTICE_KINDS = ['water_power', 'health', 'weather', 'safety', 'general'] as const;
export const NoticeKind = z.enum(NOTICE_KINDS, { error: '请选择通知类别' });
export type NoticeKind = z.infer<typeof NoticeKind>;

/** A notice's life: a draft staff may still edit, published to residents, or withdrawn. */
export const NoticeStatus = z.enum(['draft', 'published', 'withdrawn']);
export type NoticeStatus = z.infer<typeof NoticeStatus>;

/** The longest a notice stays valid (it is shown in inboxes and pinned until then). */
export const NOTICE_MAX_VALID_DAYS = 90;
/** Live (published, still valid) notices a community may have at once: the inbox reads them all. */
export const NOTICE_LIVE_CAP = 50;

const noticeFields = {
  title: text(2, 40),
  body: text(2, 1000),
  kind: NoticeKind,
  urgent: z.boolean({ error: '必须是是或否' }),
  validUntil: DateTime,
  /** An uploaded image (shown once WeChat's image check passed it); null removes it. */
  image: FileRef.nullable(),
};

/** A new notice; `publish: false` keeps it a draft to edit before it goes out. */
export const NoticesPostInput = z
  .object({ communityId: Id, ...noticeFields, urgent: noticeFields.urgent.default(false), image: noticeFields.image.default(null), publish: z.boolean().default(true) })
  .strict();
export type NoticesPostInput = z.infer<typeof NoticesPostInput>;

/** Changes to a draft (only a draft can change); `publish: true` also publishes it. */
export const NoticesUpdateInput = z
  .object({
    noticeId: Id,
    title: noticeFields.title.optional(),
    body: noticeFields.body.optional(),
    kind: NoticeKind.optional(),
    urgent: noticeFields.urgent.optional(),
    validUntil: DateTime.optional(),
    image: noticeFields.image.optional(),
    publish: z.boolean().default(false),
  })
  .strict();
export type NoticesUpdateInput = z.infer<typeof NoticesUpdateInput>;

export const NoticesWithdrawInput = z.object({ noticeId: Id, reason: text(2, 100) }).strict();
export const NoticesGetInput = z.object({ noticeId: Id }).strict();
export const NoticesReadCountsInput = z.object({ noticeId: Id }).strict();
/** Staff: a community's notices, every status, newest first. */
export const NoticesListInput = Page.extend({ communityId: Id }).strict();
export const NoticesPinnedInput = z.object({}).strict();
export const NoticesDismissInput = z.object({ noticeId: Id }).strict();
/** The app tells the server she accepted one more subscribe message for notices (WeChat's one-time consent). */
export const NoticesSubscribeInput = z.object({ accepted: z.literal(true, { error: '只能记录已同意的订阅' }) }).strict();

/** A notice as its reader sees it (residents: published ones only; staff: every status). */
export const NoticeView = z.object({
  id: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  title: z.string(),
  body: z.string(),
  kind: NoticeKind,
  urgent: z.boolean(),
  validUntil: z.string(),
  /** Still valid now (a published notice past it stays readable, no longer pinned). */
  live: z.boolean(),
  /** The image once it passed the check; null before (or without one). */
  image: z.string().nullable(),
  /** Staff only: the image waits for its check (or was refused). */
  imagePending: z.boolean(),
  status: NoticeStatus,
  publishedAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  read: z.boolean(),
  abilities: z.array(z.string()),
});
export type NoticeView = z.infer<typeof NoticeView>;

export const NoticesListOutput = paged(NoticeView);
export type NoticesListOutput = z.infer<typeof NoticesListOutput>;

/** Who has read a notice: read marks, of the community's residents now. */
export const NoticeReadCounts = z.object({ noticeId: z.string(), read: z.number().int(), residents: z.number().int() });
export type NoticeReadCounts = z.infer<typeof NoticeReadCounts>;

/** The urgent live notices of her community she has not dismissed (the home page's pin). */
export const NoticesPinnedOutput = z.object({ items: z.array(NoticeView) });
export type NoticesPinnedOutput = z.infer<typeof NoticesPinnedOutput>;
export const NoticesDismissOutput = z.object({ dismissed: z.boolean() });
export const NoticesSubscribeOutput = z.object({ remaining: z.number().int() });
