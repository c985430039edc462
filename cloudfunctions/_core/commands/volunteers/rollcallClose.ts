/** rollcalls.close: staff close the roll-call; everyone who said "coming" is thanked. */
import { rollCallPolicies } from '../../../../src/shared/policies/volunteers';
import type { RollCallView } from '../../../../src/shared/schemas/volunteers';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { loadVisibleRollCall, rollCallResource } from '../../authz/rollCalls';
import { recordAudit } from '../../repositories/auditLog';
import { closeAnswers, closeRollCallOnce, comingAnswers } from '../../repositories/rollCalls';
import { rollCallView } from './rollcallView';
import { linkOf, notifyEach } from './rollcallNotices';
import { rollCallErrors } from '../../../../src/shared/domainErrors';

/** Staff close the roll-call; everyone who said "coming" is thanked. */
export async function closeRollCall(actor: Actor, rollCallId: string, requestId: string, now: Date): Promise<RollCallView> {
  const { doc, region, answer } = await loadVisibleRollCall(actor, rollCallId);
  if (doc.status !== 'open') throw rollCallErrors.closed();
  authorize(rollCallPolicies, 'rollcalls.close', actor, rollCallResource(doc, region, answer));
  const changes = { status: 'closed' as const, closedAt: now, closedBy: actor.userId };
  if (!(await closeRollCallOnce(rollCallId, changes))) throw rollCallErrors.closed();
  // Then its answers: from here no answer changes, so those thanked below are the final ones.
  await closeAnswers(rollCallId);
  const coming = await comingAnswers(rollCallId);
  await notifyEach(
    coming.map((a) => a.userId),
    (userId) => ({
      userId,
      kind: 'rollcall_closed',
      params: { title: doc.title },
      link: linkOf(rollCallId),
      dedupeKey: `rollcall-closed-${rollCallId}-${userId}`,
    }),
  );
  await recordAudit(
    { actorId: actor.userId, action: 'rollcall.close', targetType: 'rollcall', targetId: rollCallId, regionId: region._id, reason: null, details: { title: doc.title, coming: coming.length } },
    `rollcall-close-${actor.userId}-${requestId}`,
    now,
  );
  return rollCallView(actor, { ...doc, ...changes }, region, answer);
}
