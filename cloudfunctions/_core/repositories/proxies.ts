/**
 * Proxy consents (collection proxies): a code asked by the proxy and consent given by the
 * resident in the app, or — for a resident without a smartphone — consent given on paper and
 * witnessed by staff or a grid worker (`witness`). Ended consents stay: they are her history.
 */
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
  /** Consent given outside the app: who witnessed it, on which form, and the form's reference. */
  witness?: { byUserId: string; form: 'paper' | 'photo'; ref: string } | null;
  endedAt?: Date | null;
  endedBy?: string | null;
  endReason?: string | null;
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

/** Writes a consent witnessed outside the app, active at once. */
export async function addWitnessedConsent(doc: ProxyDoc): Promise<void> {
  await proxies().add(doc);
}

/** Ends the active consent of one proxy for one resident, saying who ended it and why; false when none was active. */
export async function endConsentFor(proxyUserId: string, elderUserId: string, endedBy: string, reason: string, now: Date): Promise<boolean> {
  const { updated } = await proxies().where({ proxyUserId, elderUserId, status: 'active' }).update({ status: 'ended', endedAt: now, endedBy, endReason: reason });
  return updated > 0;
}

/** Every consent a resident gave, newest first (a person has a handful; 100 is far beyond). */
export async function consentsOfResident(elderUserId: string): Promise<ProxyDoc[]> {
  const { data } = await proxies().where({ elderUserId }).orderBy('createdAt', 'desc').limit(100).get();
  return data as ProxyDoc[];
}

/** The active consents of a resident: who acts for her (and receives her notices when she has no phone). */
export async function activeProxiesOf(elderUserId: string): Promise<ProxyDoc[]> {
  const { data } = await proxies().where({ elderUserId, status: 'active' }).limit(50).get();
  return data as ProxyDoc[];
}
