/**
 * The caller, from the trusted platform context only: WX_OPENID is injected by CloudBase for
 * mini-program calls and by the local cloud's function host from the dev session. Nothing in
 * the event can name or change the actor.
 */
import type { Actor } from '../authz/actor';
import { activeGrantsOf } from '../repositories/roleGrants';
import { ensureUser, findUser, userIdOf, type UserDoc } from '../repositories/users';
import { platformContext } from '../runtime/cloudbase';
import { ANSWERED_FROM_KEPT, countCallOnUser, type RateLimit, type RequestMark } from './rateLimit';

export { ANSWERED_FROM_KEPT };

/** A user seen for the first time is created with this nickname until she picks one. */
const NEWCOMER = { nickname: '新居民' };

export type { Actor };

/** The caller's openid, or null for an anonymous call. */
export function openidOf(context: unknown): string | null {
  const openid = platformContext(context).WX_OPENID;
  return typeof openid === 'string' && openid.length > 0 ? openid : null;
}

/** True when the platform (not the caller) says this invocation is a timer trigger. */
export function isTimerInvocation(context: unknown): boolean {
  return platformContext(context).TRIGGER_SRC === 'timer';
}

/**
 * Counts the call against the caller's rate limit and loads the caller in the same round trip
 * (creating the user on first sight) — marking a mutation's request id in it too (`seen`: it
 * was marked before) — then their active staff grants unless the user document says there are
 * none: one round trip for a resident's every call. `onMiss`: see countCallOnUser.
 */
export async function resolveCountedActor(
  openid: string,
  action: string,
  rule: RateLimit,
  now: Date,
  mark?: RequestMark,
  onMiss?: () => Promise<boolean>,
): Promise<{ actor: Actor; seen: boolean; login: UserDoc } | typeof ANSWERED_FROM_KEPT> {
  const userId = userIdOf(openid);
  let counted = await countCallOnUser(userId, action, rule, now, mark, onMiss);
  if (counted === ANSWERED_FROM_KEPT) return counted;
  if (!counted) {
    await ensureUser(openid, NEWCOMER);
    counted = await countCallOnUser(userId, action, rule, now, mark);
    if (!counted || counted === ANSWERED_FROM_KEPT) throw new Error(`user ${userId} vanished while being created`);
  }
  return { actor: await withGrants(openid, counted.user), seen: counted.seen, login: counted.user };
}

/** The caller without counting a call (tools and core tests act as someone directly). */
export async function resolveActor(openid: string): Promise<Actor> {
  return withGrants(openid, await ensureUser(openid, NEWCOMER));
}

async function withGrants(openid: string, login: UserDoc): Promise<Actor> {
  const user = await claimedResidentOf(login);
  const grants = user.mayHoldGrants === false ? [] : await activeGrantsOf(user._id);
  return { openid, user, userId: user._id, grants };
}

/**
 * The user a WeChat login is: itself, or — once it claimed a resident registered without a
 * smartphone (proxies.claim) — her document, so her sign-ups, notices and proxies are its own.
 * Only when she points back at this login (a claim finished on both sides); else the login.
 */
async function claimedResidentOf(login: UserDoc): Promise<UserDoc> {
  if (!login.actsAs) return login;
  const resident = await findUser(login.actsAs);
  return resident && resident.claimedBy === login._id ? resident : login;
}

/** The caller of a public action without a session: no user document, no grants. */
export const ANONYMOUS: Actor = Object.freeze({
  openid: '',
  userId: 'anonymous',
  grants: [],
  user: { _id: 'anonymous', openid: '', nickname: '', avatar: null, homeCommunityId: null, locale: 'zh-CN', createdAt: new Date(0), updatedAt: new Date(0) },
}) as Actor;
