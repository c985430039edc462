import * as z from '../zod';

/** Control characters other than tab and newline never belong in user text. */
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** A document id: the emulator's and CloudBase's ids are short ASCII tokens. */
export const Id = z
  .string({ error: '必须是文本' })
  .min(1, '不能为空')
  .max(64, '过长')
  .regex(/^[A-Za-z0-9_-]+$/, '格式不正确');

/** A client-chosen idempotency key for one mutation (reused on retry). */
export const RequestId = z
  .string()
  .min(8, '过短')
  .max(64, '过长')
  .regex(/^[A-Za-z0-9_-]+$/, '格式不正确');

/** User-entered text: trimmed, bounded, without control characters. */
export function text(min: number, max: number) {
  return z
    .string({ error: '必须是文本' })
    .trim()
    .min(min, min <= 1 ? '不能为空' : `至少 ${min} 个字`)
    .max(max, `不能超过 ${max} 个字`)
    .refine((value) => !CONTROL_CHARS.test(value), '包含不允许的控制字符');
}

/** Paging input shared by list actions. */
export const Page = z.object({
  offset: z.number().int().min(0).max(10_000).default(0),
  limit: z.number().int().min(1).max(50).default(20),
});

/** A page of items and whether more follow. */
export function paged<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), hasMore: z.boolean() });
}

/** An https/cloud file reference the client uploaded (avatar, cover). */
export const FileRef = z
  .string()
  .max(512, '过长')
  .regex(/^(cloud:\/\/|https?:\/\/|\/)[^\s]*$/, '不是有效的文件地址');

export const Empty = z.object({}).strict();

/**
 * What a noticeboard poster shows: the mini-program code (wxacode.getUnlimited, a PNG data URL)
 * that opens the group's or activity's page with its id as the scene, and the facts printed
 * beside it. `startAt`/`endAt` and `place` are null where they do not apply (a group).
 */
export const Poster = z.object({
  code: z.object({ image: z.string(), page: z.string(), scene: z.string() }),
  title: z.string(),
  groupName: z.string(),
  startAt: z.string().nullable(),
  endAt: z.string().nullable(),
  place: z.string().nullable(),
});
export type Poster = z.infer<typeof Poster>;

// ---- background jobs: shared by the console's exports and the roll-calls' notices ----

/**
 * Background jobs (a county-wide export, a roll-call's notices): work too big for one function
 * call runs in slices, and staff watch its progress until the result is there.
 */
export const JobState = z.enum(['queued', 'running', 'done', 'failed']);
export type JobState = z.infer<typeof JobState>;

/** How far a job is: `done` of `total` items, and the error of a job that gave up. */
export const JobProgress = z.object({
  id: Id,
  state: JobState,
  done: z.number().int(),
  total: z.number().int(),
  error: z.string().nullable(),
});
export type JobProgress = z.infer<typeof JobProgress>;
