/** moderation.appeal: the author appeals a decision, once, to another staff member. */
import { AppError } from '../../../../src/shared/errors';
import type { Actor } from '../../authz/actor';
import { loadCase } from '../../authz/moderation';
import { assertContentAllowed } from '../../ports/contentCheck';
import { fileAppealOnce } from '../../repositories/moderationCases';

/** The author appeals a decision, once. */
export async function appealCase(actor: Actor, caseId: string, text: string, now: Date): Promise<void> {
  const c = await loadCase(actor, caseId, 'moderation.appeal');
  await assertContentAllowed({ text }, 2, actor.openid);
  if (!(await fileAppealOnce(caseId, { text, at: now, state: 'pending', decidedBy: null, reason: null }, now))) throw new AppError('CONFLICT', '每个处理只能申诉一次');
  void c;
}
