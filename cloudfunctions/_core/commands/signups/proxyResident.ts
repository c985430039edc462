/**
 * proxies.createResident: staff of her community or its grid worker registers a resident
 * without a smartphone — a real user document (so everything keyed by user id works for her),
 * with no WeChat of her own — and the proxy consent she gave on paper, witnessed by the actor.
 */
import { proxyErrors } from '../../../../src/shared/domainErrors';
import { proxyCommunityPolicies } from '../../../../src/shared/policies/signups';
import type { ProxyCreateResidentInput } from '../../../../src/shared/schemas/signups';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { assertContentAllowed } from '../../ports/contentCheck';
import { recordAudit } from '../../repositories/auditLog';
import { addWitnessedConsent } from '../../repositories/proxies';
import { findRegion } from '../../repositories/regions';
import { addResidentWithoutAccount, findUser, placeholderOpenid } from '../../repositories/users';
import { isDuplicateError } from '../../runtime/dbErrors';
import { digest } from '../../runtime/hash';

/** Creates her and the witnessed consent; ids derive from the request, so a retry creates nothing twice. */
export async function createResidentWithoutAccount(actor: Actor, input: ProxyCreateResidentInput, requestId: string, now: Date) {
  const region = await findRegion(input.homeCommunityId);
  const hidden = proxyErrors.communityOutOfScope();
  if (!region || region.level !== 'community') throw hidden;
  authorize(proxyCommunityPolicies, 'proxies.createResident', actor, { regionId: region._id, ancestorIds: region.ancestorIds }, hidden);
  let proxyUserId = actor.userId;
  if (input.proxyUserId !== undefined && input.proxyUserId !== actor.userId) {
    const proxy = await findUser(input.proxyUserId);
    if (!proxy) throw proxyErrors.proxyUserNotFound();
    // Her proxy is her phone: someone without one cannot be it.
    if (proxy.hasOwnAccount === false) throw proxyErrors.proxyNeedsOwnAccount();
    proxyUserId = proxy._id;
  }
  // A nickname others read (rosters, inboxes): WeChat's text check, scene 1 (profile).
  await assertContentAllowed({ nickname: input.nickname }, 1, actor.openid);
  const key = digest('resident', actor.userId, requestId);
  const residentUserId = `r${key.slice(0, 24)}`;
  const consentId = `px${key.slice(24, 48)}`;
  await ignoringDuplicate(() =>
    addResidentWithoutAccount({
      _id: residentUserId,
      openid: placeholderOpenid(residentUserId),
      nickname: input.nickname,
      avatar: null,
      homeCommunityId: region._id,
      locale: 'zh-CN',
      mayHoldGrants: false,
      lastNoShowAt: null,
      hasOwnAccount: false,
      birthYear: input.birthYear ?? null,
      createdAt: now,
      updatedAt: now,
    }),
  );
  await ignoringDuplicate(() =>
    addWitnessedConsent({
      _id: consentId,
      proxyUserId,
      elderUserId: residentUserId,
      relation: input.relation,
      status: 'active',
      // No code: the consent was given on paper, not typed in the app.
      codeHash: '',
      expiresAt: now,
      createdAt: now,
      consentedAt: now,
      witness: { byUserId: actor.userId, form: input.witness.form, ref: input.witness.ref },
    }),
  );
  await recordAudit(
    { actorId: actor.userId, action: 'proxies.createResident', targetType: 'user', targetId: residentUserId, regionId: region._id, reason: null, details: { proxyUserId, relation: input.relation, witness: input.witness.form } },
    key,
    now,
  );
  return { residentUserId, consentId, nickname: input.nickname };
}

async function ignoringDuplicate(write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (!isDuplicateError(error)) throw error;
  }
}
