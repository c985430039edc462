/** dashboard.export: staff start an Excel export of their region (a background job). */
import type { ExportInput, ExportOutput } from '../../../../src/shared/schemas/console';
import type { Actor } from '../../authz/actor';
import { loadStaffRegion } from '../../authz/staffScope';
import { createJob } from '../../repositories/jobs';
import { digest } from '../../runtime/hash';
import { exportProgress } from './exportProgress';
import { EXPORT_JOB, exportTotal, jobParamsOf, type ExportParams } from './exportJob';

/**
 * Starts an Excel export of the region's groups, activities, volunteer hours or audit log as a
 * job, and works on it for up to `budgetMs` at once: a community's export is usually done when
 * this answers; a county's goes on in the progress polls and the function's timer.
 */
export async function startExport(actor: Actor, input: ExportInput, requestId: string, now: Date, budgetMs: number): Promise<ExportOutput> {
  const { region, regions } = await loadStaffRegion(actor, input.regionId);
  const params: ExportParams = input.kind === 'audit' ? { kind: 'audit', staffId: input.staffId, targetId: input.targetId, from: input.from, to: input.to } : { kind: input.kind };
  // The id comes from the request: a retry finds the job its first try started.
  const id = `jx${digest('export', actor.userId, requestId).slice(0, 30)}`;
  const total = await exportTotal(params, region, regions);
  await createJob({ _id: id, fn: 'console', kind: EXPORT_JOB, params: jobParamsOf(params), total, createdBy: actor.userId, regionId: region._id }, now);
  return exportProgress(actor, id, now, budgetMs);
}
