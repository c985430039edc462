/** groups.myApplications: the caller's own applications, newest first. */
import type { ApplicationView } from '../../../../src/shared/schemas/groups';
import type { Actor } from '../../authz/actor';
import { applicationsOf } from '../../repositories/groups';
import { regionDirectory } from '../../repositories/regions';
import { applicationViews } from './application';

/** The caller's own applications, newest first. */
export async function myApplications(actor: Actor): Promise<{ items: ApplicationView[] }> {
  return { items: await applicationViews(await applicationsOf(actor.userId), await regionDirectory()) };
}
