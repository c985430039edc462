/**
 * The contract slice of the cloud function `moderation` (cloudfunctions/moderation/):
 * reports, the review queue, decisions with notices, appeals.
 */
import * as z from '../zod';
import {
  ModerationAppealInput,
  ModerationDecideAppealInput,
  ModerationDecideInput,
  ModerationQueueInput,
  ModerationQueueOutput,
  MyCasesOutput,
  ReportsCreateInput,
  ReportsCreateOutput,
} from '../schemas/moderation';
import { action, type ActionSpec } from './actionSpec';

export const moderationActions = {
  'reports.create': action({
    fn: 'moderation',
    input: ReportsCreateInput,
    output: ReportsCreateOutput,
    mutation: true,
    audience: 'signed-in',
    rateLimit: { limit: 20, windowSeconds: 3600 },
  }),
  'moderation.queue': action({
    fn: 'moderation',
    input: ModerationQueueInput,
    output: ModerationQueueOutput,
    mutation: false,
    audience: 'staff',
  }),
  'moderation.decide': action({
    fn: 'moderation',
    input: ModerationDecideInput,
    output: z.object({ decided: z.boolean() }),
    mutation: true,
    audience: 'staff',
  }),
  'moderation.appeal': action({
    fn: 'moderation',
    input: ModerationAppealInput,
    output: z.object({ appealed: z.boolean() }),
    mutation: true,
    audience: 'signed-in',
  }),
  'moderation.decideAppeal': action({
    fn: 'moderation',
    input: ModerationDecideAppealInput,
    output: z.object({ decided: z.boolean() }),
    mutation: true,
    audience: 'staff',
  }),
  'moderation.mine': action({
    fn: 'moderation',
    input: z.object({}).strict(),
    output: MyCasesOutput,
    mutation: false,
    audience: 'signed-in',
  }),
} as const satisfies Record<string, ActionSpec>;
