/** moderation.appeal: the author appeals a decision, once, to another staff member. */
import type { Actor } from '../../authz/actor';
import { loadCase } from '../../authz/moderation';
import { assertContentAllowed } from '../../ports/contentCheck';
import { fileAppealOnce } from '../../repositories/moderationCases';
import { moderationErrors } from '../../../../src/shared/domainErrors';

/** The author appeals a decision, once. */
export async function appealCase(actor: Actor, caseId: string, text: string, now: Date): Promise<void> {
  const c = await loadCase(actor, caseId, 'moderation.appeal');
  await assertContentAllowed({ text }, 2, actor.openid);
  if (!(await fileAppealOnce(caseId, { text, at: now, state: 'pending', decidedBy: null, reason: null }, now))) throw moderationErrors.appealOnce();
  void c;
}
