/**
 * The contract slice of the cloud function `activities` (cloudfunctions/activities/):
 * posting, editing, discovery; timers for offers and reminders.
 */
import * as z from '../zod';
import {
  ActivitiesCancelInput,
  ActivitiesCreateInput,
  ActivitiesGetInput,
  ActivitiesListInput,
  ActivitiesListOutput,
  ActivitiesPosterInput,
  ActivitiesPosterOutput,
  ActivitiesReconcileInput,
  ActivitiesReconcileOutput,
  ActivitiesUpdateInput,
  ActivityDetail,
} from '../schemas/activities';
import { action, type ActionSpec } from './actionSpec';

export const activitiesActions = {
  'activities.create': action({
    fn: 'activities',
    input: ActivitiesCreateInput,
    output: z.object({ ids: z.array(z.string()), first: ActivityDetail }),
    mutation: true,
    audience: 'signed-in',
    rateLimit: { limit: 20, windowSeconds: 3600 },
  }),
  'activities.update': action({
    fn: 'activities',
    input: ActivitiesUpdateInput,
    output: ActivityDetail,
    mutation: true,
    audience: 'signed-in',
  }),
  'activities.cancel': action({
    fn: 'activities',
    input: ActivitiesCancelInput,
    output: ActivityDetail,
    mutation: true,
    audience: 'signed-in',
  }),
  'activities.reconcile': action({
    fn: 'activities',
    input: ActivitiesReconcileInput,
    output: ActivitiesReconcileOutput,
    mutation: true,
    audience: 'signed-in',
  }),
  'activities.list': action({
    fn: 'activities',
    input: ActivitiesListInput,
    output: ActivitiesListOutput,
    mutation: false,
    audience: 'signed-in',
  }),
  'activities.poster': action({
    fn: 'activities',
    input: ActivitiesPosterInput,
    output: ActivitiesPosterOutput,
    mutation: false,
    audience: 'signed-in',
    rateLimit: { limit: 30, windowSeconds: 3600 },
  }),
  'activities.get': action({
    fn: 'activities',
    input: ActivitiesGetInput,
    output: ActivityDetail,
    mutation: false,
    audience: 'signed-in',
  }),
} as const satisfies Record<string, ActionSpec>;
