/** Proxy sign-up consents (collection proxies): a code asked by the proxy, consent given by the resident. */
import { database } from '../runtime/cloudbase';
import { Collections } from './collections';

export interface ProxyDoc {
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

/** Stores a proxy's request for a code. */
export async function addProxyRequest(doc: ProxyDoc): Promise<void> {
  await proxies().add(doc);
}

/** The open request of a code's hash that has not expired, or null. */
export async function openRequestOfCode(codeHash: string, now: Date): Promise<ProxyDoc | null> {
  const { data } = await proxies().where({ codeHash, status: 'requested', expiresAt: database().command.gt(now) }).limit(1).get();
  return (data[0] as ProxyDoc | undefined) ?? null;
}

/** Records the resident's consent on a request still open; false when it was taken first. */
export async function consentOnce(requestId: string, elderUserId: string, now: Date): Promise<boolean> {
  const done = await proxies().where({ _id: requestId, status: 'requested' }).update({ elderUserId, status: 'active', consentedAt: now });
  return done.updated === 1;
}

/** The active consent that lets `proxyUserId` sign `elderUserId` up, or null. */
export async function activeConsentFor(proxyUserId: string, elderUserId: string): Promise<ProxyDoc | null> {
  const { data } = await proxies().where({ proxyUserId, elderUserId, status: 'active' }).limit(1).get();
  return (data[0] as ProxyDoc | undefined) ?? null;
}

/** Active consents where the user is the proxy, and where she is the resident (at most 50 each). */
export async function activeConsentsOf(userId: string): Promise<{ asProxy: ProxyDoc[]; asElder: ProxyDoc[] }> {
  const [asProxy, asElder] = await Promise.all([
    proxies().where({ proxyUserId: userId, status: 'active' }).limit(50).get(),
    proxies().where({ elderUserId: userId, status: 'active' }).limit(50).get(),
  ]);
  return { asProxy: asProxy.data as ProxyDoc[], asElder: asElder.data as ProxyDoc[] };
}

/** Ends the active consent between two people, whichever side each is on; how many ended. */
export async function endConsentsBetween(userId: string, otherUserId: string, now: Date): Promise<number> {
  const _ = database().command;
  const { updated } = await proxies()
    .where(
      _.or([
        { proxyUserId: userId, elderUserId: otherUserId, status: 'active' },
        { proxyUserId: otherUserId, elderUserId: userId, status: 'active' },
      ]),
    )
    .update({ status: 'ended', endedAt: now, endedBy: userId });
  return updated;
}
