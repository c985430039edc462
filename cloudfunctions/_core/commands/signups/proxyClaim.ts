/**
 * proxies.claimCode / proxies.claim: a resident registered without a smartphone gets WeChat. Her
 * proxy or staff of her community gives her an 8-digit code; she enters it signed in with her
 * own WeChat, and from then on that login IS her user document (pipeline/actor.ts follows
 * `actsAs`): her sign-ups, records, notices and proxies stay where they are. What the login did
 * before under its own id stays with that id (a new phone has little); a staff login cannot claim.
 */
import { randomInt } from 'node:crypto';
import { proxyErrors } from '../../../../src/shared/domainErrors';
import { residentProxyPolicies } from '../../../../src/shared/policies/signups';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { loadResidentForProxies } from '../../authz/proxies';
import { claimResident, linkLogin, residentOfClaimCode, setClaimCode } from '../../repositories/users';
import { digest } from '../../runtime/hash';

const CLAIM_TTL_MS = 7 * 24 * 3600_000;

/** A new claim code for her (the previous one stops working); only its hash is stored. */
export async function issueClaimCode(actor: Actor, residentUserId: string, now: Date) {
  const { user, resource } = await loadResidentForProxies(actor, residentUserId);
  if (user.hasOwnAccount !== false) throw proxyErrors.hasOwnAccount();
  authorize(residentProxyPolicies, 'proxies.claimCode', actor, resource, proxyErrors.residentNotFound());
  const code = String(randomInt(0, 100_000_000)).padStart(8, '0');
  const expiresAt = new Date(now.getTime() + CLAIM_TTL_MS);
  if (!(await setClaimCode(user._id, { codeHash: digest('claim', code), expiresAt }))) throw proxyErrors.hasOwnAccount();
  return { code, expiresAt: expiresAt.toISOString() };
}

/** The caller's WeChat takes over the resident of the code. */
export async function claimAccount(actor: Actor, code: string, now: Date) {
  if (actor.grants.length > 0) throw proxyErrors.staffCannotClaim();
  // The actor is a claimed resident already when her login points at one.
  if (actor.user.claimedBy) throw proxyErrors.alreadyClaimed();
  const codeHash = digest('claim', code);
  const resident = await residentOfClaimCode(codeHash, now);
  if (!resident) throw proxyErrors.claimCodeInvalid();
  if (!(await claimResident(resident._id, codeHash, { _id: actor.userId, openid: actor.openid }, now))) throw proxyErrors.claimCodeInvalid();
  await linkLogin(actor.userId, resident._id, now);
  return { userId: resident._id, nickname: resident.nickname };
}
