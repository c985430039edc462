/**
 * Proxy sign-up consent: a family member, neighbour or grid worker asks for a 6-digit code; the
 * elderly resident enters it in the app, which records her consent. Either side can end it.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { Collections } from '../repositories/collections';
import { findUser } from '../repositories/users';
import type { Actor } from '../runtime/actor';
import { database } from '../runtime/cloudbase';
import { digest } from '../runtime/hash';
import { proxyErrors } from '../../../src/shared/domainErrors';

const CODE_TTL_MS = 30 * 60_000;

interface ProxyDoc {
  _id: string;
  proxyUserId: string;
  elderUserId: string | null;
  relation: string;
  status: 'requested' | 'active' | 'ended';
  codeHash: string;
  expiresAt: Date;
  createdAt: Date;
  consentedAt: Date | null;
}

const proxies = () => database().collection(Collections.proxies);

/** The proxy asks for a code to give to the resident. */
export async function requestProxyCode(actor: Actor, relation: string, now: Date) {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
  await proxies().add({
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

/** The resident enters the code: her consent is recorded. */
export async function acceptProxyCode(actor: Actor, code: string, now: Date) {
  const _ = database().command;
  const { data } = await proxies().where({ codeHash: digest('proxy', code), status: 'requested', expiresAt: _.gt(now) }).limit(1).get();
  const request = data[0] as ProxyDoc | undefined;
  if (!request) throw proxyErrors.codeInvalid();
  if (request.proxyUserId === actor.userId) throw proxyErrors.cannotAuthorizeSelf();
  const done = await proxies().where({ _id: request._id, status: 'requested' }).update({ elderUserId: actor.userId, status: 'active', consentedAt: now });
  if (done.updated !== 1) throw proxyErrors.codeInvalid();
  return listProxies(actor);
}

/** Whom I may sign up, and who may sign me up. */
export async function listProxies(actor: Actor) {
  const [asProxy, asElder] = await Promise.all([
    proxies().where({ proxyUserId: actor.userId, status: 'active' }).limit(50).get(),
    proxies().where({ elderUserId: actor.userId, status: 'active' }).limit(50).get(),
  ]);
  const view = async (doc: ProxyDoc, other: string) => ({
    userId: other,
    nickname: (await findUser(other))?.nickname ?? '',
    relation: doc.relation,
    since: (doc.consentedAt ?? doc.createdAt).toISOString(),
  });
  return {
    canActFor: await Promise.all((asProxy.data as ProxyDoc[]).map((d) => view(d, d.elderUserId!))),
    actingForMe: await Promise.all((asElder.data as ProxyDoc[]).map((d) => view(d, d.proxyUserId))),
  };
}

/** Ends a consent: the resident withdraws it, or the proxy gives it up. */
export async function endProxy(actor: Actor, otherUserId: string, now: Date) {
  const _ = database().command;
  const { updated } = await proxies()
    .where(
      _.or([
        { proxyUserId: actor.userId, elderUserId: otherUserId, status: 'active' },
        { proxyUserId: otherUserId, elderUserId: actor.userId, status: 'active' },
      ]),
    )
    .update({ status: 'ended', endedAt: now, endedBy: actor.userId });
  if (updated === 0) throw proxyErrors.grantNotFound();
  return listProxies(actor);
}
