/**
 * Proxies as access rules (src/shared/policies/proxies.ts): loading a resident with her
 * community and the caller's own active consent to act for her (someone the caller may not see
 * answers NOT_FOUND, like someone who does not exist); and acting for someone else
 * (signups.create/cancel/confirmOffer, checkin.scan, account.updateProfile's birth year),
 * checked against the proxy's ACTIVE consent on every call — a consent withdrawn a moment ago
 * refuses the very next act — and logged in her 代办记录 (repositories/proxyActions.ts) once done.
 */
import { proxyErrors, signupErrors } from '../../../src/shared/domainErrors';
import { residentProxyPolicies, type ResidentResource } from '../../../src/shared/policies/signups';
import { activeConsentFor } from '../repositories/proxies';
import { recordProxyAction, type ProxyActionKind } from '../repositories/proxyActions';
import { findRegion } from '../repositories/regions';
import { findUser, type UserDoc } from '../repositories/users';
import type { Actor } from './actor';
import { authorize } from './authorize';

/** The policy view of a resident as the actor sees her. */
export async function residentResourceOf(actor: Actor, user: UserDoc): Promise<ResidentResource> {
  const [region, consent] = await Promise.all([
    user.homeCommunityId ? findRegion(user.homeCommunityId) : Promise.resolve(null),
    user._id === actor.userId ? Promise.resolve(null) : activeConsentFor(actor.userId, user._id),
  ]);
  return {
    userId: user._id,
    hasOwnAccount: user.hasOwnAccount !== false,
    community: region ? { regionId: region._id, ancestorIds: region.ancestorIds } : null,
    actorConsent: consent?.relation ?? null,
  };
}

/** The resident if the actor may see her proxy records (herself, her proxy, staff over her community); else NOT_FOUND. */
export async function loadResidentForProxies(actor: Actor, residentUserId: string | undefined): Promise<{ user: UserDoc; resource: ResidentResource }> {
  const hidden = proxyErrors.residentNotFound();
  const user = !residentUserId || residentUserId === actor.userId ? actor.user : await findUser(residentUserId);
  if (!user) throw hidden;
  const resource = await residentResourceOf(actor, user);
  authorize(residentProxyPolicies, 'proxies.view', actor, resource, hidden);
  return { user, resource };
}

/** Who the act is for: the actor herself (consentId null) or a resident who consented to him. */
export interface ActingFor {
  userId: string;
  consentId: string | null;
}

/** The person `forUserId` names if the actor holds her active consent (else NOT_FOUND); the actor when absent or herself. */
export async function actingFor(actor: Actor, forUserId: string | undefined): Promise<ActingFor> {
  if (!forUserId || forUserId === actor.userId) return { userId: actor.userId, consentId: null };
  const consent = await activeConsentFor(actor.userId, forUserId);
  // Without consent the person is, for this caller, as good as unknown.
  if (!consent) throw signupErrors.noProxyFor();
  return { userId: forUserId, consentId: consent._id };
}

/** Logs an act done for someone else (nothing for one's own acts); its id derives from the act, so a retry logs it once. */
export async function logProxyAct(actor: Actor, acting: ActingFor, kind: ProxyActionKind, activity: { _id: string; title: string } | null, now: Date): Promise<void> {
  if (acting.consentId === null) return;
  await recordProxyAction({
    _id: `pa-${kind}-${acting.userId}-${activity?._id ?? 'profile'}-${now.getTime()}`,
    residentUserId: acting.userId,
    proxyUserId: actor.userId,
    consentId: acting.consentId,
    kind,
    activityId: activity?._id ?? null,
    activityTitle: activity?.title ?? '',
    at: now,
  });
}
