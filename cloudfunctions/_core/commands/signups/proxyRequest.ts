/**
 * proxies.request — proxy sign-up consent: a family member, neighbour or grid worker asks for a
 * 6-digit code; the elderly resident enters it in the app, which records her consent.
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { Actor } from '../../authz/actor';
import { addProxyRequest } from '../../repositories/proxies';
import { digest } from '../../runtime/hash';

const CODE_TTL_MS = 30 * 60_000;

/** The proxy asks for a code to give to the resident (only its hash is stored). */
export async function requestProxyCode(actor: Actor, relation: string, now: Date) {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
  await addProxyRequest({
    _id: `px${randomBytes(12).toString('hex')}`,
    proxyUserId: actor.userId,
    elderUserId: null,
    relation,
    status: 'requested',
    codeHash: digest('proxy', code),
    expiresAt,
    createdAt: now,
    consentedAt: null,
  });
  return { code, expiresAt: expiresAt.toISOString() };
}
