/**
 * Users: one document per WeChat identity; the id is derived from the openid. A resident without
 * a smartphone is a user too (registered by staff or a grid worker): no openid, `hasOwnAccount`
 * false, a random id; once she claims it, her WeChat's own document points at it (`actsAs`).
 */
import { database } from '../runtime/cloudbase';
import { isDuplicateError } from '../runtime/dbErrors';
import { digest } from '../runtime/hash';
import { byIds } from './allMatching';
import { Collections } from './collections';
import { activeGrantsOf } from './roleGrants';

export interface UserDoc {
  _id: string;
  /**
   * A resident without an account of her own holds a placeholder (`noaccount:<id>`, never a
   * WeChat openid: those have no colon) so the unique openid index holds — CloudBase, like
   * MongoDB, indexes a missing field as null, so many documents could not go without one.
   * Where to send her messages is `wechatOpenidOf` below.
   */
  openid: string;
  nickname: string;
  avatar: string | null;
  homeCommunityId: string | null;
  locale: 'zh-CN' | 'en';
  /** Set by moderation: a suspended user can read and appeal, but not write. */
  suspendedUntil?: Date | null;
  /**
   * false: this user holds no staff grant, so the grants query is skipped (residents are nearly
   * every caller). Set true before any grant is written; never cleared (a revoked grant is
   * simply not found). Missing on older documents, which then query as before.
   */
  mayHoldGrants?: boolean;
  /**
   * When a leader last marked this person a no-show (null: never). Sign-up skips the no-show
   * count when it is null or older than the counting window. Written before the sign-up's own
   * mark, so it never lags behind one; missing on older documents, which then count as before.
   */
  lastNoShowAt?: Date | null;
  /**
   * Rate-limit counters by action (`signups_create`): the current window's start (ms) and the
   * calls counted in it, kept here so counting a call also loads its caller (see rateLimit.ts).
   */
  rate?: Record<string, { w: number; n: number }>;
  /**
   * Request ids of this user's mutations, marked by the write that counts the call (see
   * idempotency.ts): key → `<input tag>:<epoch seconds>`. Marks older than two days are pruned.
   */
  req?: Record<string, string>;
  /** false: registered by staff or a grid worker for a resident without a smartphone; missing = true. */
  hasOwnAccount?: boolean;
  /** Her birth year when she (or her proxy) gave it: the age rules at sign-up. */
  birthYear?: number | null;
  /** Skills she declared on her profile (an activity's required skills accept them as a volunteer's). */
  skills?: string[];
  /** A pending claim code of a no-account resident (only its hash). */
  claim?: { codeHash: string; expiresAt: Date } | null;
  /** The WeChat login document that claimed this resident (see `actsAs`), and its openid. */
  claimedBy?: string | null;
  claimedOpenid?: string | null;
  /** On a WeChat login document: the resident document it claimed, which the caller then is. */
  actsAs?: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The placeholder openid of a resident without an account (see `UserDoc.openid`). */
export const placeholderOpenid = (userId: string) => `noaccount:${userId}`;

/** The WeChat openid that reaches this user's phone, or null (no account of her own). */
export function wechatOpenidOf(user: Pick<UserDoc, 'openid' | 'hasOwnAccount' | 'claimedOpenid'>): string | null {
  if (user.claimedOpenid) return user.claimedOpenid;
  return user.hasOwnAccount === false || user.openid.startsWith('noaccount:') ? null : user.openid;
}

/** Derived id: concurrent first calls of one openid race for the same document. */
export function userIdOf(openid: string): string {
  return `u${digest('user', openid).slice(0, 24)}`;
}

const users = () => database().collection(Collections.users);

/** The user of an id, or null. */
export async function findUser(userId: string): Promise<UserDoc | null> {
  const { data } = await users().doc(userId).get();
  return (data[0] as UserDoc | undefined) ?? null;
}

/** Nicknames of many users in one query (lists name people; the rest of the profile stays put). */
export async function nicknamesOf(userIds: string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const data = await byIds<Pick<UserDoc, '_id' | 'nickname'>>(Collections.users, userIds, { nickname: true });
  return new Map(data.map((u) => [u._id, u.nickname]));
}

/** The user of an openid, created with defaults on first sight. */
export async function ensureUser(openid: string, defaults: { nickname: string }): Promise<UserDoc> {
  const id = userIdOf(openid);
  const existing = await findUser(id);
  if (existing) return existing;
  const now = new Date();
  const user: UserDoc = {
    _id: id,
    openid,
    nickname: defaults.nickname,
    avatar: null,
    homeCommunityId: null,
    locale: 'zh-CN',
    mayHoldGrants: false,
    lastNoShowAt: null,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await users().add(user);
    // A grant written before this user existed found no document to mark: look once now.
    if ((await activeGrantsOf(id)).length > 0) {
      await markMayHoldGrants(id);
      return { ...user, mayHoldGrants: true };
    }
    return user;
  } catch (error) {
    if (!isDuplicateError(error)) throw error;
    const raced = await findUser(id);
    if (!raced) throw error;
    return raced;
  }
}

/** Sets profile fields of one user. */
export async function updateUser(
  userId: string,
  fields: Partial<Pick<UserDoc, 'nickname' | 'avatar' | 'homeCommunityId' | 'locale' | 'birthYear' | 'skills'>>,
): Promise<void> {
  await users()
    .doc(userId)
    .update({ ...fields, updatedAt: new Date() });
}

/**
 * Marks a user as possibly holding staff grants. Writers of grants call it after writing the
 * grant: whichever of this and the user's creation comes second sees the other.
 */
export async function markMayHoldGrants(userId: string): Promise<void> {
  await users().doc(userId).update({ mayHoldGrants: true });
}

/** Notes that a leader is marking this person a no-show (see `lastNoShowAt`). */
export async function noteNoShow(userId: string, now: Date): Promise<void> {
  await users().doc(userId).update({ lastNoShowAt: now });
}

/** Who receives subscribe messages among many users: openid, language, home community. */
export async function recipientsOf(userIds: string[]): Promise<Map<string, Pick<UserDoc, 'openid' | 'locale' | 'homeCommunityId' | 'hasOwnAccount' | 'claimedOpenid'>>> {
  const ids = [...new Set(userIds)];
  const _ = database().command;
  const out = new Map<string, Pick<UserDoc, 'openid' | 'locale' | 'homeCommunityId' | 'hasOwnAccount' | 'claimedOpenid'>>();
  for (let start = 0; start < ids.length; start += 1000) {
    const { data } = await users()
      .where({ _id: _.in(ids.slice(start, start + 1000)) })
      .field({ openid: true, locale: true, homeCommunityId: true, hasOwnAccount: true, claimedOpenid: true })
      .limit(1000)
      .get();
    for (const u of data as Array<Pick<UserDoc, '_id' | 'openid' | 'locale' | 'homeCommunityId' | 'hasOwnAccount' | 'claimedOpenid'>>) out.set(u._id, u);
  }
  return out;
}

/** Whole user documents of some ids, by id (one read each, in parallel; missing ones left out). */
export async function usersById(userIds: string[]): Promise<Map<string, UserDoc>> {
  const users = await Promise.all([...new Set(userIds)].map((id) => findUser(id)));
  return new Map(users.flatMap((u) => (u ? [[u._id, u] as const] : [])));
}

/** How many residents have the community as their home (a notice's read ratio). */
export async function residentCountOf(communityId: string): Promise<number> {
  return (await users().where({ homeCommunityId: communityId }).count()).total;
}

/** Writes a resident without a smartphone (her id is random: there is no openid to derive it from). */
export async function addResidentWithoutAccount(user: UserDoc): Promise<void> {
  await users().add(user);
}

/** Puts a claim code (its hash) on a resident who still has no account; false when she has one. */
export async function setClaimCode(userId: string, claim: { codeHash: string; expiresAt: Date }): Promise<boolean> {
  const { updated } = await users().where({ _id: userId, hasOwnAccount: false }).update({ claim });
  return updated === 1;
}

/** The resident whose live claim code has this hash, or null. */
export async function residentOfClaimCode(codeHash: string, now: Date): Promise<UserDoc | null> {
  const _ = database().command;
  const { data } = await users().where({ 'claim.codeHash': codeHash, 'claim.expiresAt': _.gt(now) }).limit(1).get();
  return (data[0] as UserDoc | undefined) ?? null;
}

/**
 * Gives the resident her own WeChat: her document takes the login's openid and remembers the
 * login that claimed it — only while unclaimed, or already claimed by this very login (a retry).
 */
export async function claimResident(residentId: string, codeHash: string, login: { _id: string; openid: string }, now: Date): Promise<boolean> {
  const _ = database().command;
  const { updated } = await users()
    .where(_.or([
      { _id: residentId, hasOwnAccount: false, 'claim.codeHash': codeHash },
      { _id: residentId, claimedBy: login._id },
    ]))
    .update({ claimedOpenid: login.openid, hasOwnAccount: true, claimedBy: login._id, updatedAt: now });
  return updated === 1;
}

/** Points a WeChat login at the resident it claimed, then clears her used claim code. */
export async function linkLogin(loginId: string, residentId: string, now: Date): Promise<void> {
  await users().doc(loginId).update({ actsAs: residentId, updatedAt: now });
  await users().doc(residentId).update({ claim: null });
}
