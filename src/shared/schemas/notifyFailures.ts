/**
 * Staff view of notices that did not reach the phone (subscribe messages WeChat refused or never
 * answered; the inbox still holds each one): counts by kind and error code over the last days,
 * and the latest failures with the recipient masked.
 */
import * as z from '../zod';
import { Id } from './common';

export const NotifyFailuresSummaryInput = z.object({ regionId: Id }).strict();
export type NotifyFailuresSummaryInput = z.infer<typeof NotifyFailuresSummaryInput>;

export const NotifyFailureView = z.object({
  id: z.string(),
  kind: z.string(),
  errcode: z.number().int(),
  message: z.string(),
  /** The recipient's nickname masked (王＊): enough to tell failures apart, never who. */
  recipient: z.string(),
  createdAt: z.string(),
});
export type NotifyFailureView = z.infer<typeof NotifyFailureView>;

export const NotifyFailuresSummaryOutput = z.object({
  regionId: Id,
  /** Start of the window counted (the last 7 days). */
  since: z.string(),
  /** Failures in the window. */
  total: z.number().int(),
  /** Counts below are of the newest `counted` failures when the window holds more. */
  counted: z.number().int(),
  byKind: z.array(z.object({ kind: z.string(), count: z.number().int() })),
  byError: z.array(z.object({ errcode: z.number().int(), count: z.number().int() })),
  latest: z.array(NotifyFailureView),
});
export type NotifyFailuresSummaryOutput = z.infer<typeof NotifyFailuresSummaryOutput>;
