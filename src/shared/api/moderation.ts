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
    roles: 'any signed-in resident, once per item',
  }),
  'moderation.queue': action({
    fn: 'moderation',
    input: ModerationQueueInput,
    output: ModerationQueueOutput,
    mutation: false,
    audience: 'staff',
    roles: 'committee of the item\'s community, street and county above it',
  }),
  'moderation.decide': action({
    fn: 'moderation',
    input: ModerationDecideInput,
    output: z.object({ decided: z.boolean() }),
    mutation: true,
    audience: 'staff',
    roles: 'committee of the item\'s community, street and county above it; restore only while the item is hidden, dismiss only while reports wait',
  }),
  'moderation.appeal': action({
    fn: 'moderation',
    input: ModerationAppealInput,
    output: z.object({ appealed: z.boolean() }),
    mutation: true,
    audience: 'signed-in',
    roles: 'the author, once per decision',
  }),
  'moderation.decideAppeal': action({
    fn: 'moderation',
    input: ModerationDecideAppealInput,
    output: z.object({ decided: z.boolean() }),
    mutation: true,
    audience: 'staff',
    roles: 'staff over the item other than the one who decided',
  }),
  'moderation.mine': action({
    fn: 'moderation',
    input: z.object({}).strict(),
    output: MyCasesOutput,
    mutation: false,
    audience: 'signed-in',
    roles: 'the author themself',
  }),
} as const satisfies Record<string, ActionSpec>;
