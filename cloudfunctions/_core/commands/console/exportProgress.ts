/** exports.get: the starter's export, advanced a little if nobody else is on it, then its progress. */
import type { ExportOutput } from '../../../../src/shared/schemas/console';
import type { Actor } from '../../authz/actor';
import { advanceJob } from '../../jobs/jobRunner';
import { findJob } from '../../repositories/jobs';
import { consoleJobs, EXPORT_JOB, exportView } from './exportJob';
import { consoleErrors } from '../../../../src/shared/domainErrors';

/** The starter's export: advanced for up to `budgetMs` unless someone else is on it, then its progress. */
export async function exportProgress(actor: Actor, jobId: string, now: Date, budgetMs: number): Promise<ExportOutput> {
  const job = await findJob(jobId);
  // Someone else's export answers like one that does not exist.
  if (!job || job.kind !== EXPORT_JOB || job.createdBy !== actor.userId) throw consoleErrors.exportNotFound();
  return exportView((await advanceJob(jobId, consoleJobs, { now: () => now, budgetMs })) ?? job);
}
