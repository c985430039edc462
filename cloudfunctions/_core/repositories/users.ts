/** Users: one document per WeChat identity; the id is derived from the openid. */
import { database } from '../runtime/cloudbase';
import { isDuplicateError } from '../runtime/dbErrors';
import { digest } from '../runtime/hash';
import { byIds } from './allMatching';
import { Collections } from './collections';
import { activeGrantsOf } from './roleGrants';

export interface UserDoc {
  _id: string;
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
  createdAt: Date;
  updatedAt: Date;
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
  fields: Partial<Pick<UserDoc, 'nickname' | 'avatar' | 'homeCommunityId' | 'locale'>>,
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
export async function recipientsOf(userIds: string[]): Promise<Map<string, Pick<UserDoc, 'openid' | 'locale' | 'homeCommunityId'>>> {
  const ids = [...new Set(userIds)];
  const _ = database().command;
  const out = new Map<string, Pick<UserDoc, 'openid' | 'locale' | 'homeCommunityId'>>();
  for (let start = 0; start < ids.length; start += 1000) {
    const { data } = await users()
      .where({ _id: _.in(ids.slice(start, start + 1000)) })
      .field({ openid: true, locale: true, homeCommunityId: true })
      .limit(1000)
      .get();
    for (const u of data as Array<Pick<UserDoc, '_id' | 'openid' | 'locale' | 'homeCommunityId'>>) out.set(u._id, u);
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
