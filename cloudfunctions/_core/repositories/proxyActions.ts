/**
 * What proxies did for a resident (collection proxy_actions, her 代办记录): one entry per act,
 * written by the act itself after it succeeded, append-only, read by her, her proxies and staff.
 */
import { database } from '../runtime/cloudbase';
import { isDuplicateError } from '../runtime/dbErrors';
import { Collections } from './collections';
import { newestFirstPage } from './newestFirstPage';

export type ProxyActionKind = 'signup' | 'cancel' | 'confirm_offer' | 'check_in' | 'check_out' | 'birth_year';

export interface ProxyActionDoc {
  /** Derived from the act (kind, sign-up, time): a retry of one call never logs twice. */
  _id: string;
  residentUserId: string;
  proxyUserId: string;
  /** The consent it was done under. */
  consentId: string;
  kind: ProxyActionKind;
  activityId: string | null;
  activityTitle: string;
  at: Date;
}

const actions = () => database().collection(Collections.proxyActions);

/** Appends one act (a repeated id is the same act: nothing more is written). */
export async function recordProxyAction(doc: ProxyActionDoc): Promise<void> {
  try {
    await actions().add(doc);
  } catch (error) {
    if (!isDuplicateError(error)) throw error;
  }
}

/** A page of the acts done for a resident, newest first, with their total. */
export async function proxyActionsOf(residentUserId: string, offset: number, limit: number) {
  return newestFirstPage<ProxyActionDoc>(Collections.proxyActions, { residentUserId }, 'at', offset, limit);
}
